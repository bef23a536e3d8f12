// Turns whatever node or Deno threw into a LabError (data only, no prose).
import type {Endpoint, LabErrorCode, LabLimit, Operation} from './types.ts';
import {LabError} from './types.ts';

const DIRECT: ReadonlySet<string> = new Set<LabErrorCode>([
  'EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT',
  'EMSGSIZE', 'ETIMEDOUT', 'EPERM',
]);

const MAPPED: Record<string, LabErrorCode> = {
  ERR_SOCKET_DGRAM_IS_CONNECTED: 'ESTATE',
  ERR_SOCKET_DGRAM_NOT_CONNECTED: 'ESTATE',
  ERR_SOCKET_DGRAM_NOT_RUNNING: 'ESTATE',
  ERR_SOCKET_ALREADY_BOUND: 'ESTATE',
  ERR_SERVER_ALREADY_LISTEN: 'ESTATE',
  EISCONN: 'ESTATE',
  ENOTCONN: 'ESTATE',
  EDESTADDRREQ: 'ESTATE',
  ERR_STREAM_DESTROYED: 'EPIPE',
  ERR_STREAM_WRITE_AFTER_END: 'EPIPE',
  ECONNABORTED: 'ECONNRESET',
  EMFILE: 'ELIMIT',
  ENFILE: 'ELIMIT',
};

/** Deno reports a missing --allow-* flag as NotCapable (2.x) or PermissionDenied (1.x). */
function isPermissionDenial(err: {name?: unknown; message?: unknown}): boolean {
  return err.name === 'NotCapable' || err.name === 'PermissionDenied' ||
    (typeof err.message === 'string' && /Requires (net|read|write|sys|env) access/.test(err.message));
}

export function toLabError(err: unknown, operation: Operation, socket?: string, address?: Endpoint): LabError {
  if (err instanceof LabError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as {code?: unknown; name?: unknown; message?: unknown};
  const sys = typeof e.code === 'string' ? e.code : undefined;
  let code: LabErrorCode;
  if (isPermissionDenial(e)) code = 'EPERM';
  else if (sys !== undefined && DIRECT.has(sys)) code = sys as LabErrorCode;
  else if (sys !== undefined && MAPPED[sys] !== undefined) code = MAPPED[sys];
  else code = 'EOTHER';
  const info: ConstructorParameters<typeof LabError>[0] = {code, operation};
  if (socket !== undefined) info.socket = socket;
  if (address !== undefined) info.address = address;
  if (sys !== undefined && sys !== code) info.sysCode = sys;
  // Out of file descriptors: the OS's limit (ulimit -n), not the lab's.
  if (code === 'ELIMIT') info.limit = {kind: 'descriptors'};
  else if (code === 'EOTHER' || code === 'EPERM') {
    const n = typeof e.name === 'string' ? e.name : undefined;
    if (n !== undefined && n !== 'Error') info.sysCode = n;
  }
  return new LabError(info);
}

export function labError(code: LabErrorCode, operation: Operation, socket?: string, address?: Endpoint): LabError {
  const info: ConstructorParameters<typeof LabError>[0] = {code, operation};
  if (socket !== undefined) info.socket = socket;
  if (address !== undefined) info.address = address;
  return new LabError(info);
}

/** ELIMIT naming the limit that was hit. */
export function limitError(limit: LabLimit, operation: Operation, socket?: string, address?: Endpoint): LabError {
  const info: ConstructorParameters<typeof LabError>[0] = {code: 'ELIMIT', operation, limit};
  if (socket !== undefined) info.socket = socket;
  if (address !== undefined) info.address = address;
  return new LabError(info);
}
