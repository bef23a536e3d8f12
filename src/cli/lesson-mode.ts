// `socket-lessons lesson ID --auto`: run a lesson start to finish with no person.
// Tasks are done by the lesson's solution, questions answered and revealed; prose and
// events print as plain text or NDJSON. Exit 0 when every expectation was met, 1 when
// not, 2 when there is no such lesson.
import type {Content} from '../content/types.ts';
import type {BidiMode} from '../i18n/bidi/index.ts';
import {isRtl, type Language} from '../i18n/languages.ts';
import {createI18n, ensureLanguages} from '../i18n/setup.ts';
import type {LabEvent, SocketLab} from '../lab/types.ts';
import {runAuto} from '../lessons/autopilot.ts';
import {loadCatalogAsync} from '../lessons/catalog.ts';
import {createLessonSession, type LessonSession} from '../lessons/session.ts';
import type {Capabilities, Lesson} from '../lessons/types.ts';
import type {Translate} from '../ui/format/index.ts';
import {packProblemsText} from '../ui/plain/lesson-errors.ts';
import {pageFor, pageText} from '../ui/plain/page.ts';
import {headerRecord, resultRecord, stepRecords} from '../ui/plain/lesson-json.ts';
import {headerLines, paragraph, resultLines, stepLines} from '../ui/plain/lesson-text.ts';
import {ndjsonLine} from '../text/visible.ts';

export interface Writable {
  write(chunk: string): unknown;
}

/** A run's output can break (a reader that went away): the run stops early. */
export interface StopSignal {
  onFailure(listener: () => void): void;
}

export interface LessonAutoOptions {
  id: string;
  lng: Language;
  json: boolean;
  /** Terminal cells for wrapping; undefined: no wrapping. */
  width?: number;
  /** How Persian is laid out; plain output defaults to 'off' (logical order, copyable). */
  bidi?: BidiMode;
  /** --lessons DIR, in order. */
  packs: readonly string[];
  stdout: Writable;
  /** Problems with packs and "no such lesson" go here; default: stdout. */
  stderr?: Writable;
  /** Tests and embedders: content instead of the builtin lessons, a lab factory, platform. */
  content?: Content;
  createLab?: () => SocketLab;
  capabilities?: Capabilities;
  solutionTimeoutMs?: number;
  /** Stop after the current step when this fires (stdout went away). */
  stop?: StopSignal;
  /** Called with the session before it runs (tests read its lab). */
  onSession?: (session: LessonSession) => void;
}

export async function runLessonAuto(options: LessonAutoOptions): Promise<number> {
  const stderr = options.stderr ?? options.stdout;
  const catalog = await loadCatalogAsync({...(options.content ? {content: options.content} : {}), packs: options.packs});
  const i18n = await createI18n(options.lng, catalog.locales);
  const t: Translate = (key, opts) => i18n.t(key, opts as never) as unknown as string;
  const page = pageFor(options.lng, options.bidi ?? 'off', options.width);

  if (catalog.errors.length > 0) stderr.write(pageText(packProblemsText(catalog.errors, t), page));
  const lesson = catalog.lessons.find((l) => l.id === options.id);
  if (!lesson) {
    stderr.write(pageText(t('lessons:auto.unknownLesson', {id: options.id}), page));
    return 2;
  }

  const proseLng = proseLanguage(lesson, options.lng);
  await ensureLanguages(i18n, [proseLng]);
  const fixed = i18n.getFixedT(proseLng, lesson.id);
  const prose = (key: string) => fixed(key) as unknown as string;
  const session = createLessonSession({
    lesson,
    ...(options.createLab ? {createLab: options.createLab} : {}),
    ...(options.capabilities ? {capabilities: options.capabilities} : {}),
    ...(options.solutionTimeoutMs !== undefined ? {solutionTimeoutMs: options.solutionTimeoutMs} : {}),
  });
  options.onSession?.(session);

  // Events no command reported (a late close, the OS view's changes) print after their step.
  const pending: LabEvent[] = [];
  const unsubscribe = session.onLabEvent((e) => pending.push(e));
  const takeExtras = (state: ReturnType<LessonSession['getState']>): LabEvent[] => {
    const reported = new Set<number>();
    for (const s of state.steps) for (const c of s.commands) for (const e of c.outcome?.events ?? []) reported.add(e.seq);
    const extras = pending.filter((e) => !reported.has(e.seq));
    pending.length = 0;
    return extras;
  };

  const out = options.stdout;
  const text = {lesson, prose, t, width: options.width, bidi: options.bidi ?? 'off', rtl: isRtl(options.lng)} as const;
  const json = {lesson, prose, t, lng: proseLng};
  const emit = (lines: string[]) => out.write(lines.map((l) => `${l}\n`).join(''));
  const record = (r: object) => out.write(ndjsonLine(r));
  let stopped = false;
  options.stop?.onFailure(() => (stopped = true));

  try {
    if (options.json) record(headerRecord(json));
    else emit(headerLines(text));
    if (proseLng !== options.lng) {
      const note = t('lessons:auto.otherLanguage', {language: options.lng, shown: proseLng});
      if (options.json) record({type: 'notice', kind: 'other-language', text: note});
      else emit([...paragraph(text, note), '']);
    }
    const result = await runAuto(session, {
      stopped: () => stopped,
      onStepSettled(index, state) {
        const extras = takeExtras(state);
        if (options.json) for (const r of stepRecords(json, index, state, extras)) record(r);
        else emit(stepLines(text, index, state, extras));
      },
    });
    const notice = result.state.notice;
    if (notice?.kind === 'lesson-unavailable') {
      const lines = notice.missing.map((m) => t(`lessons:runner.unavailable.${m}`));
      if (options.json) record({type: 'notice', kind: 'lesson-unavailable', missing: notice.missing, text: lines.join(' ')});
      else emit(lines.flatMap((l) => paragraph(text, l)));
    }
    if (options.json) record(resultRecord(result));
    else emit(resultLines(text, result));
    return result.ok ? 0 : 1;
  } finally {
    unsubscribe();
    await session.close();
  }
}

/** The learner's language when the lesson ships it, else English, else the first it has. */
function proseLanguage(lesson: Lesson, lng: string): string {
  if (lesson.languages.includes(lng)) return lng;
  if (lesson.languages.includes('en')) return 'en';
  return lesson.languages[0] ?? lng;
}
