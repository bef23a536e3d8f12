import {afterEach, describe, expect, it} from 'vitest';
import {hasDeno, KEYS, startApp, type AppProcess, type Runtime} from './pty-rig.ts';
import {menuAt} from './helpers.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
let app: AppProcess | undefined;
afterEach(() => {
  app?.kill();
  app = undefined;
});

describe.each(runtimes)('the lesson menu under %s', (runtime) => {
  it.each([
    ['en', 'Lessons', 'socket and port'],
    ['fa', 'درس‌ها', 'سوکت و پورت'],
    ['ru', 'Уроки', 'сокет и порт'],
  ])('draws in %s and quits with q, exit 0', async (lng, title, concept) => {
    // Persian in logical order here; the app's own layout is tested with calibration.
    app = startApp({runtime, args: ['--lang', lng, '--bidi', 'terminal']});
    await app.waitFor(title);
    // The selected lesson says what it teaches by name, never by id ("C1").
    await app.waitFor(concept);
    expect(app.screen().join('\n')).not.toMatch(/\bC\d+\b/);
    app.write('j');
    await app.waitFor(menuAt(2));
    app.write('k');
    await app.waitFor(menuAt(1));
    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
  });
});
