// A run killed with SIGKILL cannot remove its private directory of Unix socket files
// (/tmp/socket-lessons-XXXXXX/3-srv.sock). The next start removes such leftovers — only
// directories that are provably ours and provably dead: our uid, mode 0700, not a link,
// an owner marker naming a process that is gone (or a reused pid with another start
// time), and nothing inside but socket files we name and the marker.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {mayRead} from './permissions.ts';
import {DIR_PREFIX, OWNER_FILE} from './unix.ts';
import {processAlive as alive, processStartTime} from './process.ts';

const DIR_NAME = new RegExp(`^${DIR_PREFIX}[A-Za-z0-9]{6}$`);
/** What freshPath() names its files: "3-srv.sock". */
const SOCKET_FILE = /^\d+-[A-Za-z0-9_.-]{0,16}\.sock$/;
/** A marker is a few dozen bytes; anything larger is not ours. */
const MAX_MARKER = 512;

/** The marker's owner, when the marker is a small regular file of the shape we write. */
async function ownerOf(dir: string): Promise<{pid: number; start?: string} | undefined> {
  const file = path.join(dir, OWNER_FILE);
  try {
    const st = await fs.lstat(file);
    if (!st.isFile() || st.size > MAX_MARKER) return undefined;
    const o = JSON.parse(await fs.readFile(file, 'utf8')) as {app?: unknown; pid?: unknown; start?: unknown};
    if (o.app !== 'socket-lessons' || !Number.isInteger(o.pid) || (o.pid as number) <= 0) return undefined;
    return typeof o.start === 'string' ? {pid: o.pid as number, start: o.start} : {pid: o.pid as number};
  } catch {
    return undefined;
  }
}

/** Is the process that made this directory still running? (Unsure counts as yes.) */
function ownerRuns(owner: {pid: number; start?: string}): boolean {
  if (owner.pid === process.pid) return true;
  if (!alive(owner.pid)) return false;
  if (owner.start === undefined) return true;
  const now = processStartTime(owner.pid);
  // Another process has that pid now: ours is gone.
  return now === undefined || now === owner.start;
}

/** Removes one leftover directory if, and only if, every check passes. True when removed. */
export async function sweepDir(dir: string): Promise<boolean> {
  const uid = process.getuid?.();
  let st;
  try {
    st = await fs.lstat(dir);
  } catch {
    return false;
  }
  if (!st.isDirectory() || st.isSymbolicLink() || (st.mode & 0o777) !== 0o700) return false;
  if (uid !== undefined && st.uid !== uid) return false;
  const owner = await ownerOf(dir);
  if (!owner || ownerRuns(owner)) return false;
  const names = await fs.readdir(dir);
  // Anything we would not have made: not ours to judge, leave the directory alone.
  // (lstat per entry: Deno's Dirent does not report sockets.)
  for (const name of names) {
    const e = await fs.lstat(path.join(dir, name));
    if (!((name === OWNER_FILE && e.isFile()) || (SOCKET_FILE.test(name) && e.isSocket()))) return false;
  }
  for (const name of names) await fs.rm(path.join(dir, name), {force: true});
  try {
    await fs.rmdir(dir);
  } catch {
    return false; // something appeared meanwhile: keep it
  }
  return true;
}

/** Sweeps the temp directory once; never throws. Resolves with the directories removed. */
export async function sweepStaleDirs(tmp: string = os.tmpdir()): Promise<string[]> {
  if (process.platform === 'win32' || !mayRead(tmp)) return [];
  const removed: string[] = [];
  try {
    for (const name of await fs.readdir(tmp)) {
      if (!DIR_NAME.test(name)) continue;
      const dir = path.join(tmp, name);
      if (await sweepDir(dir).catch(() => false)) removed.push(dir);
    }
  } catch {
    // an unreadable temp directory: nothing to sweep
  }
  return removed;
}
