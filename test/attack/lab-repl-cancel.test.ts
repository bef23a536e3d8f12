// The REPL screen can stop a long `wait` (issue 11 item 11): Esc or Ctrl+C while a command
// runs stops it at once and says so; Ctrl+C quits only when nothing runs. In a real
// terminal, on Node and Deno.
import {describe, expect, it} from 'vitest';
import {KEYS, startApp} from '../e2e/pty-rig.ts';
import {exitCode} from '../e2e/helpers.ts';
import {freshHome, RUNTIMES, stopLongWait} from './app.ts';

describe.each(RUNTIMES)('the REPL screen under %s', (runtime) => {
  it('Esc, then Ctrl+C, each stop a 10-minute wait; the next Ctrl+C quits', async () => {
    const {env} = freshHome();
    const app = startApp({runtime, args: ['repl', '--lang', 'en'], columns: 100, rows: 30, env: {...env, NO_COLOR: undefined}});
    try {
      await app.waitFor('›');
      expect(await stopLongWait(app, 'data', KEYS.escape)).toBeLessThan(5000);
      // Esc stopped the wait and nothing else: still the REPL, not the menu.
      await app.waitFor((s) => !/running…/.test(s));
      await stopLongWait(app, 'accept', KEYS.ctrlC);
      // Still running: the REPL answers the next command.
      app.write('sockets\r');
      await app.waitFor(/0 sockets:/);
      app.write(KEYS.ctrlC);
      expect(await exitCode(app)).toBe(130);
    } finally {
      app.kill();
    }
  });

  it('in Persian and Russian the stop is told in that language', async () => {
    for (const [lng, stopped] of [['fa', /انتظار برای data را متوقف کردید/], ['ru', /Вы перестали ждать data/]] as const) {
      const {env} = freshHome();
      const app = startApp({runtime, args: ['repl', '--lang', lng, '--bidi', 'terminal'], columns: 100, rows: 30, env});
      try {
        await app.waitFor('›');
        app.write('wait data 600000\r');
        await app.waitFor(lng === 'fa' ? /Esc یا Ctrl\+C/ : /Esc или Ctrl\+C/);
        app.write(KEYS.escape);
        await app.waitFor(stopped);
      } finally {
        app.kill();
      }
    }
  });
});
