// The prose pane's content: every step reached so far, as screen lines, newest last.
// Questions show no answer until the learner has chosen; tasks show their hints as
// they are asked for. With a second language, each paragraph of prose is followed by the
// same paragraph in it, indented behind a │ and laid out in its own direction.
// Pure: state in, lines out.
import {commandSourceText, describeEvent, describeOutcome, taskStatusText, type Translate} from '../../format/index.ts';
import {interpolate} from '../../../lessons/interpolate.ts';
import type {CommandRecord, LessonState, StepState} from '../../../lessons/state.ts';
import type {Lesson, Step} from '../../../lessons/types.ts';
import type {ColourRole} from '../../theme.ts';
import type {PaneContext} from '../../layout/paneContext.ts';
import {resultTableLines} from '../../layout/resultTable.ts';
import {fitLine, type StyledLine} from '../../layout/styledLine.ts';
import {textWidth} from '../../layout/text.ts';
import type {TextLayout} from '../../layout/textLayout.ts';

/** The second language: its words and how its lines are laid out. */
export interface SecondLanguage {
  prose(key: string): string;
  t: Translate;
  text: TextLayout;
}

export interface ProseInput {
  lesson: Lesson;
  state: LessonState;
  /** The lesson's own prose by key (placeholders not yet filled). */
  prose(key: string): string;
  /** Runner and formatter words. */
  t: Translate;
  width: number;
  /** The choice under the cursor while a question waits for an answer; -1 for none yet. */
  cursor: number;
  /** Enter was pressed with no choice under the cursor: say how to choose. */
  howToChoose?: boolean | undefined;
  also?: SecondLanguage | undefined;
  /** Presenter mode: a command's events are left to the event log, which reveals them one per Space. */
  presenter?: boolean | undefined;
}

/** One language's words for a paragraph: runner words and the lesson's filled-in prose. */
interface Voice {
  t: Translate;
  text(key: string): string;
}

export function proseLines(input: ProseInput, ctx: PaneContext): StyledLine[] {
  const {state, lesson} = input;
  const out: StyledLine[] = [];
  const last = Math.min(state.index, lesson.steps.length - 1);
  for (let i = 0; i <= last; i++) {
    const step = lesson.steps[i];
    const s = state.steps[i];
    if (!step || !s) continue;
    if (out.length > 0) out.push([]);
    out.push(...stepLines(input, step, s, i === state.index, ctx));
  }
  if (state.finished) out.push([], ...para(ctx, input.width, input.t('lessons:runner.finished'), 'ok'));
  if (state.notice) out.push([], ...para(ctx, input.width, noticeText(input, state.notice), 'error'));
  return out;
}

function stepLines(input: ProseInput, step: Step, s: StepState, current: boolean, ctx: PaneContext): StyledLine[] {
  const {t, width} = input;
  const fill = (prose: (key: string) => string) => (key: string) => interpolate(prose(key), input.state.values);
  const main: Voice = {t, text: fill(input.prose)};
  const second: Voice | undefined = input.also && {t: input.also.t, text: fill(input.also.prose)};
  // A paragraph of prose, then (if asked for) the same paragraph in the second language.
  const both = (words: (v: Voice) => string, role?: ColourRole, indent = 0, mark = ''): StyledLine[] => [
    ...para(ctx, width, mark + words(main), role, indent),
    ...(second && input.also ? secondPara(input.also.text, width, words(second), indent + textWidth(mark)) : []),
  ];
  if (s.status === 'skipped') return (s.missing ?? []).flatMap((m) => para(ctx, width, t(`lessons:runner.skipped.${m}`), 'muted'));
  switch (step.kind) {
    case 'say':
      return both((v) => v.text(step.key));
    case 'run':
      return s.commands.flatMap((c) => commandLines(input, c, ctx));
    case 'ask': {
      const out = both((v) => `${v.t('lessons:runner.question')}: ${v.text(step.question)}`, 'focus');
      const answered = s.chosen !== undefined;
      step.choices.forEach((choice, i) => {
        const mark = answered
          ? i === step.answer
            ? ctx.theme.symbols.ok
            : i === s.chosen
              ? ctx.theme.symbols.error
              : ' '
          : current && i === input.cursor
            ? ctx.theme.symbols.selected
            : ' ';
        const role: ColourRole | undefined = answered ? (i === step.answer ? 'ok' : i === s.chosen ? 'error' : 'muted') : current && i === input.cursor ? 'focus' : undefined;
        out.push(...both((v) => v.text(choice), role, 2, `${mark} ${i + 1}) `));
      });
      if (answered) {
        out.push(...para(ctx, width, t(s.chosen === step.answer ? 'lessons:runner.right' : 'lessons:runner.notQuite'), s.chosen === step.answer ? 'ok' : 'error', 2));
        out.push(...both((v) => v.text(step.explain), undefined, 2));
      } else if (current) {
        out.push(...(input.howToChoose ? para(ctx, width, t('lessons:runner.howToChoose'), 'error', 2) : para(ctx, width, t('lessons:runner.guessFirst'), 'muted', 2)));
      }
      return out;
    }
    case 'task': {
      const out = both((v) => `${v.t(step.where === 'terminal' ? 'lessons:runner.taskTerminal' : 'lessons:runner.taskPrompt')}: ${v.text(step.prompt)}`, 'focus');
      step.hints.slice(0, s.hintsShown).forEach((hint, i) => {
        out.push(...both((v) => `${v.t('lessons:runner.hint', {n: i + 1, total: step.hints.length})}: ${v.text(hint)}`, 'muted', 2));
      });
      for (const c of s.commands) out.push(...commandLines(input, c, ctx));
      out.push(...para(ctx, width, taskStatusText(s, step.expect, input.t), s.status === 'complete' ? 'ok' : s.status === 'failed' ? 'error' : 'muted', 2));
      return out;
    }
  }
}

function commandLines(input: ProseInput, c: CommandRecord, ctx: PaneContext): StyledLine[] {
  const {t, width} = input;
  const out = para(ctx, width, `▸ ${commandSourceText(c, t)}`, 'active');
  if (!c.outcome) return [...out, ...para(ctx, width, t(c.source === 'learner' ? 'lessons:runner.runningStoppable' : 'lessons:runner.running'), 'muted', 4)];
  if (!input.presenter) for (const e of c.outcome.events) out.push(...para(ctx, width, `· ${describeEvent(e, t)}`, 'muted', 4));
  const described = describeOutcome(c.outcome, t);
  described.lines.forEach((line, i) => {
    const mark = described.ok ? '' : i === 0 ? `${ctx.theme.symbols.error} ` : '  ';
    out.push(...para(ctx, width, `${mark}${line}`, described.ok ? undefined : 'error', 4));
  });
  // Under the result line, at its indent: a pane has no cells to spare.
  if (described.table) out.push(...indented(ctx, width, 4, (inner) => resultTableLines(described.table!, inner, ctx.text)));
  return out;
}

/** Lines built for `width - indent` cells, moved in by `indent` on the screen's start side. */
function indented(ctx: PaneContext, width: number, indent: number, build: (inner: number) => StyledLine[]): StyledLine[] {
  const inner = Math.max(8, width - indent);
  const pad = {text: ' '.repeat(Math.max(0, Math.min(indent, width - inner)))};
  return build(inner).map((line) => fitLine(ctx.text.mirror ? [...line, pad] : [pad, ...line], width, ctx.text.mirror));
}

function noticeText(input: ProseInput, notice: NonNullable<LessonState['notice']>): string {
  const {t} = input;
  switch (notice.kind) {
    case 'answer-first':
      return t('lessons:runner.notice.answerFirst');
    case 'busy':
      return t('lessons:runner.notice.busy');
    case 'task-left-open':
      return t('lessons:runner.notice.taskLeftOpen');
    case 'lesson-unavailable':
      return notice.missing.map((m) => t(`lessons:runner.unavailable.${m}`)).join(' ');
    case 'lab-error':
      return t('lessons:runner.notice.labError', {message: notice.message});
  }
}

/**
 * The second language's paragraph: muted, one step further in, behind a │ gutter (so it
 * stands apart without colour), and aligned to its own language's start side — a
 * Persian paragraph in an English lesson sits at the right.
 */
function secondPara(text: TextLayout, width: number, words: string, indent: number): StyledLine[] {
  const gutter = 2;
  const inner = Math.max(8, width - indent - gutter);
  const pad = ' '.repeat(Math.max(0, Math.min(indent, width - inner - gutter)));
  return text.wrap(words, inner).map((line) =>
    fitLine(text.mirror ? [{text: line, role: 'muted'}, {text: ' │', role: 'muted'}, {text: pad}] : [{text: pad}, {text: '│ ', role: 'muted'}, {text: line, role: 'muted'}], width, text.mirror),
  );
}

/** One paragraph wrapped to the pane (laid out for Persian), with an indent on its start side. */
function para(ctx: PaneContext, width: number, text: string, role?: ColourRole, indent = 0): StyledLine[] {
  const inner = Math.max(8, width - indent);
  const pad = ' '.repeat(Math.min(indent, width - inner));
  return ctx.text.wrap(text, inner).map((line) => {
    const seg = role ? {text: line, role} : {text: line};
    return fitLine(ctx.text.mirror ? [seg, {text: pad}] : [{text: pad}, seg], width, ctx.text.mirror);
  });
}
