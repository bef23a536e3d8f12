// The learner's progress, one JSON file per user. Writes are atomic (temp file + rename);
// a file that does not parse is kept aside as a backup and a fresh one starts; a folder
// we cannot write to leaves the app running with progress kept in memory only.
// Every such case is a typed notice for the UI to tell the learner, at start or later.
// Two instances at once (two terminals) must not lose each other's lessons: each save
// takes a lock file, reads what is on disk now and replays this instance's changes on it.
import nodeFs from 'node:fs';
import path from 'node:path';
import {appConfigDir} from './config-dir.ts';
import {withFileLock} from './file-lock.ts';
import {completedSteps, type LessonState} from './state.ts';
import type {Lesson} from './types.ts';

// node:fs/promises costs every start ~1.5 ms to load, and a start only reads one file:
// that read uses the callback API; saving uses fs.promises (node loads it at first use).
const readText = (file: string): Promise<string> =>
  new Promise((resolve, reject) => nodeFs.readFile(file, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));

export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** Step indexes completed (or skipped for lack of a platform feature). */
  steps: number[];
  /** Steps the lesson had when last recorded, so the menu can show done/total. */
  total: number;
  completed: boolean;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  language?: string;
  bidi?: 'app' | 'terminal' | 'off';
  /** Settings: the second language shown after each paragraph ('none': chosen off). */
  also?: 'en' | 'fa' | 'ru' | 'none';
  /** Settings: colours on or off (absent: NO_COLOR decides). */
  colour?: boolean;
  /** Where the learner was: the lesson and step to resume. */
  last?: {lesson: string; step: number};
  lessons: Record<string, LessonProgress>;
}

export type ProgressNotice =
  /** The file did not parse: it was renamed to `backup` (absent if even that failed). */
  | {kind: 'corrupted'; file: string; backup?: string}
  /** Saving is off for this run: the folder or file cannot be written (`code`: EACCES, EROFS, ENOTDIR…). */
  | {kind: 'unwritable'; file: string; code: string}
  /** The file was written by a newer version: left untouched, progress kept in memory. */
  | {kind: 'newer-version'; file: string; version: number};

export interface ProgressStore {
  readonly file: string;
  /** False once saving has failed (or was never possible): progress lives in memory only. */
  readonly persistent: boolean;
  get(): Progress;
  /**
   * Change progress and save it. Resolves with a notice only when this save failed. The
   * change is replayed on what is on disk when it is saved (another instance may have
   * saved meanwhile), so it must be a function of the progress it is given.
   */
  update(change: (progress: Progress) => Progress): Promise<ProgressNotice | undefined>;
  /** Hear about every save that fails from now on (saving then stops for this run). */
  onNotice(listener: (notice: ProgressNotice) => void): () => void;
  /** Forget everything (`--reset`). */
  reset(): Promise<ProgressNotice | undefined>;
}

export interface OpenProgressOptions {
  /** Folder for progress.json; default: the OS config dir (or SOCKET_LESSONS_CONFIG_DIR). */
  dir?: string;
  /** Start from empty progress, deleting what was saved (`--reset`). */
  reset?: boolean;
  now?: () => Date;
}

export function emptyProgress(): Progress {
  return {version: PROGRESS_VERSION, lessons: {}};
}

export async function openProgress(options: OpenProgressOptions = {}): Promise<{store: ProgressStore; notices: ProgressNotice[]}> {
  const dir = options.dir ?? appConfigDir();
  const file = path.join(dir, 'progress.json');
  const now = options.now ?? (() => new Date());
  const notices: ProgressNotice[] = [];
  let progress = emptyProgress();
  let persistent = true;

  if (!options.reset) {
    const loaded = await load(file, now);
    if (loaded.notice) notices.push(loaded.notice);
    if (loaded.progress) progress = loaded.progress;
    if (loaded.readOnly) persistent = false;
  }

  const listeners = new Set<(notice: ProgressNotice) => void>();
  const failed = (notice: ProgressNotice): ProgressNotice => {
    persistent = false;
    for (const l of listeners) l(notice);
    return notice;
  };
  // Changes not saved yet, in order: each save replays them on the file as it is then.
  let pending: ((p: Progress) => Progress)[] = [];
  // Writes are chained so two quick updates can never interleave their renames.
  let chain: Promise<unknown> = Promise.resolve();
  const save = (): Promise<ProgressNotice | undefined> => {
    if (!persistent) return Promise.resolve(undefined);
    const result = chain.then(async (): Promise<ProgressNotice | undefined> => {
      if (!persistent || pending.length === 0) return undefined; // an earlier save took these
      const batch = pending;
      pending = [];
      try {
        await ensureDir(path.dirname(file));
        const saved = await withFileLock(file, async () => {
          const disk = await readForMerge(file);
          if (disk !== undefined && 'newer' in disk) return disk;
          // Nothing readable there: what this instance holds is the whole story.
          const next = disk === undefined ? progress : batch.reduce((p, change) => change(p), disk);
          await writeAtomic(file, JSON.stringify(next, null, 2) + '\n');
          return next;
        });
        if ('newer' in saved) return failed({kind: 'newer-version', file, version: saved.newer});
        // What another instance saved is ours now too; changes made during the save go on top.
        progress = pending.reduce((p, change) => change(p), saved);
        return undefined;
      } catch (error) {
        return failed({kind: 'unwritable', file, code: errorCode(error)});
      }
    });
    chain = result;
    return result;
  };
  const change = (c: (p: Progress) => Progress): Promise<ProgressNotice | undefined> => {
    progress = c(progress);
    if (persistent) pending.push(c);
    return save();
  };

  const store: ProgressStore = {
    file,
    get persistent() {
      return persistent;
    },
    get: () => progress,
    update: change,
    reset: () => change(() => emptyProgress()),
    onNotice(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  if (options.reset) {
    const notice = await store.reset();
    if (notice) notices.push(notice);
  }
  return {store, notices};
}

async function load(file: string, now: () => Date): Promise<{progress?: Progress; notice?: ProgressNotice; readOnly?: boolean}> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return {};
    // ENOTDIR (a path component is a file), EACCES, EISDIR: run without saving.
    return {notice: {kind: 'unwritable', file, code}, readOnly: true};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const version = (data as {version?: unknown} | undefined)?.version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return {notice: {kind: 'newer-version', file, version}, readOnly: true};
  }
  const progress = parseProgress(data);
  if (progress) return {progress};
  // Keep the broken file for the learner (or a bug report); start fresh.
  const backup = `${file}.bak-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await nodeFs.promises.rename(file, backup);
    return {notice: {kind: 'corrupted', file, backup}};
  } catch {
    return {notice: {kind: 'corrupted', file}, readOnly: true};
  }
}

/** The file as it is now, for a save to merge into: undefined when missing or unreadable. */
async function readForMerge(file: string): Promise<Progress | {newer: number} | undefined> {
  let text: string;
  try {
    text = await nodeFs.promises.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const version = (data as {version?: unknown} | null)?.version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) return {newer: version};
  return parseProgress(data);
}

/** Accept only the shape we write; anything else counts as corrupted. */
export function parseProgress(data: unknown): Progress | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  if (d.version !== PROGRESS_VERSION) return undefined;
  if (typeof d.lessons !== 'object' || d.lessons === null || Array.isArray(d.lessons)) return undefined;
  const out: Progress = {version: PROGRESS_VERSION, lessons: {}};
  for (const [id, value] of Object.entries(d.lessons as Record<string, unknown>)) {
    const l = value as Partial<LessonProgress> | null;
    if (typeof l !== 'object' || l === null) return undefined;
    if (!Array.isArray(l.steps) || !l.steps.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
    if (!Number.isInteger(l.total) || typeof l.completed !== 'boolean') return undefined;
    out.lessons[id] = {steps: [...new Set(l.steps)].sort((a, b) => a - b), total: l.total as number, completed: l.completed};
  }
  if (typeof d.language === 'string') out.language = d.language;
  if (d.bidi === 'app' || d.bidi === 'terminal' || d.bidi === 'off') out.bidi = d.bidi;
  // Settings a newer or hand-edited file may hold: kept when valid, otherwise ignored.
  if (d.also === 'en' || d.also === 'fa' || d.also === 'ru' || d.also === 'none') out.also = d.also;
  if (typeof d.colour === 'boolean') out.colour = d.colour;
  const last = d.last as {lesson?: unknown; step?: unknown} | undefined;
  if (last !== undefined) {
    if (typeof last !== 'object' || last === null || typeof last.lesson !== 'string' || !Number.isInteger(last.step)) return undefined;
    out.last = {lesson: last.lesson, step: last.step as number};
  }
  return out;
}

/** mkdir -p, failing with the real reason: node's recursive mkdir says ENOENT where a parent is read-only. */
async function ensureDir(dir: string): Promise<void> {
  try {
    await nodeFs.promises.mkdir(dir, {recursive: true});
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    const parent = path.dirname(dir);
    if (parent !== dir) await ensureDir(parent);
    await nodeFs.promises.mkdir(dir);
  }
}

// Unique per write: the pid tells processes apart, the counter this process's writes.
// (Not node:crypto: loading it costs every start ~10 ms, and nothing here is secret.)
let writes = 0;

async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${(++writes).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  try {
    const handle = await nodeFs.promises.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await nodeFs.promises.rename(temp, file);
  } catch (error) {
    await nodeFs.promises.rm(temp, {force: true}).catch(() => {});
    throw error;
  }
}

function errorCode(error: unknown): string {
  const code = (error as {code?: unknown}).code;
  return typeof code === 'string' ? code : 'EOTHER';
}

/** Progress with one lesson's state recorded: completed steps merged, position saved. */
export function recordLesson(
  progress: Progress,
  lesson: {id: string; steps: readonly unknown[]},
  completed: readonly number[],
  position: number,
  finished: boolean,
): Progress {
  const before = progress.lessons[lesson.id];
  const steps = [...new Set([...(before?.total === lesson.steps.length ? before.steps : []), ...completed])].sort((a, b) => a - b);
  const entry: LessonProgress = {
    steps,
    total: lesson.steps.length,
    completed: (before?.completed ?? false) || (finished && steps.length === lesson.steps.length),
  };
  return {...progress, lessons: {...progress.lessons, [lesson.id]: entry}, last: {lesson: lesson.id, step: position}};
}

/** Shorthand for the lesson screen: record a session's current state. */
export function recordState(progress: Progress, lesson: Lesson, state: LessonState): Progress {
  return recordLesson(progress, lesson, completedSteps(state), state.index, state.finished);
}
