// Issue 7's walk, in a real pty on Node and Deno at the three layouts: the map (and its
// help) → a lesson → its questions → the task (hint, help, typed command) → back to the
// map → the REPL (a command, the help) → quit. At every stop the screen must be laid out cleanly (no wrapped rows, no
// broken borders). Each size runs in another language, so every locale is walked too.
import {afterEach, describe, expect, it} from 'vitest';
import {answer, eventually, exitCode, expectCleanLayout, inputActive, menuAt, savedSteps, type Started, startFresh, stepCounter, tcpRefused, typeLine, udpFree, waitForProse} from './helpers.ts';
import {KEYS, testedRuntimes} from './pty-rig.ts';

const runtimes = testedRuntimes();
const sizes = [
  {columns: 120, rows: 40, lng: 'en', args: []},
  {columns: 80, rows: 24, lng: 'ru', args: []},
  {columns: 50, rows: 20, lng: 'fa', args: ['--bidi', 'app']},
] as const;

const TOTAL = 16; // steps of passive-socket; its task is step 14
const step = (n: number) => stepCounter(n, TOTAL);

let started: Started | undefined;
afterEach(async () => {
  await started?.dispose();
  started = undefined;
});

describe.each(runtimes)('the walk under %s', (runtime) => {
  it.each(sizes)('$columns×$rows ($lng): map → lesson → task → REPL → quit', async ({columns, rows, lng, args}) => {
    started = startFresh({runtime, columns, rows, args: ['--lang', lng, ...args]});
    const {app, configDir} = started;
    const clean = (what: string) => expectCleanLayout(app, columns, what);

    // The map, its key help, then the third lesson: "A passive socket and its clients".
    await app.waitFor(menuAt(1));
    await clean('the map');
    app.write('?');
    await app.waitFor('Shift+Tab');
    await clean('the help on the map');
    app.write(KEYS.escape);
    await app.waitFor((s) => !s.includes('Shift+Tab') && menuAt(1).test(s));
    app.write('j');
    await app.waitFor(menuAt(2));
    app.write('j');
    await app.waitFor(menuAt(3));
    app.write(KEYS.enter);
    await app.waitFor(step(1));
    await app.waitFor(/[┏┃]/); // the lab is open, the panes are drawn
    await clean('the lesson');

    // Step 2 runs `listen tcp 127.0.0.1:0 as srv`; the port the OS chose shows up.
    app.write(KEYS.enter);
    await app.waitFor(step(2));
    const listening = await waitForProse(app, /127\.0\.0\.1:(?!0\b)(\d{2,5})/);
    const lessonPort = Number(/127\.0\.0\.1:(?!0\b)(\d{2,5})/.exec(listening)![1]);
    app.write(KEYS.enter);
    await app.waitFor(step(3));
    app.write(KEYS.enter);
    await app.waitFor(step(4));
    await answer(app, 2);
    await clean('an answered question');

    // Three clients connect; the server side accepts each into srv#N.
    for (const [n, client] of [
      [5, 1],
      [7, 2],
      [9, 3],
    ] as const) {
      app.write(KEYS.enter);
      await app.waitFor(step(n));
      await waitForProse(app, `srv#${client}`); // the command's outcome: the step is done
      app.write(KEYS.enter);
      await app.waitFor(step(n + 1));
    }
    app.write(KEYS.enter);
    await app.waitFor(step(11));
    await answer(app, 2);
    app.write(KEYS.enter);
    await app.waitFor(step(12));
    await waitForProse(app, 'ESTABLISHED'); // the `os` command's answer
    app.write(KEYS.enter);
    await app.waitFor(step(13));
    app.write(KEYS.enter);
    await app.waitFor(step(14));

    // The task: a hint, the help overlay, then the command typed at the prompt.
    const beforeHint = app.screen().join('\n');
    app.write('h');
    await app.waitFor((s) => s !== beforeHint);
    app.write('?');
    await app.waitFor('Shift+Tab');
    await clean('the help overlay');
    app.write(KEYS.escape);
    await app.waitFor((s) => !s.includes('Shift+Tab'));
    app.write(':');
    await app.waitFor(() => inputActive(app));
    await typeLine(app, 'connect tcp srv as c4');
    app.write(KEYS.enter);
    await waitForProse(app, 'srv#4');
    await eventually(() => savedSteps(configDir, 'passive-socket').includes(13), 'the task is saved as done');
    await clean('the finished task');

    // Esc leaves the prompt, Esc again leaves the lesson.
    app.write(KEYS.escape);
    await app.waitFor(() => !inputActive(app));
    app.write(KEYS.escape);
    await app.waitFor(menuAt(1));

    // `:` on the map opens the REPL; a bound UDP socket appears in the socket table.
    app.write(':');
    await app.waitFor(() => inputActive(app)); // the REPL's command line
    await typeLine(app, 'bind udp 127.0.0.1:0 as u1');
    app.write(KEYS.enter);
    const bound = await app.waitFor(/127\.0\.0\.1:(?!0\b)(\d{2,5})/);
    const udpPort = Number(/127\.0\.0\.1:(?!0\b)(\d{2,5})/.exec(bound)![1]);
    if (columns >= 80 && rows >= 24) {
      // The Sockets pane (beside or under the transcript) has the new row, either direction.
      await app.waitFor(/[▶◇] u1\s+UDP|UDP\s+[▶◇] u1/);
    } else {
      // One pane at a time: the transcript is shown, so ask for the table in words.
      await typeLine(app, 'sockets');
      app.write(KEYS.enter);
      await app.waitFor(/u1\s+udp|udp\s+u1/);
    }
    await clean('the REPL');
    // `?` on an empty line: the key help over the panes; Esc closes it, the line is live again.
    app.write('?');
    await app.waitFor('Shift+Tab');
    await clean('the REPL help');
    app.write(KEYS.escape);
    await app.waitFor((s) => !s.includes('Shift+Tab') && inputActive(app));

    // Esc on an empty line: back to the map; q quits with 0 and every socket is closed.
    app.write(KEYS.escape);
    await app.waitFor(menuAt(1));
    app.write('q');
    expect(await exitCode(app)).toBe(0);
    expect(await tcpRefused(lessonPort)).toBe(true);
    expect(await udpFree(udpPort)).toBe(true);
  }, 120_000);
});
