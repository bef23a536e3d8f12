// Finding our own sockets at the other end of a conversation, so a command can wait
// for the peer's side of it (a connect for the accept, a send for the data).

import {unmapped} from '../lab/address.ts';
import type {Endpoint, SocketInfo} from '../lab/types.ts';

const ANY = new Set(['0.0.0.0', '::', '::ffff:0.0.0.0']);

/** IPv4-mapped IPv6 (in any spelling) counts as the IPv4 address it maps. */
const bare = unmapped;

/** Same IP and port (IPv4-mapped IPv6 counts as IPv4), or same Unix path. */
export function sameEndpoint(a: Endpoint | undefined, b: Endpoint | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind === 'unix' || b.kind === 'unix') return a.kind === 'unix' && b.kind === 'unix' && a.path !== '' && a.path === b.path;
  return a.port === b.port && bare(a.address) === bare(b.address);
}

/** Does a socket bound to `local` receive what is sent to `dest`? (wildcard binds do) */
export function reaches(local: Endpoint | undefined, dest: Endpoint): boolean {
  if (!local) return false;
  if (local.kind === 'unix' || dest.kind === 'unix') return sameEndpoint(local, dest);
  return local.port === dest.port && (ANY.has(local.address) || bare(local.address) === bare(dest.address));
}

/** Our passive socket that a connect to `dest` reaches. */
export function listenerFor(sockets: readonly SocketInfo[], protocol: 'tcp' | 'unix', dest: Endpoint): SocketInfo | undefined {
  return sockets.find((s) => s.role === 'passive' && s.protocol === protocol && s.state === 'listening' && reaches(s.local, dest));
}

/** Our UDP socket that receives datagrams sent to `dest`. */
export function udpReceiverFor(sockets: readonly SocketInfo[], dest: Endpoint, sender: string): SocketInfo | undefined {
  const from = sockets.find((s) => s.name === sender)?.local;
  return sockets.find(
    (s) =>
      s.protocol === 'udp' &&
      s.name !== sender &&
      reaches(s.local, dest) &&
      // A connected UDP socket only receives from its peer: the kernel drops the rest.
      !(s.remote && from && !sameEndpoint(s.remote, from)),
  );
}

/** The other end of a TCP connection, when both ends are ours (mirrored endpoints). */
export function mirrorPeer(sockets: readonly SocketInfo[], s: SocketInfo): SocketInfo | undefined {
  if (s.protocol !== 'tcp') return undefined;
  return sockets.find(
    (p) => p.name !== s.name && p.protocol === 'tcp' && p.role === 'active' && sameEndpoint(p.local, s.remote) && sameEndpoint(p.remote, s.local),
  );
}
