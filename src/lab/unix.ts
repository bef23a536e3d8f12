// Unix domain sockets: a private temp dir for default paths, and removing the files we made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import {labError, toLabError} from './errors.ts';
import {processStartTime} from './process.ts';
import type {Operation, UnixProblem} from './types.ts';

export function unixSupported(): boolean {
  return process.platform !== 'win32';
}

export function assertUnix(operation: Operation, socket?: string): void {
  if (!unixSupported()) throw labError('EUNSUPPORTED', operation, socket);
}

/** Our private directories are DIR_PREFIX + mkdtemp's six characters. */
export const DIR_PREFIX = 'socket-lessons-';
/** In each one: who made it, so a later run can tell a leftover (SIGKILL) from a live one. */
export const OWNER_FILE = 'owner';

interface Owner {
  app: 'socket-lessons';
  pid: number;
  /** The process's start time (Linux: /proc/PID/stat field 22), so a reused pid is not taken for ours. */
  start?: string;
}

function writeOwner(dir: string): void {
  const owner: Owner = {app: 'socket-lessons', pid: process.pid};
  const start = processStartTime('self');
  if (start !== undefined) owner.start = start;
  try {
    fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify(owner), {mode: 0o600, flag: 'wx'});
  } catch {
    // without a marker the directory is simply never swept
  }
}

/** Owns the lab's private directory of socket files. */
export class UnixFiles {
  private dir: string | undefined;
  private counter = 0;
  readonly files = new Set<string>();

  /** A fresh path in a private (0700) temp dir, e.g. /tmp/socket-lessons-Ab12/3-srv.sock */
  freshPath(name: string, operation: Operation): string {
    if (this.dir === undefined) {
      try {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
      } catch (err) {
        throw toLabError(err, operation, name);
      }
      writeOwner(this.dir);
    }
    const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 16);
    return path.join(this.dir, `${++this.counter}-${safe}.sock`);
  }

  /** Remove a socket file the lab created (idempotent, never throws). */
  remove(file: string): void {
    this.files.delete(file);
    try {
      fs.rmSync(file, {force: true});
    } catch {
      // already gone or not ours to remove
    }
  }

  /** Remove every file and the private dir. Synchronous: safe in an 'exit' handler. */
  removeAll(): void {
    for (const f of [...this.files]) this.remove(f);
    if (this.dir !== undefined) {
      try {
        fs.rmSync(this.dir, {recursive: true, force: true});
      } catch {
        // ignore
      }
      this.dir = undefined;
    }
  }
}

const code = (err: unknown): unknown => (err as {code?: unknown} | null)?.code;

/** Does a program accept on this socket file? (A refused connect means a leftover file.) */
export function accepting(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({path: file});
    s.on('error', () => resolve(false));
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
  });
}

/**
 * After a listen or connect on a Unix path failed with `errno`: look at the path to say what
 * is really wrong (node reports a missing directory as EACCES, a plain file as EADDRINUSE).
 * Undefined when the path looks fine and the error speaks for itself. Synchronous (two
 * lstat calls on a local path) so a failed connect still reports before its close.
 */
export function unixPathProblem(file: string, errno: string | undefined, operation: Operation): UnixProblem | undefined {
  const dir = path.dirname(file);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    if (code(err) === 'ENOTDIR') return {kind: 'not-a-directory', dir};
    if (code(err) !== 'ENOENT') return undefined;
    try {
      if (!fs.statSync(dir).isDirectory()) return {kind: 'not-a-directory', dir};
    } catch (e) {
      if (code(e) === 'ENOENT') return {kind: 'no-directory', dir};
      if (code(e) === 'ENOTDIR') return {kind: 'not-a-directory', dir};
      return undefined;
    }
    return errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS' ? {kind: 'no-permission', dir} : undefined;
  }
  if (!st.isSocket()) return {kind: 'not-a-socket', dir};
  // A socket file nobody accepts on: left behind by a program that ended without removing it.
  if (operation === 'connect' && errno === 'ECONNREFUSED') return {kind: 'stale-socket', dir};
  if (operation === 'listen' && errno === 'EADDRINUSE') return {kind: 'stale-socket', dir}; // the caller checks with accepting()
  return undefined;
}
