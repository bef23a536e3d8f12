// Reads a folder laid out like this repository: DIR/lessons/*.yaml and
// DIR/locales/<lng>/<ns>.json. A lesson pack is untrusted (instructors pass them around),
// so reading it has limits: only regular files are opened (a FIFO or a device is never
// opened, so nothing can block or stream forever); a symbolic link is followed only when
// it stays inside the pack; every file and the whole pack have a size cap, and the number
// of lessons and of directory entries is capped. Reads are bounded synchronous reads of
// regular files, so loading takes milliseconds and a signal is handled right after.
// Every refusal is a problem naming the file; nothing here throws.
import fs from 'node:fs';
import path from 'node:path';
import {visibleDeep} from '../text/visible.ts';
import {runSteps, type Steps} from './steps.ts';
import type {Content, LessonSource, LocaleResources} from './types.ts';

export const PACK_LIMITS = {
  /** One locale file (JSON: parsed at about 100 MB/s). */
  fileBytes: 1024 * 1024,
  /**
   * Lesson files: structure only (the largest builtin one is 3 KB, all 14 take 30 KB), and
   * YAML with positions is checked at only about 0.3 MB/s. These caps keep one file's
   * check near a tenth of a second and a whole pack's under ten seconds.
   */
  lessonBytes: 64 * 1024,
  lessonsBytes: 2 * 1024 * 1024,
  /** Everything read from one pack. */
  packBytes: 16 * 1024 * 1024,
  lessons: 500,
  /** Entries looked at in one directory (lessons/, locales/, locales/<lng>/). */
  entries: 5000,
  /** Nesting of arrays and objects in a locale file (a namespace is two levels deep). */
  jsonDepth: 16,
} as const;

export type ReadProblemCode =
  | 'read-error' // {message}
  | 'not-regular' // {kind}: a FIFO, device, socket or folder where a file belongs
  | 'outside-link' // a symbolic link that leads out of the pack
  | 'too-big' // {size, limit}
  | 'pack-too-big' // {limit}
  | 'lessons-too-big' // {limit}: the lesson files together
  | 'too-many-lessons' // {count, limit}
  | 'too-many-files' // {limit}
  | 'locale-json' // {message}
  | 'too-deep'; // {limit}

export interface ReadProblem {
  file: string;
  line: number;
  code: ReadProblemCode;
  params: Record<string, string | number>;
}

type Kind = 'file' | 'dir';

/** Reads the pack at `dir`; problems go to `onProblem` (default: ignored). */
export function readContentDir(dir: string, onProblem: (problem: ReadProblem) => void = () => {}): Content {
  return runSteps(readContentSteps(dir, onProblem));
}

/** The same, one step per file read (see steps.ts). */
export function* readContentSteps(dir: string, onProblem: (problem: ReadProblem) => void = () => {}): Steps<Content> {
  const reader = new PackReader(dir, onProblem);
  const locales: LocaleResources = {};
  const localeRoot = path.join(dir, 'locales');
  for (const lng of reader.list(localeRoot, () => true)) {
    const lngDir = path.join(localeRoot, lng);
    if (!reader.resolve(lngDir, 'dir', true)) continue;
    for (const file of reader.list(lngDir, (f) => f.endsWith('.json'))) {
      const full = path.join(lngDir, file);
      const text = reader.read(full);
      if (text === undefined) continue;
      const value = parseLocale(full, text, onProblem);
      if (value !== undefined) (locales[lng] ??= {})[file.slice(0, -'.json'.length)] = value as Record<string, unknown>;
      yield;
    }
  }
  const lessonRoot = path.join(dir, 'lessons');
  let names = reader.list(lessonRoot, (f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  if (names.length > PACK_LIMITS.lessons) {
    onProblem({file: lessonRoot, line: 1, code: 'too-many-lessons', params: {count: names.length, limit: PACK_LIMITS.lessons}});
    names = names.slice(0, PACK_LIMITS.lessons);
  }
  const lessons: LessonSource[] = [];
  let lessonBytes = 0;
  for (const name of names) {
    const file = path.join(lessonRoot, name);
    const text = reader.read(file, PACK_LIMITS.lessonBytes);
    if (text !== undefined) {
      lessonBytes += Buffer.byteLength(text);
      if (lessonBytes > PACK_LIMITS.lessonsBytes) {
        onProblem({file, line: 1, code: 'lessons-too-big', params: {limit: PACK_LIMITS.lessonsBytes}});
        break;
      }
      lessons.push({file, text});
    }
    yield;
  }
  return {locales, lessons};
}

class PackReader {
  private root: string | undefined;
  private readonly onProblem: (problem: ReadProblem) => void;
  private total = 0;
  private full = false;

  constructor(dir: string, onProblem: (problem: ReadProblem) => void) {
    this.onProblem = onProblem;
    try {
      this.root = fs.realpathSync(dir);
    } catch {
      this.root = undefined; // the caller reports a missing pack
    }
  }

  private problem(file: string, code: ReadProblemCode, params: Record<string, string | number> = {}): void {
    this.onProblem({file, line: 1, code, params});
  }

  /** Names in `dir` that pass `keep`, sorted; at most PACK_LIMITS.entries are looked at. */
  list(dir: string, keep: (name: string) => boolean): string[] {
    const real = this.resolve(dir, 'dir', true);
    if (!real) return [];
    const names: string[] = [];
    let handle: fs.Dir | undefined;
    try {
      handle = fs.opendirSync(real);
      for (let seen = 0; ; seen++) {
        const entry = handle.readSync();
        if (!entry) break;
        if (seen >= PACK_LIMITS.entries) {
          this.problem(dir, 'too-many-files', {limit: PACK_LIMITS.entries});
          break;
        }
        if (keep(entry.name)) names.push(entry.name);
      }
    } catch (error) {
      this.problem(dir, 'read-error', {message: errorCode(error)});
    } finally {
      handle?.closeSync();
    }
    return names.sort();
  }

  /**
   * The real path of `file` when it is a `kind` inside the pack (a link is followed only
   * inside it); otherwise a problem (or, with `quiet`, nothing: a missing folder is empty,
   * a file where a folder might be is skipped).
   */
  resolve(file: string, kind: Kind, quiet = false): string | undefined {
    if (!this.root) return undefined;
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(file);
      stat = fs.statSync(real);
    } catch (error) {
      if (!quiet || errorCode(error) !== 'ENOENT') this.problem(file, 'read-error', {message: errorCode(error)});
      return undefined;
    }
    if (real !== this.root && !real.startsWith(this.root.endsWith(path.sep) ? this.root : this.root + path.sep)) {
      this.problem(file, 'outside-link');
      return undefined;
    }
    const ok = kind === 'dir' ? stat.isDirectory() : stat.isFile();
    if (!ok) {
      if (!quiet) this.problem(file, 'not-regular', {kind: kindOf(stat)});
      return undefined;
    }
    return real;
  }

  /** The file's text, or undefined (and a problem) when it may not or cannot be read. */
  read(file: string, cap: number = PACK_LIMITS.fileBytes): string | undefined {
    if (this.full) return undefined;
    const real = this.resolve(file, 'file');
    if (!real) return undefined;
    let fd: number | undefined;
    try {
      // O_NOFOLLOW|O_NONBLOCK: if the file was swapped for a link or a FIFO since it was
      // checked, opening fails or returns at once, and fstat below refuses it.
      fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) {
        this.problem(file, 'not-regular', {kind: kindOf(stat)});
        return undefined;
      }
      if (stat.size > cap) {
        this.problem(file, 'too-big', {size: stat.size, limit: cap});
        return undefined;
      }
      // Read at most one byte past the cap: a file that grows while read is still bounded.
      let buffer = Buffer.allocUnsafe(stat.size + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap + 1));
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
        }
        const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length > cap) {
          this.problem(file, 'too-big', {size: length, limit: cap});
          return undefined;
        }
      }
      this.total += length;
      if (this.total > PACK_LIMITS.packBytes) {
        this.full = true;
        this.problem(file, 'pack-too-big', {limit: PACK_LIMITS.packBytes});
        return undefined;
      }
      return buffer.toString('utf8', 0, length);
    } catch (error) {
      this.problem(file, 'read-error', {message: errorCode(error)});
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

function errorCode(error: unknown): string {
  const code = (error as {code?: unknown}).code;
  return typeof code === 'string' ? code : 'EIO';
}

/** A locale file's object, its strings made visible; undefined (and a problem) when it is not one. */
function parseLocale(file: string, text: string, onProblem: (problem: ReadProblem) => void): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    onProblem({file, line: jsonErrorLine(text, (error as Error).message), code: 'locale-json', params: {message: shortMessage((error as Error).message)}});
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    onProblem({file, line: 1, code: 'locale-json', params: {message: 'not an object'}});
    return undefined;
  }
  if (depthOver(value, PACK_LIMITS.jsonDepth)) {
    onProblem({file, line: 1, code: 'too-deep', params: {limit: PACK_LIMITS.jsonDepth}});
    return undefined;
  }
  return visibleDeep(value);
}

/** Whether arrays/objects nest deeper than `limit` (iterative: any depth is safe to ask). */
export function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** At most this much of an engine's message: it may quote the file, and the file is not ours to print. */
const MESSAGE_CHARS = 100;

export function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.length > MESSAGE_CHARS ? `${first.slice(0, MESSAGE_CHARS)}…` : first;
}

/** JSON.parse says "... (line 3 column 5)" or "at position 42"; turn either into a line. */
function jsonErrorLine(text: string, message: string): number {
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  if (!byPosition) return 1;
  let line = 1;
  const end = Math.min(Number(byPosition[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
