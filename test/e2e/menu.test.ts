import {afterEach, describe, expect, it} from 'vitest';
import {hasDeno, KEYS, startApp, type AppProcess, type Runtime} from './pty-rig.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
let app: AppProcess | undefined;
afterEach(() => {
  app?.kill();
  app = undefined;
});

describe.each(runtimes)('the lesson menu under %s', (runtime) => {
  it.each([
    ['en', 'Lessons'],
    ['fa', 'درس‌ها'],
    ['ru', 'Уроки'],
  ])('draws in %s and quits with q, exit 0', async (lng, title) => {
    // Persian in logical order here; the app's own layout is tested with calibration.
    app = startApp({runtime, args: ['--lang', lng, '--bidi', 'terminal']});
    await app.waitFor(title);
    await app.waitFor(/C\d+ /);
    app.write('j');
    await app.waitFor('▸ 02');
    app.write('k');
    await app.waitFor('▸ 01');
    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
  });
});
