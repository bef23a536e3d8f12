// A lesson's prompt can stop a long `wait` too: Esc or Ctrl+C while a command the learner
// typed runs stops only that command; the lesson, its step and its prompt stay, and
// the task can still be met. In a real terminal, on Node and Deno.
import {describe, expect, it} from 'vitest';
import {KEYS, startApp} from '../e2e/pty-rig.ts';
import {answer, exitCode, inputActive, stepCounter, waitForProse} from '../e2e/helpers.ts';
import {freshHome, RUNTIMES, stopLongWait} from './app.ts';

const step = (n: number) => stepCounter(n, 13); // what-is-a-socket; its task is step 11

describe.each(RUNTIMES)('a lesson under %s', (runtime) => {
  it('Esc, then Ctrl+C, stop a typed 10-minute wait; the task is then met; the next Ctrl+C quits', async () => {
    const {env} = freshHome();
    const app = startApp({runtime, args: ['--lang', 'en', '--lesson', 'what-is-a-socket'], columns: 100, rows: 30, env: {...env, NO_COLOR: undefined}});
    try {
      await app.waitFor(step(1));
      // Steps 3, 6 and 9 run commands: the next Enter waits for their outcome on screen.
      const ran: Record<number, RegExp> = {3: /s1\s+udp\s+datagram/, 6: /s1 is bound to/, 9: /s1 received it/};
      for (let n = 2; n <= 11; n++) {
        app.write(KEYS.enter);
        await app.waitFor(step(n));
        if (n === 2 || n === 8) await answer(app, 2);
        const outcome = ran[n];
        if (outcome) await waitForProse(app, outcome);
      }
      await app.waitFor(() => inputActive(app));

      expect(await stopLongWait(app, 'data', KEYS.escape)).toBeLessThan(5000);
      // Only the wait stopped: the same step, the prompt still taking keys.
      expect(app.screen().join('\n')).toMatch(step(11));
      await app.waitFor(() => inputActive(app));

      await stopLongWait(app, 'accept', KEYS.ctrlC);

      // The lesson goes on: the task is met by the commands it asks for.
      app.write('socket udp as mine\r');
      app.write('bind mine 127.0.0.1:0\r');
      await app.waitFor(/mine is bound to 127\.0\.0\.1:\d+/);
      await app.waitFor((s) => !inputActive(app) && /Enter next/.test(s));
      app.write(KEYS.ctrlC);
      expect(await exitCode(app)).toBe(130);
    } finally {
      app.kill();
    }
  });
});
