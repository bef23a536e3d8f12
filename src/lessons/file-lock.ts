// A lock file next to a file two app instances may both rewrite (progress.json): created
// with O_EXCL, holding who took it. A lock whose process is gone (killed mid-save) or that
// is far older than any save takes is stale and taken over, carefully: two instances that
// both find it stale must not both end up holding it.
import nodeFs from 'node:fs';
import os from 'node:os';
import {processAlive as alive} from '../lab/process.ts';

/** Random hex, with node:crypto loaded only when a lock is taken (loading it costs every start ~10 ms). */
const randomHex = async (bytes: number): Promise<string> => (await import('node:crypto')).randomBytes(bytes).toString('hex');

/** A save holds the lock for milliseconds; one held this long belongs to a stuck process. */
export const LOCK_STALE_MS = 10_000;
/** Give up waiting for a live holder after this long (the caller then reports the save failed). */
export const LOCK_WAIT_MS = 5_000;

interface Holder {
  pid: number;
  host: string;
  token: string;
  at: number;
}

const code = (err: unknown): unknown => (err as {code?: unknown} | null)?.code;

async function readHolder(lock: string): Promise<{holder?: Holder; mtimeMs: number} | undefined> {
  try {
    const [text, st] = await Promise.all([nodeFs.promises.readFile(lock, 'utf8'), nodeFs.promises.stat(lock)]);
    try {
      const h = JSON.parse(text) as Partial<Holder>;
      if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string' && typeof h.at === 'number') {
        return {holder: h as Holder, mtimeMs: st.mtimeMs};
      }
    } catch {
      // half written (the holder died between create and write): judged by its age
    }
    return {mtimeMs: st.mtimeMs};
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(found: {holder?: Holder; mtimeMs: number}, now: number): boolean {
  if (now - found.mtimeMs > LOCK_STALE_MS) return true;
  const h = found.holder;
  // On this machine a holder whose pid is gone is stale at once; elsewhere (a shared home) only by age.
  return h !== undefined && h.host === os.hostname() && h.pid !== process.pid && !alive(h.pid);
}

/** Remove a lock judged stale, unless another instance replaced it meanwhile. */
async function breakStale(lock: string, judged: {holder?: Holder}): Promise<void> {
  const aside = `${lock}.stale-${process.pid}-${await randomHex(4)}`;
  try {
    await nodeFs.promises.rename(lock, aside);
  } catch (err) {
    if (code(err) === 'ENOENT') return; // someone else broke it first
    throw err;
  }
  const moved = await readHolder(aside).catch(() => undefined);
  if (moved?.holder && moved.holder.token !== judged.holder?.token) {
    // We moved a fresh lock another instance had just taken: put it back if the place is free.
    await nodeFs.promises.link(aside, lock).catch(() => undefined);
  }
  await nodeFs.promises.rm(aside, {force: true});
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding `${file}.lock`. Throws what creating the lock threw (EROFS,
 * EACCES…) or ETIMEDOUT after LOCK_WAIT_MS behind a live holder.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const me: Holder = {pid: process.pid, host: os.hostname(), token: await randomHex(8), at: Date.now()};
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await nodeFs.promises.open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({...me, at: Date.now()}));
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if (code(err) !== 'EEXIST') throw err;
    }
    const found = await readHolder(lock);
    if (found === undefined) continue; // released between our two looks
    if (isStale(found, Date.now())) {
      await breakStale(lock, found);
      continue;
    }
    if (Date.now() > deadline) throw Object.assign(new Error(`${lock} is held by pid ${found.holder?.pid ?? '?'}`), {code: 'ETIMEDOUT'});
    // No event tells another process's unlink: back off briefly (a save takes milliseconds).
    await pause(Math.min(50, 2 ** attempt) + Math.random() * 5);
  }
  try {
    return await work();
  } finally {
    // Only our own lock: had we been judged stale, the file may be another instance's by now.
    const now = await readHolder(lock).catch(() => undefined);
    if (now?.holder?.token === me.token) await nodeFs.promises.rm(lock, {force: true}).catch(() => undefined);
  }
}
