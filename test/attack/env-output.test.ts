// A hostile environment for the plain modes: stdout on a full disk (/dev/full), a reader
// that goes away after one line (`| head -1`), a closed stdin. The app says one
// translated line (nothing for a reader that went away), exits with the right code, stops
// early, and never prints a stack trace — on Node and Deno.
import {openSync, closeSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, hasDeno} from '../e2e/pty-rig.ts';
import {describeRun, runApp, runMeasured, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 20_000, rssMiB: 300};
const STACK = /^\s+at /m;

let full: number;
beforeAll(() => {
  full = openSync('/dev/full', 'w');
});
afterAll(() => closeSync(full));

describe.each(runtimes)('stdout on a full disk (/dev/full), on %s', (runtime) => {
  it.each([
    [['list'], 'en', 'socket-lessons could not write its output (ENOSPC) and stopped.'],
    [['--help'], 'en', 'socket-lessons could not write its output (ENOSPC) and stopped.'],
    [['lesson', 'passive-socket', '--auto'], 'ru', 'socket-lessons не удалось записать вывод (ENOSPC), программа остановлена.'],
    [['lesson', 'passive-socket', '--auto', '--json'], 'fa', 'socket-lessons نتوانست خروجی خود را بنویسد (ENOSPC) و متوقف شد.'],
    [['lint', 'lessons-that-do-not-exist'], 'en', 'socket-lessons could not write its output (ENOSPC) and stopped.'],
  ])('%j (%s): one translated line, exit 1', async (args, lng, message) => {
    const r = await runApp(['--lang', lng, ...args], {runtime, bounds: BOUNDS, stdout: full});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('repl from a pipe: one line, exit 1', async () => {
    const r = await runApp(['--lang', 'en', 'repl'], {runtime, bounds: BOUNDS, stdout: full, stdin: 'listen tcp 127.0.0.1:0 as srv\nsockets\n'});
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toBe('socket-lessons could not write its output (ENOSPC) and stopped.\n');
  });
});

/** Runs with stdout a pipe that the reader closes after the first line, as `| head -1` does. */
function headOne(args: string[], runtime: Runtime, stdin?: string) {
  let first = '';
  return runApp(args, {
    runtime,
    bounds: BOUNDS,
    ...(stdin === undefined ? {} : {stdin}),
    onSpawn: (child) => {
      child.stdout!.on('data', (d: Buffer | string) => {
        if (first !== '') return;
        first = String(d).split('\n')[0]!;
        child.stdout!.destroy();
      });
    },
  }).then((r) => ({...r, first}));
}

describe.each(runtimes)('a reader that goes away after one line (| head -1), on %s', (runtime) => {
  it('lesson --auto: quiet, exit 141 (as SIGPIPE would), and it stops early', async () => {
    const r = await headOne(['--lang', 'en', 'lesson', 'close-and-time-wait', '--auto'], runtime);
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.first).toBe('Closing a connection, and TIME_WAIT');
    expect(r.code, describeRun(r)).toBe(141);
    expect(r.stderr).toBe('');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('repl with 3,000 commands waiting: quiet, exit 141, the rest never run', async () => {
    const lines = `listen tcp 127.0.0.1:0 as srv\n${'wait accept srv 200\n'.repeat(3000)}`;
    const r = await headOne(['--lang', 'en', 'repl'], runtime, lines);
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.first).toBe('> listen tcp 127.0.0.1:0 as srv');
    expect(r.code, describeRun(r)).toBe(141);
    expect(r.stderr).toBe('');
    // 3,000 waits of 200 ms would take ten minutes.
    expect(r.ms).toBeLessThan(10_000);
  });
});

describe.each(runtimes)('a closed stdin, on %s', (runtime) => {
  it('repl reads no command, says so, exit 0', async () => {
    const [file, args] = runtime === 'node' ? [process.execPath, [CLI]] : ['deno', ['run', '-A', CLI]];
    const r = await runMeasured('sh', ['-c', 'exec "$@" <&-', 'sh', file, ...args, '--lang', 'en', 'repl'], {bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('0 commands, 0 failed.\n');
    expect(r.stderr).toBe('');
  });

  it('the interactive app asks for a terminal instead of crashing, exit 2', async () => {
    const [file, args] = runtime === 'node' ? [process.execPath, [CLI]] : ['deno', ['run', '-A', CLI]];
    const r = await runMeasured('sh', ['-c', 'exec "$@" <&-', 'sh', file, ...args, '--lang', 'en'], {bounds: BOUNDS});
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stderr).not.toMatch(STACK);
  });
});
