// Unix domain sockets: a private temp dir for default paths, and removing the files we made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {labError, toLabError} from './errors.ts';
import type {Operation} from './types.ts';

export function unixSupported(): boolean {
  return process.platform !== 'win32';
}

export function assertUnix(operation: Operation, socket?: string): void {
  if (!unixSupported()) throw labError('EUNSUPPORTED', operation, socket);
}

/** Owns the lab's private directory of socket files. */
export class UnixFiles {
  private dir: string | undefined;
  private counter = 0;
  readonly files = new Set<string>();

  /** A fresh path in a private (0700) temp dir, e.g. /tmp/socket-lessons-Ab12/3-srv.sock */
  freshPath(name: string, operation: Operation): string {
    try {
      this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lessons-'));
    } catch (err) {
      throw toLabError(err, operation, name);
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
