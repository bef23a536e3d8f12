// Checks a schema-valid lesson file against things a schema cannot see: its file name,
// the concept list, the locale files, the command language. Builds the Lesson model.
import {interpolate, lintValues} from './interpolate.ts';
import {
  CONCEPTS,
  type Concept,
  type Expect,
  type Lesson,
  type LessonError,
  type LessonErrorCode,
  type Requirement,
  type Step,
} from './types.ts';
import {formatField} from './validate.ts';
import type {Path, YamlSource} from './yaml-source.ts';

/** Checks one command line; returns why it is wrong, or undefined when it parses. */
export type LineCheck = (line: string) => {reason: string; params?: Record<string, string | number>} | undefined;

export interface LessonContext {
  file: string;
  pack: string;
  /** NN and id from the file name, or undefined when the name is malformed. */
  name?: {order: number; id: string};
  /** lng → this lesson's namespace object (only languages that ship it). */
  locales: Record<string, Record<string, unknown>>;
  /** lng → the locale file's path, for messages. */
  localeFiles: Record<string, string>;
  checkLine?: LineCheck;
}

// Shapes after schema validation (so these casts are safe).
interface RawExpect {event: Expect['event']; socket?: string; code?: string; state?: string; count?: number}
interface RawStep {
  requires?: Requirement[];
  say?: string;
  run?: string[];
  ask?: {question: string; choices: string[]; answer: number; explain: string};
  task?: {prompt: string; where?: 'prompt' | 'terminal'; hints?: string[]; expect: RawExpect; solution: string[]};
}
interface RawLesson {id: string; concepts: string[]; requires?: Requirement[]; steps: RawStep[]}

const ACTIONS = ['say', 'run', 'ask', 'task'] as const;

// A lesson's id is its locale namespace: it must not be one of the app's own namespaces.
const RESERVED_IDS = new Set(['app', 'ui', 'commands', 'lessons', 'bidi', 'translation']);

/** The longest paragraph a lesson may show (the longest builtin one is under 700 characters). */
export const MAX_PROSE_CHARS = 4000;
// i18next's nesting syntax. The app turns nesting off (src/i18n/setup.ts), so such text
// would show as written; lint says so instead of letting an author think it works.
const NESTING = '$t(';

export function checkLesson(source: YamlSource, ctx: LessonContext): {lesson?: Lesson; errors: LessonError[]} {
  const raw = source.data as RawLesson;
  const errors: LessonError[] = [];
  const err = (path: Path, code: LessonErrorCode, params: Record<string, string | number> = {}, line?: number) =>
    errors.push({file: ctx.file, line: line ?? source.lineOf(path), field: formatField(path), code, params});

  if (ctx.name && raw.id !== ctx.name.id) err(['id'], 'id-mismatch', {id: raw.id, expected: ctx.name.id});
  if (RESERVED_IDS.has(raw.id)) err(['id'], 'reserved-id', {id: raw.id});

  raw.concepts.forEach((c, i) => {
    if (!(CONCEPTS as readonly string[]).includes(c)) err(['concepts', i], 'unknown-concept', {concept: c});
  });

  // Keys: every referenced key must exist in every language this lesson ships.
  const languages = Object.keys(ctx.locales);
  if (languages.length === 0) err([], 'missing-locale', {id: raw.id}, 1);
  const checkKey = (path: Path, key: string) => {
    for (const lng of languages) {
      if (typeof ctx.locales[lng]?.[key] !== 'string') {
        err(path, 'missing-key', {key, language: lng, localeFile: ctx.localeFiles[lng] ?? lng});
      }
    }
  };
  for (const lng of languages) {
    const file = ctx.localeFiles[lng] ?? lng;
    for (const [key, value] of Object.entries(ctx.locales[lng] ?? {})) {
      if (typeof value !== 'string') continue;
      if (value.length > MAX_PROSE_CHARS) {
        errors.push({file, line: 1, field: key, code: 'prose-too-long', params: {key, length: value.length, limit: MAX_PROSE_CHARS}});
      }
      if (value.includes(NESTING)) errors.push({file, line: 1, field: key, code: 'nesting', params: {key}});
    }
    for (const key of ['title', 'summary']) {
      if (typeof ctx.locales[lng]?.[key] !== 'string') {
        errors.push({file: ctx.localeFiles[lng] ?? lng, line: 1, field: key, code: 'missing-key', params: {key, language: lng, localeFile: ctx.localeFiles[lng] ?? lng}});
      }
    }
  }
  const checkCommands = (path: Path, lines: string[]) => {
    if (!ctx.checkLine) return;
    lines.forEach((line, i) => {
      const checked = interpolate(line, lintValues(line));
      const problem = ctx.checkLine!(checked);
      if (problem) err([...path, i], 'bad-command', {command: line, checked, reason: problem.reason, ...problem.params});
    });
  };

  const steps: Step[] = [];
  let tasks = 0;
  let asks = 0;
  raw.steps.forEach((s, i) => {
    const at: Path = ['steps', i];
    const found = ACTIONS.filter((a) => s[a] !== undefined);
    if (found.length !== 1) {
      err(at, 'step-action', {found: found.join(', ')});
      return;
    }
    const base = {requires: s.requires ?? [], line: source.lineOf(at)};
    if (s.say !== undefined) {
      checkKey([...at, 'say'], s.say);
      steps.push({...base, kind: 'say', key: s.say});
    } else if (s.run) {
      checkCommands([...at, 'run'], s.run);
      steps.push({...base, kind: 'run', commands: s.run});
    } else if (s.ask) {
      asks++;
      const a = s.ask;
      checkKey([...at, 'ask', 'question'], a.question);
      a.choices.forEach((c, j) => checkKey([...at, 'ask', 'choices', j], c));
      checkKey([...at, 'ask', 'explain'], a.explain);
      if (a.answer >= a.choices.length) err([...at, 'ask', 'answer'], 'answer-range', {answer: a.answer, choices: a.choices.length});
      steps.push({...base, kind: 'ask', question: a.question, choices: a.choices, answer: a.answer, explain: a.explain});
    } else if (s.task) {
      tasks++;
      const t = s.task;
      checkKey([...at, 'task', 'prompt'], t.prompt);
      (t.hints ?? []).forEach((h, j) => checkKey([...at, 'task', 'hints', j], h));
      checkCommands([...at, 'task', 'solution'], t.solution);
      const e = t.expect;
      if (e.code !== undefined && e.event !== 'error') {
        err([...at, 'task', 'expect', 'code'], 'expect-mismatch', {property: 'code', event: e.event, needs: 'error'});
      }
      if (e.state !== undefined && e.event !== 'os') {
        err([...at, 'task', 'expect', 'state'], 'expect-mismatch', {property: 'state', event: e.event, needs: 'os'});
      }
      const expect: Expect = {event: e.event, count: e.count ?? 1};
      if (e.socket !== undefined) expect.socket = e.socket;
      if (e.code !== undefined) expect.code = e.code;
      if (e.state !== undefined) expect.state = e.state;
      steps.push({
        ...base,
        kind: 'task',
        prompt: t.prompt,
        where: t.where ?? 'prompt',
        hints: t.hints ?? [],
        expect,
        solution: t.solution,
      });
    }
  });
  // Whole-list complaints point at the `steps:` key itself.
  if (tasks === 0) err(['steps'], 'no-task', {}, source.keyLineOf([], 'steps'));
  if (asks === 0) err(['steps'], 'no-ask', {}, source.keyLineOf([], 'steps'));

  if (errors.length > 0 || !ctx.name) return {errors};
  return {
    errors,
    lesson: {
      id: raw.id,
      order: ctx.name.order,
      file: ctx.file,
      pack: ctx.pack,
      concepts: raw.concepts as Concept[],
      requires: raw.requires ?? [],
      steps,
      languages,
    },
  };
}
