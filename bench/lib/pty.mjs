// A lean pty driver for the benchmarks: like test/e2e/pty-rig.ts, but every chunk the
// app writes is stamped with its arrival time, so "when did this text appear" and "how
// many frames per second" are answered from the bench process's clock.
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

// Ink brackets every frame it writes with synchronized-output markers (DEC mode 2026).
const FRAME_END = '\x1b[?2026l';

export function startPty({file, args = [], env = {}, cols = 80, rows = 24, cwd = process.cwd()}) {
  const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
  const childEnv = {};
  for (const [k, v] of Object.entries({...process.env, TERM: 'xterm-256color', CI: 'false', ...env})) {
    if (v !== undefined) childEnv[k] = v;
  }
  const started = performance.now();
  const pty = spawn(file, args, {name: 'xterm-256color', cols, rows, cwd, env: childEnv});
  /** Arrival time of every frame end seen so far. */
  const frames = [];
  let bytes = 0;
  let raw = '';
  let keepRaw = false;
  const waiters = new Set();
  pty.onData((data) => {
    const at = performance.now();
    bytes += data.length;
    if (keepRaw) raw += data;
    for (let i = data.indexOf(FRAME_END); i !== -1; i = data.indexOf(FRAME_END, i + 1)) frames.push(at);
    // The screen is checked after xterm has parsed this chunk, but the time reported is
    // the chunk's arrival: xterm's own parsing is not the app's latency.
    term.write(data, () => {
      for (const check of waiters) check(at);
    });
  });
  let exitInfo;
  const exited = new Promise((resolve) => {
    pty.onExit((e) => {
      exitInfo = e;
      for (const check of waiters) check(performance.now());
      resolve(e);
    });
  });
  const screen = () => {
    const b = term.buffer.active;
    const lines = [];
    for (let y = 0; y < term.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  /** Resolves with the arrival time of the chunk after which `test` first held. */
  const waitFor = (test, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      const matches = typeof test === 'string' ? (s) => s.includes(test) : test instanceof RegExp ? (s) => test.test(s) : test;
      const check = (at) => {
        if (matches(screen())) {
          done();
          resolve(at);
        } else if (exitInfo) {
          done();
          reject(new Error(`exited (${JSON.stringify(exitInfo)}) before ${String(test)}; screen:\n${screen()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}; screen:\n${screen()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check(performance.now());
    });
  /** Ends the process (SIGTERM, then SIGKILL after `graceMs`) and waits for it. */
  const stop = async (graceMs = 5000) => {
    if (exitInfo) return exitInfo;
    try {
      pty.kill('SIGTERM');
    } catch {}
    const timer = setTimeout(() => {
      try {
        pty.kill('SIGKILL');
      } catch {}
    }, graceMs);
    const e = await exited;
    clearTimeout(timer);
    return e;
  };
  return {
    pty,
    pid: pty.pid,
    started,
    frames,
    bytes: () => bytes,
    recordRaw: () => ((keepRaw = true), (raw = '')),
    raw: () => raw,
    screen,
    waitFor,
    write: (s) => pty.write(s),
    exited,
    stop,
  };
}
