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

/** 127.0.0.0/8, ::1, IPv4-mapped loopback in any spelling (::ffff:127.0.0.1, ::ffff:7f00:1) and the name localhost. */
export function isLoopback(host: string): boolean {
  let h = host.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  const w = ipv6Words(h);
  if (!w) return false;
  if (w.slice(0, 7).every((x) => x === 0)) return w[7] === 1; // ::1
  return w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff && w[6]! >> 8 === 127; // ::ffff:127.x.x.x
}

/** The eight 16-bit words of an IPv6 literal (zone ids refused), or undefined. */
export function ipv6Words(text: string): number[] | undefined {
  if (!net.isIPv6(text) || text.includes('%')) return undefined;
  let h = text;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes its two words.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    h = `${h.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left, right] = h.includes('::') ? h.split('::') as [string, string] : [h, undefined];
  const words = (part: string) => (part === '' ? [] : part.split(':').map((x) => parseInt(x, 16)));
  const l = words(left);
  const r = right === undefined ? [] : words(right);
  const missing = 8 - l.length - r.length;
  if (right === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...l, ...new Array<number>(right === undefined ? 0 : missing).fill(0), ...r];
}

/** An IPv4-mapped IPv6 address in any spelling (::ffff:7f00:1) as its IPv4 address (127.0.0.1); anything else as given. */
export function unmapped(address: string): string {
  const w = address.includes(':') ? ipv6Words(address.toLowerCase()) : undefined;
  if (!w || !w.slice(0, 5).every((x) => x === 0) || w[5] !== 0xffff) return address;
  return `${w[6]! >> 8}.${w[6]! & 255}.${w[7]! >> 8}.${w[7]! & 255}`;
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
