// The step machine: a pure function (state, action) → state. No sockets, no timers:
// the driver (session.ts) performs the work a state asks for and reports back with
// the driver actions below, tagged with the generation they belong to.
import type {LiveValues} from './interpolate.ts';
import {initialState, missingFor, type CommandOutcome, type CommandRecord, type LessonState, type StepState} from './state.ts';
import type {Capabilities, Lesson} from './types.ts';

/** What the learner (or --auto) does. */
export type LearnerAction =
  | {type: 'next'}
  | {type: 'back'}
  | {type: 'rerun'}
  | {type: 'reset'}
  | {type: 'answer'; choice: number}
  | {type: 'hint'}
  | {type: 'showMe'}
  | {type: 'leave'};

/** What the driver reports. `generation` ties a report to the lab it came from. */
export type DriverAction =
  | {type: 'labReady'; generation: number}
  | {type: 'labFailed'; generation: number; message: string}
  | {type: 'runStarted'; generation: number; step: number}
  | {type: 'runFinished'; generation: number; step: number}
  | {type: 'commandStarted'; generation: number; step: number; line: string; source: CommandRecord['source']}
  | {type: 'commandDone'; generation: number; step: number; position: number; outcome: CommandOutcome}
  | {type: 'taskArmed'; generation: number; step: number; since: number}
  | {type: 'taskProgress'; generation: number; step: number; matched: number}
  | {type: 'taskMet'; generation: number; step: number}
  | {type: 'solutionStarted'; generation: number; step: number}
  | {type: 'solutionFinished'; generation: number; step: number; met: boolean}
  | {type: 'values'; generation: number; values: LiveValues};

export type LessonAction = LearnerAction | DriverAction;

export interface ReducerContext {
  lesson: Lesson;
  capabilities: Capabilities;
}

export function reduceLesson(ctx: ReducerContext, state: LessonState, action: LessonAction): LessonState {
  if (state.phase === 'closed') return state;
  if ('generation' in action && action.generation !== state.generation) return state; // stale report
  // A notice answers the learner's last action, so only their next action clears it.
  const base: LessonState = state.notice && !('generation' in action) ? withoutNotice(state) : state;
  switch (action.type) {
    case 'labReady': {
      if (state.phase !== 'opening') return state;
      const missing = missingFor(ctx.lesson.requires, ctx.capabilities);
      if (missing.length > 0) {
        const steps = base.steps.map((s): StepState => ({...s, status: 'skipped', missing}));
        return {...base, phase: 'ready', steps, finished: true, notice: {kind: 'lesson-unavailable', missing}};
      }
      return enter(ctx, {...base, phase: 'ready'}, base.index);
    }
    case 'labFailed':
      return {...base, phase: 'closed', notice: {kind: 'lab-error', message: action.message}};
    case 'reset':
      return initialState(ctx.lesson, state.generation + 1);
    case 'leave':
      return {...base, phase: 'closed'};
  }
  if (state.phase !== 'ready') return state;
  const current = base.steps[base.index];
  if (!current) return state;
  switch (action.type) {
    case 'next': {
      const blocked = blockedReason(current);
      if (blocked) return {...base, notice: {kind: blocked}};
      let next = leave(base);
      if (isUnfinishedTask(current)) next = {...next, notice: {kind: 'task-left-open'}};
      if (base.index === base.steps.length - 1) return {...next, finished: true};
      return enter(ctx, next, base.index + 1);
    }
    case 'back': {
      if (current.status === 'active' && current.kind === 'run') return {...base, notice: {kind: 'busy'}};
      if (base.finished) return {...base, finished: false};
      if (base.index === 0) return base;
      return enter(ctx, leave(base), base.index - 1);
    }
    case 'rerun':
      return rerun(base, current);
    case 'answer': {
      const step = ctx.lesson.steps[base.index];
      if (step?.kind !== 'ask' || current.status !== 'active') return base;
      if (!Number.isInteger(action.choice) || action.choice < 0 || action.choice >= step.choices.length) return base;
      return patch(base, base.index, {chosen: action.choice, status: 'complete'});
    }
    case 'hint': {
      const step = ctx.lesson.steps[base.index];
      if (step?.kind !== 'task') return base;
      return patch(base, base.index, {hintsShown: Math.min(current.hintsShown + 1, step.hints.length)});
    }
    case 'showMe': {
      if (current.kind !== 'task' || current.status === 'complete' || current.status === 'skipped') return base;
      if (current.solution !== 'idle' && current.status !== 'failed') return base;
      // A failed task being shown again is re-armed first (pending), then solved.
      const status = current.status === 'active' ? 'active' : 'pending';
      return patch(base, base.index, {solution: 'requested', status, ...(status === 'pending' ? {matched: 0} : {})});
    }
    default:
      return driver(base, action);
  }
}

function driver(state: LessonState, action: DriverAction): LessonState {
  switch (action.type) {
    case 'values':
      return {...state, values: {...state.values, ...action.values}};
    case 'commandStarted': {
      const s = state.steps[action.step];
      if (!s) return state;
      return patch(state, action.step, {commands: [...s.commands, {line: action.line, source: action.source}]});
    }
    case 'commandDone': {
      const s = state.steps[action.step];
      const record = s?.commands[action.position];
      if (!s || !record) return state;
      const commands = s.commands.slice();
      commands[action.position] = {...record, outcome: action.outcome};
      return patch(state, action.step, {commands});
    }
    case 'runStarted':
      return onlyIf(state, action.step, 'pending', {status: 'active', commands: []});
    case 'runFinished':
      return onlyIf(state, action.step, 'active', {status: 'complete'});
    case 'taskArmed':
      return onlyIf(state, action.step, 'pending', {status: 'active', since: action.since, matched: 0});
    case 'taskProgress':
      return onlyIf(state, action.step, 'active', {matched: action.matched});
    case 'taskMet': {
      const s = state.steps[action.step];
      if (!s || s.status !== 'active') return state;
      return patch(state, action.step, {status: 'complete', by: s.solution === 'idle' ? 'learner' : 'solution'});
    }
    case 'solutionStarted': {
      const s = state.steps[action.step];
      if (!s || s.solution !== 'requested') return state;
      return patch(state, action.step, {solution: 'running'});
    }
    case 'solutionFinished': {
      const s = state.steps[action.step];
      if (!s || s.solution !== 'running') return state;
      // Met or not, the solution has run; an unmet expectation fails the task.
      const failed = !action.met && s.status === 'active';
      return patch(state, action.step, {solution: 'ran', ...(failed ? {status: 'failed'} : {})});
    }
    default:
      return state;
  }
}

/** Enter step i: give an unvisited step its first status, re-arm a task left open. */
function enter(ctx: ReducerContext, state: LessonState, i: number): LessonState {
  const s = state.steps[i];
  const step = ctx.lesson.steps[i];
  if (!s || !step) return state;
  const at = {...state, index: i};
  if (s.status === 'unvisited') {
    const missing = missingFor(step.requires, ctx.capabilities);
    if (missing.length > 0) return patch(at, i, {status: 'skipped', missing});
    const first = {say: 'complete', run: 'pending', ask: 'active', task: 'pending'} as const;
    return patch(at, i, {status: first[step.kind]});
  }
  if (s.kind === 'task' && (s.status === 'open' || s.status === 'failed')) {
    return patch(at, i, {status: 'pending', matched: 0, solution: s.solution === 'running' ? 'running' : 'idle'});
  }
  return at;
}

/** Leaving the current step: an unfinished task stops being watched. */
function leave(state: LessonState): LessonState {
  const s = state.steps[state.index];
  if (s && s.kind === 'task' && (s.status === 'pending' || s.status === 'active')) {
    return patch(state, state.index, {status: 'open'});
  }
  return state;
}

function rerun(state: LessonState, s: StepState): LessonState {
  switch (s.kind) {
    case 'run':
      return s.status === 'complete' ? patch(state, state.index, {status: 'pending'}) : state;
    case 'ask': {
      if (s.status !== 'complete') return state;
      const {chosen: _chosen, ...rest} = s;
      return replace(state, state.index, {...rest, status: 'active'});
    }
    case 'task': {
      if (s.status === 'skipped' || s.solution === 'running') return state;
      const {by: _by, since: _since, ...rest} = s;
      return replace(state, state.index, {...rest, status: 'pending', matched: 0, solution: 'idle', commands: []});
    }
    default:
      return state;
  }
}

function blockedReason(s: StepState): 'busy' | 'answer-first' | undefined {
  if (s.kind === 'run' && (s.status === 'active' || s.status === 'pending')) return 'busy';
  if (s.kind === 'task' && s.solution === 'running') return 'busy';
  if (s.kind === 'ask' && s.status === 'active') return 'answer-first';
  return undefined;
}

function isUnfinishedTask(s: StepState): boolean {
  return s.kind === 'task' && s.status !== 'complete' && s.status !== 'skipped';
}

function onlyIf(state: LessonState, i: number, status: StepState['status'], change: Partial<StepState>): LessonState {
  return state.steps[i]?.status === status ? patch(state, i, change) : state;
}

function patch(state: LessonState, i: number, change: Partial<StepState>): LessonState {
  const s = state.steps[i];
  return s ? replace(state, i, {...s, ...change}) : state;
}

function replace(state: LessonState, i: number, s: StepState): LessonState {
  const steps = state.steps.slice();
  steps[i] = s;
  return {...state, steps};
}

function withoutNotice(state: LessonState): LessonState {
  const {notice: _notice, ...rest} = state;
  return rest;
}
