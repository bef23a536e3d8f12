// The step machine on its own: pure (state, action) → state, no sockets.
import {describe, expect, it} from 'vitest';
import {reduceLesson, type LessonAction} from '../../src/lessons/reducer.ts';
import {completedSteps, initialState, type LessonState} from '../../src/lessons/state.ts';
import type {Capabilities, Lesson, Step} from '../../src/lessons/types.ts';

const base = {requires: [], line: 1};
const steps: Step[] = [
  {...base, kind: 'say', key: 'intro'},
  {...base, kind: 'ask', question: 'q', choices: ['a', 'b', 'c'], answer: 1, explain: 'why'},
  {...base, kind: 'run', commands: ['listen tcp 127.0.0.1:0 as srv']},
  {...base, kind: 'task', prompt: 'p', where: 'prompt', hints: ['h1', 'h2'], expect: {event: 'accept', socket: 'srv', count: 1}, solution: ['connect tcp srv as c1']},
  {...base, kind: 'say', key: 'unix-only', requires: ['unix']},
  {...base, kind: 'say', key: 'outro'},
];
const lesson: Lesson = {id: 'l', order: 1, file: 'lessons/01-l.yaml', pack: 'test', concepts: ['C4'], requires: [], steps, languages: ['en']};
const noUnix: Capabilities = {unix: false};
const ctx = {lesson, capabilities: noUnix};

function run(actions: LessonAction[], from: LessonState = initialState(lesson)): LessonState {
  return actions.reduce((s, a) => reduceLesson(ctx, s, a), from);
}
const ready = (): LessonState => run([{type: 'labReady', generation: 0}]);
/** Through the run step to the task, as the driver would report it. */
const atTask = (): LessonState =>
  run(
    [
      {type: 'next'},
      {type: 'answer', choice: 0},
      {type: 'next'},
      {type: 'runStarted', generation: 0, step: 2},
      {type: 'runFinished', generation: 0, step: 2},
      {type: 'next'},
    ],
    ready(),
  );

describe('lesson reducer', () => {
  it('starts opening; labReady enters step 0 (a say is complete on sight)', () => {
    const s = initialState(lesson);
    expect(s.phase).toBe('opening');
    expect(reduceLesson(ctx, s, {type: 'next'})).toBe(s); // nothing happens before the lab is ready
    const r = ready();
    expect(r).toMatchObject({phase: 'ready', index: 0});
    expect(r.steps[0]!.status).toBe('complete');
    expect(r.steps[1]!.status).toBe('unvisited');
  });

  it('a question blocks next until answered, then reveals the choice', () => {
    const s = run([{type: 'next'}, {type: 'next'}], ready());
    expect(s.index).toBe(1);
    expect(s.notice).toEqual({kind: 'answer-first'});
    const answered = run([{type: 'answer', choice: 7}, {type: 'answer', choice: 0}], s);
    expect(answered.notice).toBeUndefined();
    expect(answered.steps[1]).toMatchObject({status: 'complete', chosen: 0});
    // A second answer does not overwrite the first guess.
    expect(run([{type: 'answer', choice: 1}], answered).steps[1]!.chosen).toBe(0);
  });

  it('a run step is pending for the driver, busy while running, complete after', () => {
    let s = run([{type: 'next'}, {type: 'answer', choice: 1}, {type: 'next'}], ready());
    expect(s.steps[2]!.status).toBe('pending');
    s = run([{type: 'runStarted', generation: 0, step: 2}], s);
    expect(run([{type: 'next'}], s)).toMatchObject({index: 2, notice: {kind: 'busy'}});
    s = run(
      [
        {type: 'commandStarted', generation: 0, step: 2, line: 'listen tcp 127.0.0.1:0 as srv', source: 'lesson'},
        {type: 'commandDone', generation: 0, step: 2, position: 0, outcome: {ok: true, events: []} as never},
        {type: 'runFinished', generation: 0, step: 2},
      ],
      s,
    );
    expect(s.steps[2]).toMatchObject({status: 'complete', commands: [{line: 'listen tcp 127.0.0.1:0 as srv', source: 'lesson', outcome: {ok: true}}]});
  });

  it('a task is armed, counts matches, and is met by the learner', () => {
    let s = atTask();
    expect(s).toMatchObject({index: 3});
    expect(s.steps[3]!.status).toBe('pending');
    s = run([{type: 'taskArmed', generation: 0, step: 3, since: 42}], s);
    expect(s.steps[3]).toMatchObject({status: 'active', since: 42, matched: 0});
    s = run([{type: 'taskProgress', generation: 0, step: 3, matched: 1}, {type: 'taskMet', generation: 0, step: 3}], s);
    expect(s.steps[3]).toMatchObject({status: 'complete', by: 'learner', matched: 1});
  });

  it('hints come one at a time and stop at the last', () => {
    const s = run([{type: 'hint'}, {type: 'hint'}, {type: 'hint'}], atTask());
    expect(s.steps[3]!.hintsShown).toBe(2);
  });

  it('show me: requested → running → met by the solution; unmet → failed, and can be shown again', () => {
    let s = run([{type: 'taskArmed', generation: 0, step: 3, since: 0}, {type: 'showMe'}], atTask());
    expect(s.steps[3]!.solution).toBe('requested');
    s = run([{type: 'solutionStarted', generation: 0, step: 3}], s);
    expect(run([{type: 'next'}], s).notice).toEqual({kind: 'busy'});
    const met = run([{type: 'taskMet', generation: 0, step: 3}, {type: 'solutionFinished', generation: 0, step: 3, met: true}], s);
    expect(met.steps[3]).toMatchObject({status: 'complete', by: 'solution', solution: 'ran'});

    const failed = run([{type: 'solutionFinished', generation: 0, step: 3, met: false}], s);
    expect(failed.steps[3]).toMatchObject({status: 'failed', solution: 'ran'});
    const again = run([{type: 'showMe'}], failed);
    expect(again.steps[3]).toMatchObject({status: 'pending', solution: 'requested'});
  });

  it('a task never traps: next leaves it open (with a notice), back re-arms it', () => {
    let s = run([{type: 'taskArmed', generation: 0, step: 3, since: 0}, {type: 'next'}], atTask());
    expect(s.notice).toEqual({kind: 'task-left-open'});
    expect(s.steps[3]!.status).toBe('open');
    expect(s.index).toBe(4);
    // A late match for the open task is ignored: it is not being watched.
    expect(run([{type: 'taskMet', generation: 0, step: 3}], s).steps[3]!.status).toBe('open');
    s = run([{type: 'back'}], s);
    expect(s.index).toBe(3);
    expect(s.steps[3]!.status).toBe('pending');
  });

  it('a step the platform cannot do is skipped with what it lacks', () => {
    const s = run([{type: 'taskArmed', generation: 0, step: 3, since: 0}, {type: 'taskMet', generation: 0, step: 3}, {type: 'next'}], atTask());
    expect(s.steps[4]).toMatchObject({status: 'skipped', missing: ['unix']});
    const withUnix = reduceLesson({lesson, capabilities: {unix: true}}, {...s, index: 3, steps: s.steps.map((x, i) => (i === 4 ? {...x, status: 'unvisited' as const} : x))}, {type: 'next'});
    expect(withUnix.steps[4]!.status).toBe('complete');
  });

  it('past the last step the lesson is finished; back un-finishes it', () => {
    const s = run([{type: 'taskArmed', generation: 0, step: 3, since: 0}, {type: 'taskMet', generation: 0, step: 3}, {type: 'next'}, {type: 'next'}, {type: 'next'}], atTask());
    expect(s).toMatchObject({index: 5, finished: true});
    expect(completedSteps(s)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(run([{type: 'back'}], s)).toMatchObject({index: 5, finished: false});
  });

  it('back never goes before step 0 and does not re-run anything', () => {
    const s = run([{type: 'back'}], ready());
    expect(s.index).toBe(0);
    const t = run([{type: 'back'}, {type: 'back'}], atTask());
    expect(t.index).toBe(1);
    expect(t.steps[2]!.status).toBe('complete');
  });

  it('rerun: a run step goes back to pending, a question to unanswered, a task to a fresh attempt', () => {
    const atRun = run([{type: 'back'}], atTask());
    expect(run([{type: 'rerun'}], atRun).steps[2]!.status).toBe('pending');
    const atAsk = run([{type: 'back'}, {type: 'back'}], atTask());
    const ask = run([{type: 'rerun'}], atAsk).steps[1]!;
    expect(ask.status).toBe('active');
    expect(ask.chosen).toBeUndefined();
    const done = run([{type: 'taskArmed', generation: 0, step: 3, since: 5}, {type: 'hint'}, {type: 'taskMet', generation: 0, step: 3}, {type: 'rerun'}], atTask());
    expect(done.steps[3]).toMatchObject({status: 'pending', matched: 0, solution: 'idle', hintsShown: 1, commands: []});
    expect(done.steps[3]!.by).toBeUndefined();
  });

  it('reset starts a new generation from step 0; reports from the old lab are ignored', () => {
    const s = run([{type: 'reset'}], atTask());
    expect(s).toMatchObject({generation: 1, phase: 'opening', index: 0, values: {}});
    expect(s.steps.every((x) => x.status === 'unvisited')).toBe(true);
    const stale = run([{type: 'labReady', generation: 1}, {type: 'values', generation: 0, values: {'srv.port': '1'}}], s);
    expect(stale.values).toEqual({});
  });

  it('values merge and are kept (last known) ', () => {
    const s = run([{type: 'values', generation: 0, values: {'srv.port': '5'}}, {type: 'values', generation: 0, values: {'c1.port': '6'}}], ready());
    expect(s.values).toEqual({'srv.port': '5', 'c1.port': '6'});
  });

  it('leave closes the state for good', () => {
    const s = run([{type: 'leave'}], ready());
    expect(s.phase).toBe('closed');
    expect(run([{type: 'next'}, {type: 'labReady', generation: 0}], s)).toBe(s);
  });

  it('a lesson the platform cannot run is finished at once, every step skipped', () => {
    const unixLesson: Lesson = {...lesson, requires: ['unix']};
    const s = reduceLesson({lesson: unixLesson, capabilities: noUnix}, initialState(unixLesson), {type: 'labReady', generation: 0});
    expect(s).toMatchObject({finished: true, notice: {kind: 'lesson-unavailable', missing: ['unix']}});
    expect(s.steps.every((x) => x.status === 'skipped')).toBe(true);
  });

  it('a notice stays through driver reports and clears on the next learner action', () => {
    let s = run([{type: 'next'}, {type: 'next'}], ready());
    expect(s.notice).toBeDefined();
    s = run([{type: 'values', generation: 0, values: {'a.port': '1'}}], s);
    expect(s.notice).toEqual({kind: 'answer-first'});
    expect(run([{type: 'hint'}], s).notice).toBeUndefined();
  });
});
