// Linux: the socket table from /proc/net/{tcp,tcp6,udp,udp6,unix}, owners from /proc/*/fd.
import fs from 'node:fs/promises';
import type {Endpoint, OsSocket} from '../types.ts';
import {visible} from '../../text/visible.ts';
import {formatIPv6} from './ipv6.ts';

const TCP_STATES: Record<string, string> = {
  '01': 'ESTABLISHED', '02': 'SYN_SENT', '03': 'SYN_RECV', '04': 'FIN_WAIT1', '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT', '07': 'CLOSE', '08': 'CLOSE_WAIT', '09': 'LAST_ACK', '0A': 'LISTEN', '0B': 'CLOSING',
  '0C': 'NEW_SYN_RECV',
};
// UDP reuses the TCP numbers: 07 (TCP_CLOSE) is an unconnected socket, 01 a connected one.
const UDP_STATES: Record<string, string> = {'07': 'UNCONN', '01': 'ESTABLISHED'};
const UNIX_STATES: Record<string, string> = {'01': 'UNCONN', '02': 'CONNECTING', '03': 'CONNECTED', '04': 'DISCONNECTING'};

/** "0100007F:1F90" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
export function parseProcAddress(text: string, v6: boolean): Endpoint {
  const [hex = '', portHex = '0'] = text.split(':');
  const port = parseInt(portHex, 16);
  if (!v6) {
    // One word, low byte first. A busy host lists thousands of rows (TIME_WAIT) on every poll.
    const n = parseInt(hex, 16) || 0;
    return {kind: 'inet', address: `${n & 255}.${(n >>> 8) & 255}.${(n >>> 16) & 255}.${n >>> 24}`, port, family: 'IPv4'};
  }
  const bytes = new Uint8Array(16);
  for (let w = 0; w < 4; w++) {
    for (let k = 0; k < 4; k++) bytes[w * 4 + k] = parseInt(hex.slice(w * 8 + (3 - k) * 2, w * 8 + (3 - k) * 2 + 2), 16);
  }
  return {kind: 'inet', address: formatIPv6(bytes), port, family: 'IPv6'};
}

function isUnspecified(e: Endpoint): boolean {
  return e.kind === 'inet' && e.port === 0 && (e.address === '0.0.0.0' || e.address === '::');
}

/** Keeps a row when its local or remote port passes; checked before the row is parsed. */
export type PortFilter = (port: number) => boolean;

/** Local and remote port of a row ("  sl: ADDR:PORT ADDR:PORT ..."), read without splitting it. */
function rowPorts(line: string): [number, number] {
  const a = line.indexOf(':', line.indexOf(':') + 1);
  const b = line.indexOf(':', a + 1);
  return [parseInt(line.slice(a + 1, a + 5), 16), parseInt(line.slice(b + 1, b + 5), 16)];
}

export function parseInetTable(text: string, protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6', ports?: PortFilter): OsSocket[] {
  const v6 = protocol.endsWith('6');
  const udp = protocol.startsWith('udp');
  const out: OsSocket[] = [];
  const lines = text.split('\n');
  for (let n = 1; n < lines.length; n++) {
    if (ports) {
      // A busy host lists thousands of rows (TIME_WAIT) on every poll: skip the others unparsed.
      const [local, remote] = rowPorts(lines[n]!);
      if (!ports(local) && !ports(remote)) continue;
    }
    const f = lines[n]!.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseProcAddress(f[1]!, v6);
    const remote = parseProcAddress(f[2]!, v6);
    const [tx = '0', rx = '0'] = f[4]!.split(':');
    const row: OsSocket = {
      protocol,
      local,
      state: (udp ? UDP_STATES[f[3]!] : TCP_STATES[f[3]!]) ?? f[3]!,
      sendQueue: parseInt(tx, 16),
      recvQueue: parseInt(rx, 16),
      inode: Number(f[9]),
    };
    if (!isUnspecified(remote)) row.remote = remote;
    if (udp && f.length >= 13) row.drops = Number(f[12]);
    // "03:0000023A": the TIME_WAIT timer, with this many clock ticks (1/100 s) left.
    if (!udp && f[5]!.startsWith('03:')) row.timerMs = parseInt(f[5]!.slice(3), 16) * 10;
    out.push(row);
  }
  return out;
}

export function parseUnixTable(text: string): OsSocket[] {
  const out: OsSocket[] = [];
  const lines = text.split('\n');
  for (let n = 1; n < lines.length; n++) {
    const f = lines[n]!.trim().split(/\s+/);
    if (f.length < 7) continue;
    const flags = parseInt(f[3]!, 16);
    const path = f.length >= 8 ? f.slice(7).join(' ') : '';
    out.push({
      protocol: 'unix',
      local: {kind: 'unix', path},
      state: flags & 0x10000 ? 'LISTEN' : (UNIX_STATES[f[5]!] ?? f[5]!),
      sendQueue: 0,
      recvQueue: 0,
      inode: Number(f[6]),
    });
  }
  return out;
}

export interface Owner {
  pid: number;
  program: string;
}

/**
 * The program's name as a learner knows it: the base name of argv[0] (node renames its main
 * thread to "MainThread", so comm alone would say that), else comm. Any process can set
 * its argv[0] (`exec -a`), so the name is made visible here, where it enters.
 */
async function programName(dir: string): Promise<string> {
  return visible(await rawProgramName(dir));
}

async function rawProgramName(dir: string): Promise<string> {
  try {
    const argv0 = (await fs.readFile(`${dir}/cmdline`, 'utf8')).split('\0')[0] ?? '';
    const base = argv0.slice(argv0.lastIndexOf('/') + 1);
    if (base) return base;
  } catch {
    // fall through
  }
  try {
    return (await fs.readFile(`${dir}/comm`, 'utf8')).trim();
  } catch {
    return '';
  }
}

/** inode → owning process, from /proc/<pid>/fd links "socket:[inode]". Cached; our own process first. */
export class ProcOwners {
  private readonly cache = new Map<number, Owner | null>();

  private async scanPid(pid: number, dir: string, want: Set<number>, found: Map<number, Owner>): Promise<void> {
    let fds: string[];
    try {
      fds = await fs.readdir(`${dir}/fd`);
    } catch {
      return; // gone, or not ours to read
    }
    let program: string | undefined;
    for (const fd of fds) {
      let link: string;
      try {
        link = await fs.readlink(`${dir}/fd/${fd}`);
      } catch {
        continue;
      }
      if (!link.startsWith('socket:[')) continue;
      const inode = Number(link.slice(8, -1));
      if (!want.has(inode) || found.has(inode)) continue;
      program ??= await programName(dir);
      found.set(inode, {pid, program});
    }
  }

  async resolve(inodes: Iterable<number>): Promise<Map<number, Owner>> {
    const result = new Map<number, Owner>();
    const want = new Set<number>();
    for (const i of inodes) {
      if (i === 0) continue;
      const c = this.cache.get(i);
      if (c) result.set(i, c);
      else if (c === undefined) want.add(i);
    }
    if (want.size === 0) return result;
    const found = new Map<number, Owner>();
    await this.scanPid(process.pid, '/proc/self', want, found);
    if (found.size < want.size) {
      let pids: string[] = [];
      try {
        pids = (await fs.readdir('/proc')).filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
      } catch {
        // no /proc listing
      }
      for (let k = 0; k < pids.length && found.size < want.size; k += 32) {
        await Promise.all(pids.slice(k, k + 32).map((p) => this.scanPid(Number(p), `/proc/${p}`, want, found)));
      }
    }
    if (this.cache.size > 20_000) this.cache.clear();
    for (const i of want) {
      const o = found.get(i) ?? null;
      this.cache.set(i, o); // null: nobody we may see owns it; not searched again
      if (o) result.set(i, o);
    }
    return result;
  }
}

export type ProcTable = 'tcp' | 'tcp6' | 'udp' | 'udp6' | 'unix';
const FILES: readonly ProcTable[] = ['tcp', 'tcp6', 'udp', 'udp6', 'unix'];

/**
 * Sockets in /proc/net (TCP/UDP rows only on `ports`, if given), without owners: every
 * table, or only `tables` (each read costs the kernel a walk of that table). Rejects if
 * /proc/net/tcp is asked for and cannot be read.
 */
export async function readProcNet(ports?: PortFilter, tables: readonly ProcTable[] = FILES): Promise<OsSocket[]> {
  const texts = await Promise.all(
    tables.map((f) => fs.readFile(`/proc/net/${f}`, 'utf8').catch((err: unknown) => (f === 'tcp' ? Promise.reject(err) : ''))),
  );
  const out: OsSocket[] = [];
  tables.forEach((f, k) => {
    const text = texts[k]!;
    if (f === 'unix') out.push(...parseUnixTable(text));
    else out.push(...parseInetTable(text, f, ports));
  });
  return out;
}
