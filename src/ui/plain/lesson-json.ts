// A lesson as NDJSON records (--auto --json): one object per line, prose in logical
// order (no wrapping, no BiDi reordering), events as the lab's typed data.
import type {LabEvent} from '../../lab/types.ts';
import type {AutoResult} from '../../lessons/autopilot.ts';
import {interpolate, type LiveValues} from '../../lessons/interpolate.ts';
import type {CommandRecord, LessonState} from '../../lessons/state.ts';
import type {Lesson} from '../../lessons/types.ts';
import {describeOutcome, textLines, type Translate} from '../format/index.ts';

export interface JsonLessonContext {
  lesson: Lesson;
  prose: (key: string) => string;
  t: Translate;
  lng: string;
}

export type LessonRecord = Record<string, unknown> & {type: string};

export function headerRecord(ctx: JsonLessonContext, values: LiveValues = {}): LessonRecord {
  const {lesson} = ctx;
  return {
    type: 'lesson',
    id: lesson.id,
    lng: ctx.lng,
    title: interpolate(ctx.prose('title'), values),
    summary: interpolate(ctx.prose('summary'), values),
    concepts: lesson.concepts,
    steps: lesson.steps.length,
  };
}

export function stepRecords(ctx: JsonLessonContext, index: number, state: LessonState, extraEvents: readonly LabEvent[] = []): LessonRecord[] {
  const step = ctx.lesson.steps[index];
  const s = state.steps[index];
  if (!step || !s) return [];
  const text = (key: string) => interpolate(ctx.prose(key), state.values);
  const base = {type: 'step', index, kind: step.kind, status: s.status};
  const out: LessonRecord[] = [];
  if (s.status === 'skipped') {
    out.push({...base, missing: s.missing ?? []});
  } else if (step.kind === 'say') {
    out.push({...base, key: step.key, text: text(step.key)});
  } else if (step.kind === 'run') {
    out.push({...base, commands: s.commands.map((c) => commandRecord(ctx, c))});
  } else if (step.kind === 'ask') {
    out.push({
      ...base,
      question: text(step.question),
      choices: step.choices.map(text),
      answer: step.answer,
      chosen: s.chosen ?? null,
      explanation: s.chosen === undefined ? null : text(step.explain),
    });
  } else {
    out.push({
      ...base,
      where: step.where,
      prompt: text(step.prompt),
      hints: step.hints.map(text),
      expect: step.expect,
      matched: s.matched,
      by: s.by ?? null,
      commands: s.commands.map((c) => commandRecord(ctx, c)),
    });
  }
  for (const event of extraEvents) out.push({type: 'event', step: index, event});
  return out;
}

function commandRecord(ctx: JsonLessonContext, c: CommandRecord): Record<string, unknown> {
  if (!c.outcome) return {line: c.line, source: c.source, ok: null};
  const described = describeOutcome(c.outcome, ctx.t);
  return {
    line: c.line,
    source: c.source,
    ok: c.outcome.ok,
    text: textLines(described),
    ...(c.outcome.ok ? {} : {error: c.outcome.error}),
    events: c.outcome.events,
  };
}

export function resultRecord(result: AutoResult): LessonRecord {
  return {type: 'result', ok: result.ok, failures: result.failures};
}
