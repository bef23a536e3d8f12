// Lesson packs in memory → validated Lesson models plus typed errors. Works the same on
// the bundled builtin content and on a pack read from disk (pack-fs.ts).
import {runSteps, type Steps} from '../content/steps.ts';
import type {LocaleResources} from '../content/types.ts';
import {checkCommandLine} from './command-check.ts';
import {checkLesson, type LineCheck} from './semantic.ts';
import type {Lesson, LessonError} from './types.ts';
import {validateSchema} from './validate.ts';
import {parseYamlSource, preparsedSource, type Preparsed, type YamlSource} from './yaml-source.ts';

export interface PackInput {
  /** "builtin" or the pack's directory. */
  name: string;
  lessons: {file: string; text: string; parsed?: Preparsed}[];
  /** lng → namespace → keys; a lesson's namespace is its id. */
  locales: LocaleResources;
  /** Where locale files live, for messages: `${localeRoot}/${lng}/${id}.json`. */
  localeRoot?: string;
  /** Problems found while reading the pack (unreadable file, locale JSON that does not parse). */
  errors?: LessonError[];
  /** This pack's lessons already loaded (the builtin ones, by the build): used as they are. */
  validated?: Lesson[];
}

export interface LoadResult {
  /** Valid lessons only, in menu order (pack order, then NN, then id). */
  lessons: Lesson[];
  errors: LessonError[];
}

export interface LoadOptions {
  /** Defaults to the command language's parser. */
  checkLine?: LineCheck;
}

// Each lesson's source, for the line of its `id:` in the duplicate-id message.
const sources = new WeakMap<Lesson, YamlSource>();

const FILE_NAME = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

/** Problems listed per file; the rest are counted in one line (a file of 100,000 bad keys). */
export const MAX_ERRORS_PER_FILE = 50;

export function loadPack(pack: PackInput, options: LoadOptions = {}): LoadResult {
  return runSteps(loadPackSteps(pack, options));
}

/** The same, one step per lesson file (a pack from disk is checked with the loop free between files). */
export function* loadPackSteps(pack: PackInput, options: LoadOptions = {}): Steps<LoadResult> {
  if (pack.validated) return {lessons: [...pack.validated], errors: [...(pack.errors ?? [])]};
  const errors: LessonError[] = [...(pack.errors ?? [])];
  const lessons: Lesson[] = [];
  const localeRoot = pack.localeRoot ?? 'locales';
  for (const {file, text, parsed} of pack.lessons) {
    const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    const match = FILE_NAME.exec(base);
    if (!match) errors.push({file, line: 1, field: '', code: 'file-name', params: {name: base}});
    if (!parsed) yield;
    const source = parsed ? preparsedSource(text, parsed) : parseYamlSource(text);
    if (source.problems.length > 0) {
      for (const p of source.problems) errors.push({file, line: p.line, field: '', code: p.code, params: p.params});
      continue;
    }
    const schemaErrors = validateSchema(file, source);
    if (schemaErrors.length > 0) {
      errors.push(...schemaErrors);
      continue;
    }
    const id = (source.data as {id: string}).id;
    const locales: Record<string, Record<string, unknown>> = {};
    const localeFiles: Record<string, string> = {};
    for (const [lng, namespaces] of Object.entries(pack.locales)) {
      const ns = namespaces[id];
      if (ns !== undefined) {
        locales[lng] = ns;
        localeFiles[lng] = `${localeRoot}/${lng}/${id}.json`;
      }
    }
    const result = checkLesson(source, {
      file,
      pack: pack.name,
      ...(match ? {name: {order: Number(match[1]), id: match[2]!}} : {}),
      locales,
      localeFiles,
      checkLine: options.checkLine ?? checkCommandLine,
    });
    errors.push(...result.errors);
    if (result.lesson) {
      sources.set(result.lesson, source);
      lessons.push(result.lesson);
    }
  }
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const deduped = dedupe(lessons, errors);
  return {lessons: deduped, errors: capPerFile(errors)};
}

/** At most MAX_ERRORS_PER_FILE problems per file, then one that counts the others. */
function capPerFile(errors: LessonError[]): LessonError[] {
  const counts = new Map<string, number>();
  const out: LessonError[] = [];
  for (const e of errors) {
    const n = (counts.get(e.file) ?? 0) + 1;
    counts.set(e.file, n);
    if (n <= MAX_ERRORS_PER_FILE) out.push(e);
  }
  for (const [file, n] of counts) {
    if (n > MAX_ERRORS_PER_FILE) out.push({file, line: 1, field: '', code: 'more-errors', params: {count: n - MAX_ERRORS_PER_FILE}});
  }
  return out;
}

/** Several packs (builtin first, then each --lessons DIR): one lesson map. */
export function loadPacks(packs: PackInput[], options: LoadOptions = {}): LoadResult {
  return runSteps(loadPacksSteps(packs, options));
}

export function* loadPacksSteps(packs: PackInput[], options: LoadOptions = {}): Steps<LoadResult> {
  const all: Lesson[] = [];
  const errors: LessonError[] = [];
  for (const pack of packs) {
    const result = yield* loadPackSteps(pack, options);
    all.push(...result.lessons);
    errors.push(...result.errors);
  }
  return {lessons: dedupe(all, errors), errors};
}

/** The first lesson with an id wins; a later one with the same id is an error. */
function dedupe(lessons: Lesson[], errors: LessonError[]): Lesson[] {
  const byId = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const first = byId.get(lesson.id);
    if (first) {
      errors.push({file: lesson.file, line: sources.get(lesson)?.lineOf(['id']) ?? 1, field: 'id', code: 'duplicate-id', params: {id: lesson.id, other: first.file}});
    } else {
      byId.set(lesson.id, lesson);
    }
  }
  return [...byId.values()];
}
