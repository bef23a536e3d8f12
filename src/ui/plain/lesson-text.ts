// A lesson as plain text lines (--auto): prose wrapped to the width (and laid out for
// Persian when a BiDi mode asks for it), "the app runs: …" lines with their events,
// questions with the answer revealed, tasks with hints and how they were done.
import type {LabEvent} from '../../lab/types.ts';
import type {AutoResult} from '../../lessons/autopilot.ts';
import {interpolate, type LiveValues} from '../../lessons/interpolate.ts';
import type {CommandRecord, LessonState} from '../../lessons/state.ts';
import type {Lesson} from '../../lessons/types.ts';
import {hasRtl, layoutText, type BidiMode} from '../../i18n/bidi/index.ts';
import {commandSourceText, describeEvent, describeOutcome, tableText, taskStatusText, type TextTable, type Translate} from '../format/index.ts';
import {resultTableText} from '../layout/resultTable.ts';
import {directedLayout} from '../layout/textLayout.ts';

export interface PlainLessonContext {
  lesson: Lesson;
  /** The lesson's own prose: a key of its namespace → text (placeholders not yet filled). */
  prose: (key: string) => string;
  /** Runner words and formatters, in the learner's language. */
  t: Translate;
  /** Terminal cells; undefined means no wrapping. */
  width?: number;
  bidi: BidiMode;
  /** The learner's language is right-to-left (Persian): the same decision the screen makes. */
  rtl: boolean;
}

const INDENT = 2;

/**
 * Wrap (and, for Persian in app mode, shape and reorder) one paragraph. `hang` indents
 * the continuation lines further, under the text after a marker such as "▸ " or "2) ".
 */
export function paragraph(ctx: PlainLessonContext, text: string, indent = 0, hang = 0): string[] {
  const width = ctx.width === undefined ? undefined : Math.max(10, ctx.width - indent - hang);
  // Right-aligned Persian lines are indented from the right: the block ends `indent`
  // cells short of the edge, and continuation lines `hang` cells shorter still.
  const mirrored = ctx.rtl && ctx.bidi === 'app' && width !== undefined && hasRtl(text);
  const first = ' '.repeat(mirrored ? hang : indent);
  const rest = ' '.repeat(mirrored ? 0 : indent + hang);
  return layoutText(text, {rtl: ctx.rtl, mode: ctx.bidi, width}).map((line, i) => ((i === 0 ? first : rest) + line).trimEnd());
}

export function headerLines(ctx: PlainLessonContext, values: LiveValues = {}): string[] {
  const title = interpolate(ctx.prose('title'), values);
  const rule = '='.repeat(Math.min(ctx.width ?? 60, 60));
  return [...paragraph(ctx, title), rule, ...paragraph(ctx, interpolate(ctx.prose('summary'), values)), ''];
}

export function stepLines(ctx: PlainLessonContext, index: number, state: LessonState, extraEvents: readonly LabEvent[] = []): string[] {
  const step = ctx.lesson.steps[index];
  const s = state.steps[index];
  if (!step || !s) return [];
  const {t} = ctx;
  const text = (key: string) => interpolate(ctx.prose(key), state.values);
  const out: string[] = [];
  if (s.status === 'skipped') {
    for (const m of s.missing ?? []) out.push(...paragraph(ctx, t(`lessons:runner.skipped.${m}`)));
    return [...out, ''];
  }
  switch (step.kind) {
    case 'say':
      out.push(...paragraph(ctx, text(step.key)));
      break;
    case 'run':
      for (const c of s.commands) out.push(...commandLines(ctx, c));
      break;
    case 'ask': {
      out.push(...paragraph(ctx, `${t('lessons:runner.question')}: ${text(step.question)}`));
      step.choices.forEach((choice, i) => {
        const mark = i === step.answer ? `✓ (${t('lessons:runner.answerMark')})` : '';
        out.push(...paragraph(ctx, `${i + 1}) ${text(choice)} ${mark}`.trimEnd(), INDENT, 3));
      });
      if (s.chosen !== undefined) out.push(...paragraph(ctx, text(step.explain), INDENT));
      break;
    }
    case 'task': {
      const label = step.where === 'terminal' ? 'lessons:runner.taskTerminal' : 'lessons:runner.taskPrompt';
      out.push(...paragraph(ctx, `${t(label)}: ${text(step.prompt)}`));
      step.hints.forEach((hint, i) => {
        out.push(...paragraph(ctx, `${t('lessons:runner.hint', {n: i + 1, total: step.hints.length})}: ${text(hint)}`, INDENT, 2));
      });
      for (const c of s.commands) out.push(...commandLines(ctx, c));
      out.push(...paragraph(ctx, taskStatusText(s, step.expect, t), INDENT));
      break;
    }
  }
  for (const e of extraEvents) out.push(...paragraph(ctx, `· ${describeEvent(e, t)}`, INDENT * 2, 2));
  return [...out, ''];
}

export function commandLines(ctx: PlainLessonContext, c: CommandRecord): string[] {
  const {t} = ctx;
  const out = paragraph(ctx, `▸ ${commandSourceText(c, t)}`, INDENT, 2);
  if (!c.outcome) return [...out, ...paragraph(ctx, t('lessons:runner.running'), INDENT * 2)];
  for (const e of c.outcome.events) out.push(...paragraph(ctx, `· ${describeEvent(e, t)}`, INDENT * 2, 2));
  const described = describeOutcome(c.outcome, t);
  described.lines.forEach((line, i) => {
    const mark = described.ok ? '' : i === 0 ? '✗ ' : '  ';
    out.push(...paragraph(ctx, `${mark}${line}`, INDENT * 2, mark === '' ? 0 : 2));
  });
  if (described.table) out.push(...tableLines(ctx, described.table, INDENT * 3));
  return out;
}

/**
 * A `sockets` or `os` table: a left-to-right text table, except where Persian is laid out
 * by us; then it is drawn as the screen draws it (columns right to left, cells laid out).
 */
function tableLines(ctx: PlainLessonContext, table: TextTable, indent: number): string[] {
  if (!(ctx.rtl && ctx.bidi === 'app')) return tableText(table).flatMap((row) => paragraph(ctx, row, indent));
  const width = ctx.width === undefined ? undefined : Math.max(10, ctx.width - indent);
  return resultTableText(table, width, directedLayout('app', true)).map((row) => row.trimEnd());
}

export function resultLines(ctx: PlainLessonContext, result: AutoResult): string[] {
  const {t} = ctx;
  if (result.ok) return paragraph(ctx, t('lessons:auto.allMet'));
  return [
    ...paragraph(ctx, t('lessons:auto.failed', {count: result.failures.length})),
    ...result.failures.flatMap((f) => paragraph(ctx, t(`lessons:auto.failure.${f.reason}`, {step: f.step + 1, line: f.line ?? ''}), INDENT)),
  ];
}
