// The driver: owns one lesson's lab, runs the commands a state asks for, watches the
// lab's live events for the current task, and feeds results back into the reducer.
// A screen uses it through subscribe/getState (useSyncExternalStore) and the methods.
import {createExecutor as defaultExecutor} from '../commands/index.ts';
import {Lab} from '../lab/index.ts';
import type {LabEvent, SocketLab} from '../lab/types.ts';
import {detectCapabilities} from './capabilities.ts';
import {matchesExpect} from './expect.ts';
import {interpolate, socketValues} from './interpolate.ts';
import {reduceLesson, type LearnerAction, type LessonAction} from './reducer.ts';
import {initialState, type CommandOutcome, type CommandRecord, type LessonState} from './state.ts';
import type {Capabilities, Lesson, Step} from './types.ts';

/** What the driver needs from the command language. */
export interface LessonExecutor {
  run(line: string): Promise<CommandOutcome>;
  /** Stop the running command's wait; false when nothing was running. */
  cancel?(): boolean;
  dispose(): void;
}

export interface LessonSessionOptions {
  lesson: Lesson;
  /** A fresh lab for each open and each reset. Default: new Lab(). */
  createLab?: () => SocketLab;
  /** Default: the command language's executor. */
  createExecutor?: (lab: SocketLab) => LessonExecutor;
  capabilities?: Capabilities;
  /** After "show me" ran its commands, how long to wait for the expectation (default 5000 ms). */
  solutionTimeoutMs?: number;
}

export interface LessonSession {
  readonly lesson: Lesson;
  getState(): LessonState;
  /** Called after every state change. */
  subscribe(listener: () => void): () => void;
  /** Every event of the current lab, across resets (the event log listens here). */
  onLabEvent(listener: (event: LabEvent) => void): () => void;
  /** The current lab (a new one after reset), for the socket table and OS view. */
  getLab(): SocketLab | undefined;
  dispatch(action: LearnerAction): void;
  next(): void;
  back(): void;
  rerun(): void;
  answer(choice: number): void;
  hint(): void;
  showMe(): void;
  /** Run a line the learner typed in the lesson's prompt (placeholders are filled in). */
  submit(line: string): Promise<CommandOutcome>;
  /** Stop a learner's command that is still running (a long `wait`): true if one was stopped. */
  cancel(): boolean;
  /** Close the lesson's sockets, open a fresh lab, start again from step 0. */
  reset(): Promise<void>;
  /** Resolves when no command, watch-with-solution or lab opening is in flight. */
  idle(): Promise<void>;
  /** Leave the lesson: every socket it opened is closed. Idempotent. */
  close(): Promise<void>;
}

interface Watch {
  generation: number;
  step: number;
  stop(): void;
  /** Resolves true when the expectation is met, false when the watch stops first. */
  met: Promise<boolean>;
}

export function createLessonSession(options: LessonSessionOptions): LessonSession {
  const {lesson} = options;
  const ctx = {lesson, capabilities: options.capabilities ?? detectCapabilities()};
  const createLab = options.createLab ?? (() => new Lab());
  const createExecutor = options.createExecutor ?? ((lab: SocketLab) => defaultExecutor(lab));
  const solutionTimeoutMs = options.solutionTimeoutMs ?? 5000;

  let state = initialState(lesson);
  let lab: SocketLab | undefined;
  let executor: LessonExecutor | undefined;
  let unsubscribeLab: (() => void) | undefined;
  let watch: Watch | undefined;
  let closing: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const labListeners = new Set<(event: LabEvent) => void>();

  // In-flight work, so idle() can tell --auto and tests when the step has settled.
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight++;
    return work.finally(() => {
      if (--inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    });
  };

  function dispatch(action: LessonAction): void {
    const next = reduceLesson(ctx, state, action);
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
    schedule();
  }

  /** Start whatever work the current state asks for. Re-entrant: each start changes the state first. */
  function schedule(): void {
    if (state.phase !== 'ready' || !lab) return;
    if (watch && (watch.generation !== state.generation || watch.step !== state.index || state.steps[watch.step]?.status !== 'active')) {
      stopWatch();
    }
    const i = state.index;
    const s = state.steps[i];
    const step = lesson.steps[i];
    if (!s || !step) return;
    if (step.kind === 'run' && s.status === 'pending') {
      void track(runStep(state.generation, i, step.commands));
    } else if (step.kind === 'task' && s.status === 'pending') {
      arm(i, step);
    } else if (step.kind === 'task' && s.status === 'active' && s.solution === 'requested') {
      void track(solve(state.generation, i, step));
    }
  }

  function openLab(generation: number): void {
    let fresh: SocketLab | undefined;
    try {
      fresh = createLab();
      const opened = fresh;
      executor = createExecutor(opened);
      unsubscribeLab = opened.subscribe((event) => onEvent(opened, event));
      lab = opened;
    } catch (error) {
      // A half-made lab still holds nothing, but dispose it anyway: every exit path closes.
      void fresh?.dispose().catch(() => {});
      executor?.dispose();
      executor = undefined;
      dispatch({type: 'labFailed', generation, message: String((error as Error).message ?? error)});
      return;
    }
    dispatch({type: 'labReady', generation});
  }

  async function disposeLab(): Promise<void> {
    stopWatch();
    const old = lab;
    unsubscribeLab?.();
    executor?.dispose();
    lab = undefined;
    executor = undefined;
    unsubscribeLab = undefined;
    await old?.dispose();
  }

  function onEvent(from: SocketLab, event: LabEvent): void {
    if (from !== lab) return;
    for (const l of [...labListeners]) l(event);
    // Only these events change an address; data and datagrams (possibly thousands) do not.
    if (['socket', 'bind', 'listen', 'connect', 'accept', 'disconnect'].includes(event.type)) refreshValues(event);
  }

  function refreshValues(event?: LabEvent): void {
    if (!lab) return;
    const names = event ? [event.socket, ...(event.type === 'accept' ? [event.child] : [])] : lab.snapshot().map((s) => s.name);
    const values: Record<string, string> = {};
    for (const name of names) {
      const info = lab.get(name);
      if (info) Object.assign(values, socketValues(info));
    }
    const changed = Object.entries(values).some(([k, v]) => state.values[k] !== v);
    if (changed) dispatch({type: 'values', generation: state.generation, values});
  }

  async function runLine(generation: number, step: number, line: string, source: CommandRecord['source']): Promise<CommandOutcome> {
    const exec = executor;
    refreshValues();
    const text = interpolate(line, state.values);
    const position = state.steps[step]?.commands.length ?? 0;
    dispatch({type: 'commandStarted', generation, step, line: text, source});
    let outcome: CommandOutcome;
    if (!exec) {
      outcome = {ok: false, line: text, error: {kind: 'lab', code: 'ESTATE', operation: 'socket'}, events: []};
    } else {
      outcome = await exec.run(text);
    }
    dispatch({type: 'commandDone', generation, step, position, outcome});
    return outcome;
  }

  async function runStep(generation: number, step: number, commands: string[]): Promise<void> {
    dispatch({type: 'runStarted', generation, step});
    for (const line of commands) {
      if (state.generation !== generation || state.phase === 'closed') return;
      await runLine(generation, step, line, 'lesson');
    }
    dispatch({type: 'runFinished', generation, step});
  }

  function arm(step: number, def: Extract<Step, {kind: 'task'}>): void {
    const current = lab;
    if (!current) return;
    stopWatch();
    const generation = state.generation;
    // Events count from this moment on: anything with a later seq, from any process.
    const since = current.history().at(-1)?.seq ?? 0;
    let matched = 0;
    let resolveMet: (met: boolean) => void = () => {};
    const met = new Promise<boolean>((resolve) => (resolveMet = resolve));
    const stopOs = def.expect.event === 'os' ? current.watchOs() : undefined;
    const unsubscribe = current.subscribe((event) => {
      if (event.seq <= since || !matchesExpect(def.expect, event)) return;
      matched++;
      dispatch({type: 'taskProgress', generation, step, matched});
      if (matched >= def.expect.count) {
        dispatch({type: 'taskMet', generation, step});
        w.stop();
      }
    });
    const w: Watch = {
      generation,
      step,
      met,
      stop: () => {
        unsubscribe();
        stopOs?.();
        resolveMet(matched >= def.expect.count);
        if (watch === w) watch = undefined;
      },
    };
    watch = w;
    dispatch({type: 'taskArmed', generation, step, since});
  }

  function stopWatch(): void {
    watch?.stop();
  }

  async function solve(generation: number, step: number, def: Extract<Step, {kind: 'task'}>): Promise<void> {
    const w = watch;
    dispatch({type: 'solutionStarted', generation, step});
    for (const line of def.solution) {
      if (state.generation !== generation || state.phase === 'closed') return;
      await runLine(generation, step, line, 'solution');
    }
    let met = state.steps[step]?.status === 'complete';
    if (!met && w && w.generation === generation && w.step === step) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), solutionTimeoutMs)));
      met = await Promise.race([w.met, timeout]);
      clearTimeout(timer);
    }
    dispatch({type: 'solutionFinished', generation, step, met});
  }

  const session: LessonSession = {
    lesson,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onLabEvent(listener) {
      labListeners.add(listener);
      return () => labListeners.delete(listener);
    },
    getLab: () => lab,
    dispatch(action) {
      if (action.type === 'reset') void session.reset();
      else if (action.type === 'leave') void session.close();
      else dispatch(action);
    },
    next: () => dispatch({type: 'next'}),
    back: () => dispatch({type: 'back'}),
    rerun: () => dispatch({type: 'rerun'}),
    answer: (choice) => dispatch({type: 'answer', choice}),
    hint: () => dispatch({type: 'hint'}),
    showMe: () => dispatch({type: 'showMe'}),
    submit(line) {
      if (state.phase !== 'ready') {
        return Promise.resolve({ok: false, line, error: {kind: 'lab', code: 'ESTATE', operation: 'socket'}, events: []});
      }
      return track(runLine(state.generation, state.index, line, 'learner'));
    },
    cancel() {
      // Commands run one after another: the first without an outcome is the one running.
      // Only the learner's own is stopped; the lesson's commands are part of its step.
      const running = state.steps[state.index]?.commands.find((c) => !c.outcome);
      return running?.source === 'learner' && (executor?.cancel?.() ?? false);
    },
    reset() {
      if (state.phase === 'closed') return Promise.resolve();
      dispatch({type: 'reset'});
      const generation = state.generation;
      return track(disposeLab().then(() => openLab(generation)));
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closing ??= (async () => {
        dispatch({type: 'leave'});
        await disposeLab();
      })();
      return closing;
    },
  };

  // Open the first lab now; a lesson the platform cannot run needs no sockets at all.
  if (ctx.lesson.requires.some((r) => !ctx.capabilities[r])) dispatch({type: 'labReady', generation: 0});
  else openLab(0);
  return session;
}
