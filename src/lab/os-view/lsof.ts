// macOS (and other systems with lsof): the socket table from `lsof -nP -F`. lsof shows only
// sockets that a process owns (no TIME_WAIT rows) and has no socket inodes on macOS.
import {execFile} from 'node:child_process';
import {visible} from '../../text/visible.ts';
import type {Endpoint, OsSocket} from '../types.ts';

function parseHostPort(text: string, v6: boolean): Endpoint {
  const i = text.lastIndexOf(':');
  let host = text.slice(0, i);
  const port = Number(text.slice(i + 1)) || 0;
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host === '*') host = v6 ? '::' : '0.0.0.0';
  return {kind: 'inet', address: host, port, family: v6 || host.includes(':') ? 'IPv6' : 'IPv4'};
}

/** Parse `lsof -nP -w -T qs -F pcfPtTni` output. */
export function parseLsof(text: string): OsSocket[] {
  const out: OsSocket[] = [];
  let pid = 0;
  let program = '';
  let rec: Record<string, string> | undefined;
  let tcpInfo: Record<string, string> = {};
  const flush = () => {
    if (!rec) return;
    const t = rec.t ?? '';
    const name = rec.n ?? '';
    const base = {sendQueue: Number(tcpInfo.QS ?? 0), recvQueue: Number(tcpInfo.QR ?? 0), inode: Number(rec.i ?? 0) || 0, pid, program};
    if ((t === 'IPv4' || t === 'IPv6') && (rec.P === 'TCP' || rec.P === 'UDP')) {
      const v6 = t === 'IPv6';
      const [l = '', r] = name.split('->');
      const tcp = rec.P === 'TCP';
      const row: OsSocket = {
        protocol: tcp ? (v6 ? 'tcp6' : 'tcp') : v6 ? 'udp6' : 'udp',
        local: parseHostPort(l, v6),
        state: tcpInfo.ST ?? (tcp ? 'UNKNOWN' : r ? 'ESTABLISHED' : 'UNCONN'),
        ...base,
      };
      if (r) row.remote = parseHostPort(r, v6);
      out.push(row);
    } else if (t === 'unix') {
      // Linux lsof: "/path type=STREAM"; macOS: "/path" or "->0x…" (peer) or "0x…".
      let path = name.replace(/\s*type=\w+$/, '');
      if (path.startsWith('->') || /^0x[0-9a-f]+$/i.test(path)) path = '';
      out.push({protocol: 'unix', local: {kind: 'unix', path}, state: tcpInfo.ST ?? 'UNKNOWN', ...base});
    }
    rec = undefined;
    tcpInfo = {};
  };
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const tag = line[0]!;
    const value = line.slice(1);
    if (tag === 'p') {
      flush();
      pid = Number(value);
      program = '';
    } else if (tag === 'c') program = visible(value); // any process names itself
    else if (tag === 'f') {
      flush();
      rec = {};
    } else if (tag === 'T') {
      const eq = value.indexOf('=');
      if (eq > 0) tcpInfo[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (rec) rec[tag] = value;
  }
  flush();
  return out;
}

/** Runs lsof for internet and Unix sockets; rejects with code 'ENOENT' when lsof is missing. */
export function readLsof(): Promise<OsSocket[]> {
  return new Promise((resolve, reject) => {
    execFile('lsof', ['-nP', '-w', '-T', 'qs', '-F', 'pcfPtTni', '-i', '-U'], {maxBuffer: 64 * 1024 * 1024, timeout: 5000}, (err, stdout) => {
      // lsof exits 1 when some selections found nothing; output is still good.
      if (err && (err as {code?: unknown}).code === 'ENOENT') return reject(err);
      if (err && !stdout) return reject(err);
      resolve(parseLsof(String(stdout)));
    });
  });
}
