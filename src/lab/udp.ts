// Datagram sockets: lazy creation (the family is known at the first bind/send/connect),
// explicit and implicit bind, sendto, connect/disconnect (default peer), messages, close.
import dgram from 'node:dgram';
import {inet, ipFamily, isLoopback, literal} from './address.ts';
import type {Entry, LabCore} from './core.ts';
import {labError} from './errors.ts';
import {LabError, type Endpoint, type Operation, type SocketInfo} from './types.ts';

function familyFor(core: LabCore, entry: Entry, host: string, operation: Operation): 4 | 6 {
  const f = ipFamily(host);
  if (f === 0) throw labError('EADDRNOTAVAIL', operation, entry.info.name, inet(host, 0)); // names are not resolved for UDP
  return f;
}

/** The node socket behind a lab UDP socket, created with every handler at once. */
function ensureSocket(core: LabCore, entry: Entry, family: 4 | 6): dgram.Socket {
  if (entry.udp) return entry.udp;
  const size = core.udpReceiveBuffer;
  const u = dgram.createSocket({type: family === 6 ? 'udp6' : 'udp4', ...(size === undefined ? {} : {recvBufferSize: size})});
  entry.udp = u;
  const i = entry.info;
  const bus = core.bus;
  const previewBytes = core.previewBytes;
  let lastFrom: Endpoint | undefined;
  let lastFromAllowed = true;
  u.on('error', (err: Error) => {
    if (entry.udp === u) core.fail(entry, err, 'recv', i.local);
  });
  u.on('listening', () => {
    if (entry.udp !== u || entry.binding) return;
    // The OS bound the socket by itself (first send or connect on an unbound socket).
    const a = u.address();
    i.local = inet(a.address, a.port, a.family);
    if (i.state === 'new') i.state = 'bound';
    core.remember(entry);
    bus.emit({type: 'bind', implicit: true, socket: i.name, protocol: 'udp', local: i.local});
  });
  u.on('message', (msg: Buffer, rinfo: dgram.RemoteInfo) => {
    if (entry.udp !== u) return;
    let from = lastFrom;
    if (from === undefined || from.kind !== 'inet' || from.port !== rinfo.port || from.address !== rinfo.address) {
      from = lastFrom = inet(rinfo.address, rinfo.port, rinfo.family);
      lastFromAllowed = core.acceptsFrom(i.local, rinfo.address);
    }
    // An implicit bind is on 0.0.0.0 (or ::), as in C, so another host can reach it: without
    // --allow-remote its datagrams are dropped here, before any event shows them.
    if (!lastFromAllowed) {
      entry.foreignDropped = (entry.foreignDropped ?? 0) + 1;
      return;
    }
    i.datagramsIn++;
    i.bytesIn += msg.length;
    bus.emit({
      type: 'message', bytes: msg.length, from, preview: msg.toString('utf8', 0, Math.min(previewBytes, msg.length)),
      socket: i.name, protocol: 'udp', local: i.local, remote: i.remote,
    });
  });
  u.on('close', () => {
    if (entry.udp === u) core.closed(entry, false);
  });
  return u;
}

export function udpBind(core: LabCore, entry: Entry, host: string, port: number): Promise<SocketInfo> {
  const i = entry.info;
  if (i.state !== 'new') return Promise.reject(labError('ESTATE', 'bind', i.name, i.local));
  const u = ensureSocket(core, entry, familyFor(core, entry, host, 'bind'));
  const requested = inet(literal(host), port);
  entry.binding = true;
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      u.off('listening', onListening);
      entry.abortPending = undefined;
      entry.binding = false;
      // A failed bind leaves the socket unbound, as in C; drop the node socket and keep the name.
      entry.udp = undefined;
      u.close();
      void core.failBind(entry, err, 'bind', requested).then(reject);
    };
    const onListening = () => {
      u.off('error', onError);
      entry.abortPending = undefined;
      entry.binding = false;
      const a = u.address();
      i.local = inet(a.address, a.port, a.family);
      i.state = 'bound';
      core.remember(entry);
      core.bus.emit({type: 'bind', implicit: false, socket: i.name, protocol: 'udp', local: i.local});
      resolve(core.copy(entry));
    };
    u.prependOnceListener('error', onError);
    u.once('listening', onListening);
    entry.abortPending = () => {
      entry.abortPending = undefined;
      u.off('error', onError);
      u.off('listening', onListening);
      entry.binding = false;
      reject(new LabError({code: 'ESTATE', operation: 'bind', socket: i.name, address: requested, sysCode: 'ECONNABORTED'}));
    };
    u.bind({address: literal(host), port, exclusive: true});
  });
}

export function udpSendTo(core: LabCore, entry: Entry, host: string, port: number, data: Uint8Array): Promise<void> {
  const i = entry.info;
  // A flood sends to one address thousands of times a second: the same endpoint object
  // serves them all (events only read it).
  let to = entry.lastTo;
  if (to?.kind !== 'inet' || to.port !== port || entry.lastToHost !== host) {
    to = entry.lastTo = inet(literal(host), port);
    entry.lastToHost = host;
  }
  if (i.state === 'connected') return Promise.reject(labError('ESTATE', 'sendto', i.name, to)); // node: ERR_SOCKET_DGRAM_IS_CONNECTED
  const u = ensureSocket(core, entry, familyFor(core, entry, host, 'sendto'));
  return send(core, entry, u, data, to, 'sendto');
}

export function udpSend(core: LabCore, entry: Entry, data: Uint8Array): Promise<void> {
  const i = entry.info;
  if (i.state !== 'connected' || !entry.udp) return Promise.reject(labError('ESTATE', 'send', i.name)); // EDESTADDRREQ in C
  return send(core, entry, entry.udp, data, undefined, 'send');
}

function send(core: LabCore, entry: Entry, u: dgram.Socket, data: Uint8Array, to: Endpoint | undefined, op: Operation): Promise<void> {
  const i = entry.info;
  return new Promise((resolve, reject) => {
    const cb = (err: Error | null) => {
      if (err) {
        reject(core.fail(entry, err, op, to ?? i.remote));
        return;
      }
      i.datagramsOut++;
      i.bytesOut += data.length;
      core.bus.emit({type: 'send', bytes: data.length, to: to ?? i.remote, socket: i.name, protocol: 'udp', local: i.local, remote: i.remote});
      resolve();
    };
    try {
      if (to && to.kind === 'inet') u.send(data, to.port, to.address, cb);
      else u.send(data, cb);
    } catch (err) {
      reject(core.fail(entry, err, op, to ?? i.remote));
    }
  });
}

export function udpConnect(core: LabCore, entry: Entry, host: string, port: number): Promise<SocketInfo> {
  const i = entry.info;
  const to = inet(literal(host), port);
  if (i.state === 'connected') return Promise.reject(labError('ESTATE', 'connect', i.name, to));
  const u = ensureSocket(core, entry, familyFor(core, entry, host, 'connect'));
  return new Promise((resolve, reject) => {
    try {
      u.connect(port, literal(host), (err?: Error) => {
        if (err) {
          reject(core.fail(entry, err, 'connect', to));
          return;
        }
        const r = u.remoteAddress();
        i.remote = inet(r.address, r.port, r.family);
        i.state = 'connected';
        core.remember(entry);
        core.bus.emit({type: 'connect', socket: i.name, protocol: 'udp', local: i.local, remote: i.remote});
        resolve(core.copy(entry));
      });
    } catch (err) {
      reject(core.fail(entry, err, 'connect', to));
    }
  });
}

export function udpDisconnect(core: LabCore, entry: Entry): SocketInfo {
  const i = entry.info;
  if (i.state !== 'connected' || !entry.udp) throw labError('ESTATE', 'disconnect', i.name);
  try {
    entry.udp.disconnect();
  } catch (err) {
    throw core.fail(entry, err, 'disconnect', i.remote);
  }
  const was = i.remote;
  i.remote = undefined;
  i.state = 'bound';
  core.bus.emit({type: 'disconnect', socket: i.name, protocol: 'udp', local: i.local, remote: was});
  return core.copy(entry);
}

export function udpClose(core: LabCore, entry: Entry): Promise<void> {
  const done = core.whenClosed(entry);
  entry.abortPending?.(); // a pending bind fails; the close below ends the socket
  const u = entry.udp;
  if (!u) core.closed(entry, false);
  else {
    try {
      u.close();
    } catch {
      core.closed(entry, false);
    }
  }
  return done;
}

