// Starting the hostile peer (fixtures/hostile-peer.mjs) and checking text for what must
// never reach a terminal from outside.
import path from 'node:path';
import {spawnChild, type Child} from '../lab/child.ts';
import {ROOT} from '../e2e/pty-rig.ts';

export const PEER = path.join(ROOT, 'test/attack/fixtures/hostile-peer.mjs');

export type Payload = 'escapes' | 'megaline' | 'invalid-utf8' | 'flood';

/** A TCP server that sends `payload` to whoever connects, then FIN. */
export async function hostileServer(payload: Payload, env?: NodeJS.ProcessEnv): Promise<{child: Child; port: number}> {
  const child = spawnChild(process.execPath, [PEER, 'tcp-server', payload], env);
  const {port} = (await child.next((m) => typeof m['port'] === 'number')) as {port: number};
  return {child, port};
}

/** A TCP server that accepts and never reads, until told to. */
export async function silentServer(): Promise<{child: Child; port: number}> {
  const child = spawnChild(process.execPath, [PEER, 'tcp-silent']);
  const {port} = (await child.next((m) => typeof m['port'] === 'number')) as {port: number};
  return {child, port};
}

/** Datagrams of `payload` to host:port; resolves with how many were sent. */
export async function hostileDatagrams(host: string, port: number, payload: Payload, env?: NodeJS.ProcessEnv): Promise<number> {
  const child = spawnChild(process.execPath, [PEER, 'udp', host, String(port), payload], env);
  const r = await child.next((m) => m['sent'] !== undefined || m['error'] !== undefined, 30_000);
  if (r['error'] !== undefined) throw new Error(`hostile datagrams: ${String(r['error'])}`);
  return r['sent'] as number;
}

/** C0 controls but newline and tab, DEL, C1 controls: never in text meant for a terminal. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidi overrides and embeddings from outside (the app's own layout uses neither). */
export const RAW_BIDI = /[\u202a-\u202e]/;

/** Sequences the hostile peer sends that a terminal would act on; none may appear raw. */
export const HOSTILE_MARKERS = ['\x1b]52;', '\x1b]0;pwned', '\x1b]8;;https://evil', '\x1b[6n', '\x1bP+q', '\x9b31m', '\u202egnp'];

export function hostileIn(raw: string): string[] {
  return HOSTILE_MARKERS.filter((m) => raw.includes(m));
}
