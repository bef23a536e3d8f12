// Endpoints and host checks. Pure functions, no sockets.
import net from 'node:net';
import type {Endpoint} from './types.ts';

/** An inet endpoint exactly as node reports it (address, port, family). */
export function inet(address: string, port: number, family?: string | number): Endpoint {
  const fam = family === 'IPv6' || family === 6 || (family === undefined && net.isIPv6(address)) ? 'IPv6' : 'IPv4';
  return {kind: 'inet', address, port, family: fam};
}

export function unixEndpoint(path: string): Endpoint {
  return {kind: 'unix', path};
}

/** 127.0.0.0/8, ::1, ::ffff:127.x.x.x and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const m = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return m !== null && m[1] !== undefined && m[1].startsWith('127.');
  }
  return false;
}

/** 4 or 6 for an IP literal; localhost counts as 4 (127.0.0.1); 0 for other names. */
export function ipFamily(host: string): 4 | 6 | 0 {
  if (host.toLowerCase() === 'localhost') return 4;
  const f = net.isIP(host);
  return f === 4 || f === 6 ? f : 0;
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
