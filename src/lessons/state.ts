// The runner's state: plain data a screen can render without knowing the driver.
// lesson.steps[i] says what step i is; state.steps[i] says where it stands.
import type {Outcome} from '../commands/index.ts';
import type {LiveValues} from './interpolate.ts';
import type {Capabilities, Lesson, Requirement, StepKind} from './types.ts';

/** What running one command line gave: the command language's typed outcome. */
export type CommandOutcome = Outcome;

export interface CommandRecord {
  /** The line as run, placeholders filled in. */
  line: string;
  /** Who asked for it: the lesson's `run`, a task's solution ("show me"), or the learner. */
  source: 'lesson' | 'solution' | 'learner';
  /** Undefined while running. */
  outcome?: CommandOutcome;
}

/**
 * unvisited: not reached yet.
 * pending:   reached; the driver has work to start (run commands, or arm a task's watch).
 * active:    run: commands running; ask: waiting for an answer; task: watching events.
 * open:      a task the learner left unfinished (not watched; re-armed on return).
 * complete:  say shown, run finished, ask revealed, task met.
 * failed:    a task whose solution ran ("show me" or --auto) and its expectation was not met.
 * skipped:   the platform lacks something the step needs (see `missing`).
 */
export type StepStatus = 'unvisited' | 'pending' | 'active' | 'open' | 'complete' | 'failed' | 'skipped';

export interface StepState {
  kind: StepKind;
  status: StepStatus;
  /** When skipped: what the platform lacks. */
  missing?: Requirement[];
  /** run: the lesson's commands; task: the learner's lines and the solution's. */
  commands: CommandRecord[];
  /** ask: the learner's choice (index into choices); set means revealed. */
  chosen?: number;
  /** task: how many hints are shown (hints are revealed one at a time). */
  hintsShown: number;
  /** task: "show me" (or --auto): requested → running → ran. */
  solution: 'idle' | 'requested' | 'running' | 'ran';
  /** task: lab event seq the watch started after; events with a greater seq count. */
  since?: number;
  /** task: matching events seen so far (of expect.count). */
  matched: number;
  /** task: who satisfied it. */
  by?: 'learner' | 'solution';
}

export type LessonNotice =
  | {kind: 'answer-first'} // next pressed on an unanswered question
  | {kind: 'busy'} // next/back while commands are running
  | {kind: 'task-left-open'} // moved on from an unfinished task
  | {kind: 'lesson-unavailable'; missing: Requirement[]} // the whole lesson needs a missing feature
  | {kind: 'lab-error'; message: string}; // opening the lab failed

export interface LessonState {
  lessonId: string;
  /** Increments on every reset; results from an older lab are ignored. */
  generation: number;
  /** The current step. */
  index: number;
  steps: StepState[];
  /** The learner went past the last step. */
  finished: boolean;
  /** opening: a (fresh) lab is opening; ready: interactive; closed: the lesson was left. */
  phase: 'opening' | 'ready' | 'closed';
  /** Last known live values ("srv.port" → "41234"); kept after a socket closes. */
  values: LiveValues;
  /** The latest notice for the learner, cleared by the next action. */
  notice?: LessonNotice;
}

export function missingFor(requires: readonly Requirement[], capabilities: Capabilities): Requirement[] {
  return requires.filter((r) => !capabilities[r]);
}

export function initialState(lesson: Lesson, generation = 0): LessonState {
  return {
    lessonId: lesson.id,
    generation,
    index: 0,
    steps: lesson.steps.map((step) => ({kind: step.kind, status: 'unvisited', commands: [], hintsShown: 0, solution: 'idle', matched: 0})),
    finished: false,
    phase: 'opening',
    values: {},
  };
}

/** Steps the learner has completed (skipped ones count: nothing is left to do there). */
export function completedSteps(state: LessonState): number[] {
  const out: number[] = [];
  state.steps.forEach((s, i) => {
    if (s.status === 'complete' || s.status === 'skipped') out.push(i);
  });
  return out;
}
