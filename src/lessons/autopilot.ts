// Drives a session with no person: questions get the lesson's answer, tasks run the
// lesson's solution ("show me"). Used by --auto, by resume (fast-forward to the saved
// step) and by tests.
import type {CommandOutcome, LessonState} from './state.ts';
import type {LessonSession} from './session.ts';

export interface AutoFailure {
  step: number;
  /** task-unmet: the solution ran and the expectation was not met; command: a lesson
   * command failed in a way that means the lesson (not the network) is wrong; stuck: the
   * runner would not move on. */
  reason: 'task-unmet' | 'command' | 'stuck' | 'lab';
  line?: string;
}

export interface AutoResult {
  ok: boolean;
  failures: AutoFailure[];
  state: LessonState;
}

export interface AutoOptions {
  /** Called once a step has settled, before moving on (the plain printer writes it here). */
  onStepSettled?: (index: number, state: LessonState) => void | Promise<void>;
  /** Stop before this step instead of running to the end (resume). */
  until?: number;
  /** Checked before each step: true ends the run where it is (nobody reads the output any more). */
  stopped?: () => boolean;
}

/** Answer or solve the current step and wait until nothing is in flight. */
export async function settleStep(session: LessonSession): Promise<void> {
  await session.idle();
  const state = session.getState();
  const s = state.steps[state.index];
  const step = session.lesson.steps[state.index];
  if (!s || !step || state.phase !== 'ready') return;
  if (step.kind === 'ask' && s.status === 'active') session.answer(step.answer);
  if (step.kind === 'task' && s.status !== 'complete' && s.status !== 'skipped') {
    session.showMe();
    await session.idle();
  }
}

export async function runAuto(session: LessonSession, options: AutoOptions = {}): Promise<AutoResult> {
  const failures: AutoFailure[] = [];
  const until = options.until ?? Infinity;
  await session.idle();
  for (;;) {
    let state = session.getState();
    if (state.phase !== 'ready') {
      if (state.notice?.kind === 'lab-error') failures.push({step: state.index, reason: 'lab'});
      break;
    }
    if (state.index >= until || options.stopped?.()) break;
    await settleStep(session);
    state = session.getState();
    const index = state.index;
    collectFailures(session, index, failures);
    await options.onStepSettled?.(index, state);
    if (state.finished) break;
    session.next();
    const after = session.getState();
    if (after.finished) break;
    if (after.index === index) {
      failures.push({step: index, reason: 'stuck'});
      break;
    }
  }
  return {ok: failures.length === 0, failures, state: session.getState()};
}

function collectFailures(session: LessonSession, index: number, failures: AutoFailure[]): void {
  const s = session.getState().steps[index];
  const step = session.lesson.steps[index];
  if (!s || !step) return;
  if (step.kind === 'task' && s.status !== 'complete' && s.status !== 'skipped') failures.push({step: index, reason: 'task-unmet'});
  for (const c of s.commands) {
    if (c.source === 'learner' || !c.outcome || !isLessonBug(c.outcome)) continue;
    // A solution is allowed to fail when failing is what the task expects.
    if (c.source === 'solution' && step.kind === 'task' && step.expect.event === 'error') continue;
    failures.push({step: index, reason: 'command', line: c.line});
  }
}

/**
 * Errors the OS gives on purpose (EADDRINUSE, ECONNREFUSED, EACCES…) are what lessons
 * demonstrate. These instead mean the lesson's own script is wrong: a line that does not
 * parse, a name that does not exist, an operation the socket cannot do, a wait that
 * never came.
 */
export function isLessonBug(outcome: CommandOutcome): boolean {
  if (outcome.ok) return false;
  const {error} = outcome;
  if (error.kind === 'parse') return true;
  return error.code === 'ENAME' || error.code === 'ESTATE' || (error.code === 'ETIMEDOUT' && error.operation === 'wait');
}
