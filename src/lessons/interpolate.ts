// Live values in prose and commands: "{srv.port}", "{c1.local}". A placeholder with no
// value stays visible exactly as written, so a mistake shows on screen instead of crashing.
import type {Endpoint, SocketInfo} from '../lab/types.ts';

export const VALUE_FIELDS = ['port', 'host', 'local', 'remote', 'path'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** "srv.port" → "41234". */
export type LiveValues = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_#-]*)\.([a-z]+)\}/g;

export function interpolate(text: string, values: LiveValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string, field: string) => values[`${name}.${field}`] ?? whole);
}

/** Every placeholder written in `text`, as "name.field". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => `${m[1]}.${m[2]}`);
}

export function formatEndpoint(endpoint: Endpoint): string {
  if (endpoint.kind === 'unix') return endpoint.path;
  return endpoint.family === 'IPv6' ? `[${endpoint.address}]:${endpoint.port}` : `${endpoint.address}:${endpoint.port}`;
}

/** The values one socket contributes. */
export function socketValues(info: SocketInfo): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (field: ValueField, value: string | number | undefined) => {
    if (value !== undefined) out[`${info.name}.${field}`] = String(value);
  };
  const {local, remote} = info;
  if (local?.kind === 'inet') {
    put('port', local.port);
    put('host', local.address);
  }
  if (local) put('local', formatEndpoint(local));
  if (remote) put('remote', formatEndpoint(remote));
  if (local?.kind === 'unix') put('path', local.path);
  else if (remote?.kind === 'unix') put('path', remote.path);
  return out;
}

/**
 * Stand-in values so a command with placeholders can be checked by the parser before
 * any socket exists (lint time).
 */
export function lintValues(text: string): LiveValues {
  const stand: Record<ValueField, string> = {
    port: '1',
    host: '127.0.0.1',
    local: '127.0.0.1:1',
    remote: '127.0.0.1:1',
    path: '/tmp/socket-lessons-lint.sock',
  };
  const out: Record<string, string> = {};
  for (const p of placeholders(text)) {
    const field = p.slice(p.lastIndexOf('.') + 1) as ValueField;
    if (field in stand) out[p] = stand[field];
  }
  return out;
}
