// The driver with a real Lab and real sockets: tasks met by another process, by a typed
// line, by "show me"; reset and leave close every socket (checked in the OS's table).
import {spawn, type ChildProcess} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {runAuto} from '../../src/lessons/autopilot.ts';
import {createLessonSession, type LessonSession} from '../../src/lessons/session.ts';
import {fixtureLesson, ownSockets, portOf, waitForState} from './helpers.ts';

const lesson = fixtureLesson('good', 'tiny');
const TASK = lesson.steps.findIndex((s) => s.kind === 'task');
const sessions: LessonSession[] = [];
const children: ChildProcess[] = [];

function open(): LessonSession {
  const s = createLessonSession({lesson, solutionTimeoutMs: 5000});
  sessions.push(s);
  return s;
}

afterEach(async () => {
  for (const c of children.splice(0)) c.kill();
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

/** Walk the tiny lesson to its task as a learner would: read, guess, watch the run. */
async function toTask(session: LessonSession): Promise<void> {
  await session.idle();
  session.next(); // the question
  session.answer(0);
  session.next(); // run: listen
  await session.idle();
  session.next(); // say: listening
  session.next(); // the task
  expect(session.getState().index).toBe(TASK);
  expect(session.getState().steps[TASK]!.status).toBe('active');
}

/** A separate process that connects to 127.0.0.1:port and stays until its stdin closes. */
function externalClient(port: number): Promise<ChildProcess> {
  const code = `
    const s = require('node:net').connect(${port}, '127.0.0.1', () => console.log('connected'));
    s.on('error', (e) => { console.error(e.code); process.exit(3); });
    process.stdin.on('end', () => { s.end(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', code], {stdio: ['pipe', 'pipe', 'pipe']});
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the external client did not connect in 10 s')), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('connected')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the external client exited (${code})`));
    });
  });
}

describe('lesson session (real sockets)', () => {
  it('a task is met by a SEPARATE process connecting to the lesson passive socket', async () => {
    const session = open();
    await toTask(session);
    const port = portOf(session.getState(), 'srv');
    const child = await externalClient(port);
    const state = await waitForState(session, (s) => s.steps[TASK]!.status === 'complete');
    expect(state.steps[TASK]).toMatchObject({status: 'complete', by: 'learner', matched: 1, solution: 'idle', commands: []});
    // The accepted socket is the lab's, its peer is the other process.
    const accepted = session.getLab()!.snapshot().find((s) => s.parent === 'srv');
    expect(accepted?.remote).toMatchObject({kind: 'inet', address: '127.0.0.1'});
    child.stdin!.end();
  });

  it('an accept from before the task began does not count', async () => {
    const session = open();
    await session.idle();
    session.next();
    session.answer(0);
    session.next();
    await session.idle();
    // The learner connects early, at the lesson prompt, before the task is set.
    const early = await session.submit('connect tcp srv as early');
    expect(early.ok).toBe(true);
    session.next();
    session.next();
    const s = session.getState();
    expect(s.steps[TASK]).toMatchObject({status: 'active', matched: 0});
    expect(s.steps[2]!.commands.map((c) => [c.source, c.line])).toContainEqual(['learner', 'connect tcp srv as early']);
  });

  it('a line typed in the lesson prompt meets the task (placeholders filled in)', async () => {
    const session = open();
    await toTask(session);
    const outcome = await session.submit('connect tcp 127.0.0.1:{srv.port} as mine');
    expect(outcome.ok).toBe(true);
    const state = await waitForState(session, (s) => s.steps[TASK]!.status === 'complete');
    expect(state.steps[TASK]!.by).toBe('learner');
    expect(state.steps[TASK]!.commands[0]!.line).toBe(`connect tcp 127.0.0.1:${portOf(state, 'srv')} as mine`);
  });

  it('cancel stops a wait the learner typed, and nothing when none runs', async () => {
    const session = open();
    await toTask(session);
    expect(session.cancel()).toBe(false);
    const waiting = session.submit('wait data 600000');
    await waitForState(session, (s) => s.steps[TASK]!.commands.some((c) => c.source === 'learner' && !c.outcome));
    expect(session.cancel()).toBe(true);
    const outcome = await waiting;
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? undefined : outcome.error).toMatchObject({code: 'ECANCELED'});
    expect(session.cancel()).toBe(false);
    // The lesson goes on: the task is still the learner's to meet.
    expect(session.getState().steps[TASK]!.status).toBe('active');
    expect((await session.submit('connect tcp 127.0.0.1:{srv.port} as mine')).ok).toBe(true);
  });

  it('hint, then "show me" runs the lesson solution and meets the task', async () => {
    const session = open();
    await toTask(session);
    session.hint();
    expect(session.getState().steps[TASK]!.hintsShown).toBe(1);
    session.showMe();
    await session.idle();
    const s = session.getState();
    expect(s.steps[TASK]).toMatchObject({status: 'complete', by: 'solution', solution: 'ran'});
    expect(s.steps[TASK]!.commands).toEqual([expect.objectContaining({source: 'solution', line: 'connect tcp srv as c1', outcome: expect.objectContaining({ok: true})})]);
    expect(s.values['c1.remote']).toBe(s.values['srv.local']);
  });

  it('live values: known placeholders filled, unknown ones kept visible', async () => {
    const session = open();
    await toTask(session);
    const {values} = session.getState();
    expect(values['srv.host']).toBe('127.0.0.1');
    expect(values['srv.local']).toBe(`127.0.0.1:${values['srv.port']}`);
    const {interpolate} = await import('../../src/lessons/interpolate.ts');
    expect(interpolate('on {srv.port}, not {nobody.port} nor {srv.colour}', values)).toBe(`on ${values['srv.port']}, not {nobody.port} nor {srv.colour}`);
  });

  it('reset closes the lesson sockets, opens a fresh lab and starts again at step 0', async () => {
    const session = open();
    await toTask(session);
    const oldLab = session.getLab()!;
    const oldPort = portOf(session.getState(), 'srv');
    await session.reset();
    const s = session.getState();
    expect(s).toMatchObject({generation: 1, phase: 'ready', index: 0, values: {}});
    expect(session.getLab()).not.toBe(oldLab);
    expect(oldLab.snapshot()).toEqual([]);
    const os = await ownSockets();
    if (os) expect(os.filter((x) => x.local.kind === 'inet' && x.local.port === oldPort)).toEqual([]);
    // And the lesson runs again on the new lab.
    await toTask(session);
    expect(session.getLab()!.get('srv')?.state).toBe('listening');
  });

  it('leaving the lesson closes every socket it opened, with a client still connected', async () => {
    const session = open();
    await toTask(session);
    const port = portOf(session.getState(), 'srv');
    const child = await externalClient(port);
    await waitForState(session, (s) => s.steps[TASK]!.status === 'complete');
    const lab = session.getLab()!;
    await session.close();
    expect(session.getState().phase).toBe('closed');
    expect(session.getLab()).toBeUndefined();
    expect(lab.snapshot()).toEqual([]);
    const os = await ownSockets();
    if (os) expect(os).toEqual([]);
    child.stdin!.end();
    // Closing twice is fine, and nothing runs after leaving.
    await session.close();
    const late = await session.submit('listen tcp 127.0.0.1:0 as again');
    expect(late.ok).toBe(false);
  });

  it('runAuto meets every expectation of the fixture lesson', async () => {
    const session = open();
    const result = await runAuto(session);
    expect(result.failures).toEqual([]);
    expect(result.state.finished).toBe(true);
    expect(result.state.steps.map((s) => s.status)).toEqual(lesson.steps.map(() => 'complete'));
  });

  it('a solution that cannot meet the expectation fails the task instead of hanging', async () => {
    const broken = {...lesson, steps: lesson.steps.map((s) => (s.kind === 'task' ? {...s, solution: ['sockets']} : s))};
    const session = createLessonSession({lesson: broken, solutionTimeoutMs: 300});
    sessions.push(session);
    const result = await runAuto(session);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([{step: TASK, reason: 'task-unmet'}]);
    expect(result.state.steps[TASK]!.status).toBe('failed');
  });

  it('a lesson command that names no socket is reported as a lesson bug', async () => {
    const broken = {...lesson, steps: lesson.steps.map((s) => (s.kind === 'run' ? {...s, commands: ['close ghost']} : s))};
    const session = createLessonSession({lesson: broken, solutionTimeoutMs: 300});
    sessions.push(session);
    const result = await runAuto(session);
    expect(result.failures).toContainEqual({step: 2, reason: 'command', line: 'close ghost'});
  });

  it('a lab that cannot open: a typed notice, and --auto reports it', async () => {
    const session = createLessonSession({
      lesson,
      createLab: () => {
        throw new Error('EPERM: no sockets for you');
      },
    });
    sessions.push(session);
    expect(session.getState()).toMatchObject({phase: 'closed', notice: {kind: 'lab-error', message: 'EPERM: no sockets for you'}});
    const result = await runAuto(session);
    expect(result.failures).toEqual([{step: 0, reason: 'lab'}]);
  });

  it('a lesson that needs Unix sockets, on a platform without them: skipped, no lab opened', async () => {
    let labs = 0;
    const session = createLessonSession({
      lesson: {...lesson, requires: ['unix']},
      capabilities: {unix: false},
      createLab: () => {
        labs++;
        throw new Error('should not open');
      },
    });
    sessions.push(session);
    const result = await runAuto(session);
    expect(labs).toBe(0);
    expect(result.ok).toBe(true);
    expect(result.state.notice).toEqual({kind: 'lesson-unavailable', missing: ['unix']});
    expect(result.state.steps.every((s) => s.status === 'skipped')).toBe(true);
  });

  it('resume: fast-forward to a saved step rebuilds the sockets the earlier steps made', async () => {
    const session = open();
    const result = await runAuto(session, {until: TASK});
    expect(result.ok).toBe(true);
    const s = session.getState();
    expect(s.index).toBe(TASK);
    expect(s.steps[TASK]!.status).toBe('active'); // the learner's turn, not solved for them
    expect(session.getLab()!.get('srv')?.state).toBe('listening');
    expect(s.steps.slice(0, TASK).every((x) => x.status === 'complete')).toBe(true);
  });
});
