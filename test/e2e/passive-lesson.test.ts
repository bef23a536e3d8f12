// The foundation's promise, end to end: the built app opens a real passive socket, the
// test connects to it from outside, q closes it.
import {afterEach, describe, expect, it} from 'vitest';
import {connectOnce, hasDeno, KEYS, startApp, type AppProcess, type Runtime} from './pty-rig.ts';
import {menuAt} from './helpers.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
let app: AppProcess | undefined;
afterEach(() => {
  app?.kill();
  app = undefined;
});


describe.each(runtimes)('"A passive socket and its clients" under %s', (runtime) => {
  it.each(['en', 'fa', 'ru'])('listens on a port the OS chose, accepts a real client, closes on q (%s)', async (lng) => {
    // 120×40: the event log has room for the accept row; at 80×24 it shows one row, and the
    // kernel's entry for our client could replace it before any frame showed it.
    app = startApp({runtime, columns: 120, rows: 40, args: ['--lang', lng, '--bidi', 'app'], env: {SOCKET_LESSONS_CONFIG_DIR: `/tmp/sl-e2e-${process.pid}-${runtime}-${lng}`}});
    await app.waitFor(menuAt(1));
    // The lesson is the third on the map.
    app.write('j');
    await app.waitFor(menuAt(2));
    app.write('j');
    await app.waitFor(menuAt(3));
    app.write(KEYS.enter);
    await app.waitFor('┏━'); // the panes are drawn once the lesson's lab is open
    app.write(KEYS.enter); // the app runs: listen tcp 127.0.0.1:0 as srv
    const screen = await app.waitFor(/127\.0\.0\.1:(\d{2,5})/);
    const port = Number(/127\.0\.0\.1:(\d{2,5})/.exec(screen)![1]);
    expect(port).toBeGreaterThan(0);

    expect(await connectOnce(port)).toBe('connected');
    await app.waitFor('srv#1'); // the server side accepted our client

    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
    expect(await connectOnce(port)).toBe('ECONNREFUSED');
  });

  it('Ctrl+C closes the sockets too (exit 130)', async () => {
    app = startApp({runtime, args: ['--lang', 'en', '--lesson', 'passive-socket'], env: {SOCKET_LESSONS_CONFIG_DIR: `/tmp/sl-e2e-${process.pid}-${runtime}-c`}});
    await app.waitFor('┏━');
    app.write(KEYS.enter);
    const screen = await app.waitFor(/127\.0\.0\.1:(\d{2,5})/);
    const port = Number(/127\.0\.0\.1:(\d{2,5})/.exec(screen)![1]);
    app.write(KEYS.ctrlC);
    expect((await app.exited).exitCode).toBe(130);
    expect(await connectOnce(port)).toBe('ECONNREFUSED');
  });

  it.each(['SIGTERM', 'SIGHUP'])('%s closes the sockets and restores the terminal', async (signal) => {
    app = startApp({runtime, args: ['--lang', 'en', '--lesson', 'passive-socket'], env: {SOCKET_LESSONS_CONFIG_DIR: `/tmp/sl-e2e-${process.pid}-${runtime}-s`}});
    await app.waitFor('┏━');
    app.write(KEYS.enter);
    const screen = await app.waitFor(/127\.0\.0\.1:(\d{2,5})/);
    const port = Number(/127\.0\.0\.1:(\d{2,5})/.exec(screen)![1]);
    app.kill(signal);
    await app.exited;
    expect(await connectOnce(port)).toBe('ECONNREFUSED');
    // Left the alternate screen and showed the cursor again.
    expect(app.raw()).toContain('\x1b[?1049l');
    expect(app.raw().lastIndexOf('\x1b[?25h')).toBeGreaterThan(app.raw().lastIndexOf('\x1b[?25l'));
  });
});
