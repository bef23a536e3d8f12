// Endpoints and host checks. Pure functions, no sockets.
import net from 'node:net';
import type {Endpoint} from './types.ts';

/**
 * net.isIP of a host, remembered: a flood of sendto asks about the same one or two
 * addresses thousands of times a second, and node's IPv6 pattern is a long regex.
 */
const ipKinds = new Map<string, 0 | 4 | 6>();
function isIP(host: string): 0 | 4 | 6 {
  let kind = ipKinds.get(host);
  if (kind === undefined) {
    kind = net.isIP(host) as 0 | 4 | 6;
    if (ipKinds.size >= 256) ipKinds.clear();
    ipKinds.set(host, kind);
  }
  return kind;
}

/** An inet endpoint exactly as node reports it (address, port, family). */
export function inet(address: string, port: number, family?: string | number): Endpoint {
  const fam = family === 'IPv6' || family === 6 || (family === undefined && isIP(address) === 6) ? 'IPv6' : 'IPv4';
  return {kind: 'inet', address, port, family: fam};
}

export function unixEndpoint(path: string): Endpoint {
  return {kind: 'unix', path};
}

/** 127.0.0.0/8, ::1, ::ffff:127.x.x.x and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost') return true;
  const kind = isIP(h);
  if (kind === 4) return h.startsWith('127.');
  if (kind === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const m = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return m !== null && m[1] !== undefined && m[1].startsWith('127.');
  }
  return false;
}

/** 4 or 6 for an IP literal; localhost counts as 4 (127.0.0.1); 0 for other names. */
export function ipFamily(host: string): 4 | 6 | 0 {
  if (host.toLowerCase() === 'localhost') return 4;
  return isIP(host);
}

/** The literal node should use for a host the lab accepts (localhost → 127.0.0.1). */
export function literal(host: string): string {
  return host.toLowerCase() === 'localhost' ? '127.0.0.1' : host;
}

export function sameEndpoint(a: Endpoint | undefined, b: Endpoint | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'unix' || b.kind === 'unix') return a.kind === b.kind && (a as {path: string}).path === (b as {path: string}).path;
  return a.address === b.address && a.port === b.port;
}

export function endpointKey(e: Endpoint | undefined): string {
  if (!e) return '-';
  return e.kind === 'unix' ? e.path : `${e.address}|${e.port}`;
}
