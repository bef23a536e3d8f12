// Addresses as the socket API writes them: 127.0.0.1:5000, [::1]:5000, or a Unix path.
// Always ASCII, never translated; a path (any bytes) goes through the sanitiser.
import type {Endpoint} from '../../lab/types.ts';
import {visible} from '../../text/visible.ts';

export function endpointText(endpoint: Endpoint | undefined): string {
  if (!endpoint) return '';
  if (endpoint.kind === 'unix') return visible(endpoint.path);
  return endpoint.family === 'IPv6' || endpoint.address.includes(':')
    ? `[${endpoint.address}]:${endpoint.port}`
    : `${endpoint.address}:${endpoint.port}`;
}

/** Same address? (IPv4-mapped IPv6 counts as IPv4, as the kernel reports both.) */
export function sameEndpoint(a: Endpoint | undefined, b: Endpoint | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'unix' || b.kind === 'unix') return a.kind === 'unix' && b.kind === 'unix' && a.path === b.path;
  return a.port === b.port && unmap(a.address) === unmap(b.address);
}

function unmap(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export function endpointPort(endpoint: Endpoint | undefined): number | undefined {
  return endpoint?.kind === 'inet' ? endpoint.port : undefined;
}
