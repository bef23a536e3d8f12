// The prose pane's content: every step reached so far, as screen lines, newest last.
// Questions show no answer until the learner has chosen; tasks show their hints as
// they are asked for. Pure: state in, lines out.
import {describeEvent, describeOutcome, type Translate} from '../../format/index.ts';
import {interpolate} from '../../../lessons/interpolate.ts';
import type {CommandRecord, LessonState, StepState} from '../../../lessons/state.ts';
import type {Lesson, Step} from '../../../lessons/types.ts';
import type {ColourRole} from '../../theme.ts';
import type {PaneContext} from '../../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../../layout/styledLine.ts';

export interface ProseInput {
  lesson: Lesson;
  state: LessonState;
  /** The lesson's own prose by key (placeholders not yet filled). */
  prose(key: string): string;
  /** Runner and formatter words. */
  t: Translate;
  width: number;
  /** The choice under the cursor while a question waits for an answer. */
  cursor: number;
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
  const text = (key: string) => interpolate(input.prose(key), input.state.values);
  if (s.status === 'skipped') return (s.missing ?? []).flatMap((m) => para(ctx, width, t(`lessons:runner.skipped.${m}`), 'muted'));
  switch (step.kind) {
    case 'say':
      return para(ctx, width, text(step.key));
    case 'run':
      return s.commands.flatMap((c) => commandLines(input, c, ctx));
    case 'ask': {
      const out = para(ctx, width, `${t('lessons:runner.question')}: ${text(step.question)}`, 'focus');
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
        out.push(...para(ctx, width, `${mark} ${i + 1}) ${text(choice)}`, role, 2));
      });
      if (answered) {
        out.push(...para(ctx, width, t(s.chosen === step.answer ? 'lessons:runner.right' : 'lessons:runner.notQuite'), s.chosen === step.answer ? 'ok' : 'error', 2));
        out.push(...para(ctx, width, text(step.explain), undefined, 2));
      } else if (current) {
        out.push(...para(ctx, width, t('lessons:runner.guessFirst'), 'muted', 2));
      }
      return out;
    }
    case 'task': {
      const label = t(step.where === 'terminal' ? 'lessons:runner.taskTerminal' : 'lessons:runner.taskPrompt');
      const out = para(ctx, width, `${label}: ${text(step.prompt)}`, 'focus');
      step.hints.slice(0, s.hintsShown).forEach((hint, i) => {
        out.push(...para(ctx, width, `${t('lessons:runner.hint', {n: i + 1, total: step.hints.length})}: ${text(hint)}`, 'muted', 2));
      });
      for (const c of s.commands) out.push(...commandLines(input, c, ctx));
      out.push(...para(ctx, width, taskStatus(input, step, s), s.status === 'complete' ? 'ok' : s.status === 'failed' ? 'error' : 'muted', 2));
      return out;
    }
  }
}

function taskStatus(input: ProseInput, step: Extract<Step, {kind: 'task'}>, s: StepState): string {
  const {t} = input;
  if (s.status === 'complete') return t(s.by === 'solution' ? 'lessons:runner.taskDoneBySolution' : 'lessons:runner.taskDone');
  if (s.status === 'failed') return t('lessons:runner.taskFailed');
  if (s.status === 'open') return t('lessons:runner.taskOpen');
  if (step.expect.count > 1) return t('lessons:runner.waitingCount', {matched: s.matched, count: step.expect.count});
  return t('lessons:runner.waiting');
}

const SOURCE_KEY: Record<CommandRecord['source'], string> = {
  lesson: 'lessons:runner.runs',
  solution: 'lessons:runner.showMe',
  learner: 'lessons:runner.youRan',
};

function commandLines(input: ProseInput, c: CommandRecord, ctx: PaneContext): StyledLine[] {
  const {t, width} = input;
  const out = para(ctx, width, `▸ ${t(SOURCE_KEY[c.source], {line: c.line})}`, 'active');
  if (!c.outcome) return [...out, ...para(ctx, width, t('lessons:runner.running'), 'muted', 4)];
  for (const e of c.outcome.events) out.push(...para(ctx, width, `· ${describeEvent(e, t)}`, 'muted', 4));
  const described = describeOutcome(c.outcome, t);
  described.lines.forEach((line, i) => {
    const mark = described.ok ? '' : i === 0 ? `${ctx.theme.symbols.error} ` : '  ';
    out.push(...para(ctx, width, `${mark}${line}`, described.ok ? undefined : 'error', 4));
  });
  return out;
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

/** One paragraph wrapped to the pane (laid out for Persian), with an indent on its start side. */
function para(ctx: PaneContext, width: number, text: string, role?: ColourRole, indent = 0): StyledLine[] {
  const inner = Math.max(8, width - indent);
  const pad = ' '.repeat(Math.min(indent, width - inner));
  return ctx.text.wrap(text, inner).map((line) => {
    const seg = role ? {text: line, role} : {text: line};
    return fitLine(ctx.text.mirror ? [seg, {text: pad}] : [{text: pad}, seg], width, ctx.text.mirror);
  });
}
