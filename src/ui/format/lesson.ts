// The runner's words that every lesson view shares: the screen's prose pane and the
// plain --auto transcript say them the same way.
import type {CommandRecord, StepState} from '../../lessons/state.ts';
import type {Expect} from '../../lessons/types.ts';
import type {Translate} from './translate.ts';

const SOURCE_KEY: Record<CommandRecord['source'], string> = {
  lesson: 'lessons:runner.runs',
  solution: 'lessons:runner.showMe',
  learner: 'lessons:runner.youRan',
};

/** "the app runs: LINE", "show me: LINE", "you ran: LINE". */
export function commandSourceText(c: CommandRecord, t: Translate): string {
  return t(SOURCE_KEY[c.source], {line: c.line});
}

/** Where a task stands: done (by whom), failed, left open, or still waiting. */
export function taskStatusText(s: StepState, expect: Expect, t: Translate): string {
  if (s.status === 'complete') return t(s.by === 'solution' ? 'lessons:runner.taskDoneBySolution' : 'lessons:runner.taskDone');
  if (s.status === 'failed') return t('lessons:runner.taskFailed');
  if (s.status === 'open') return t('lessons:runner.taskOpen');
  if (expect.count > 1) return t('lessons:runner.waitingCount', {matched: s.matched, count: expect.count});
  return t('lessons:runner.waiting');
}

/** What a lesson teaches, by name in the learner's language ("socket and port, …"); '' when none has a name. */
export function conceptNames(concepts: readonly string[], t: Translate): string {
  const names = concepts.map((c) => t(`lessons:concept.${c}`, {defaultValue: ''})).filter((n) => n !== '');
  return names.join(t('lessons:conceptSeparator'));
}
