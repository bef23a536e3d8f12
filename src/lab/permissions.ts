// Deno: ask before touching the network or the file system. Deno's node:net throws a
// missing permission from a deferred tick, outside any 'error' handler, so the lab checks
// first and returns a typed EPERM instead. Never prompts (a prompt would land inside Ink).
import {LabError, type Endpoint, type Operation} from './types.ts';

interface DenoPermissions {
  querySync?(desc: {name: string; host?: string; path?: string}): {state: string};
}
const deno = (globalThis as {Deno?: {permissions?: DenoPermissions}}).Deno;

export const isDeno = deno !== undefined;

function granted(desc: {name: string; host?: string; path?: string}): boolean {
  const q = deno?.permissions?.querySync;
  if (!q) return true;
  try {
    return q.call(deno!.permissions, desc).state === 'granted';
  } catch {
    return true; // let the operation itself report
  }
}

function deny(operation: Operation, socket: string | undefined, address: Endpoint | undefined): LabError {
  const info: ConstructorParameters<typeof LabError>[0] = {code: 'EPERM', operation, sysCode: 'NotCapable'};
  if (socket !== undefined) info.socket = socket;
  if (address !== undefined) info.address = address;
  return new LabError(info);
}

/** Throws EPERM unless Deno may use the network for host (and port, when not 0). */
export function checkNet(host: string, port: number, operation: Operation, socket?: string): void {
  if (!isDeno) return;
  const h = host.includes(':') ? `[${host}]` : host;
  if (!granted({name: 'net', host: port > 0 ? `${h}:${port}` : h})) {
    throw deny(operation, socket, {kind: 'inet', address: host, port, family: host.includes(':') ? 'IPv6' : 'IPv4'});
  }
}

/** Unix sockets under Deno need read and write access to the path, and net. */
export function checkUnix(path: string, operation: Operation, socket?: string): void {
  if (!isDeno) return;
  if (!granted({name: 'read', path}) || !granted({name: 'write', path})) throw deny(operation, socket, {kind: 'unix', path});
}

export function mayRead(path: string): boolean {
  return !isDeno || granted({name: 'read', path});
}
