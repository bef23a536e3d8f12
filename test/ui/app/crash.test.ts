// The uncaught-error exit path, in a real pty on Node (and Deno when installed): a screen
// that throws in a callback, rejects a promise or throws while rendering must leave the
// terminal as it found it, close the lab's TCP socket and remove its Unix socket file,
// print one short sentence and exit 1.
import {appEnv} from '../../support/hermetic.ts';
import {spawn as ptySpawn} from '@lydell/node-pty';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundle, readContent} from '../../../scripts/build.mjs';
import {connectOnce, hasDeno} from '../../e2e/pty-rig.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
let entry: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sl-crash-'));
  entry = join(dir, 'crash-app.mjs');
  await bundle({
    entry: join(ROOT, 'test/ui/app/fixtures/crash-app.tsx'),
    outfile: entry,
    minify: false,
    define: {__SOCKET_LESSONS_CONTENT__: JSON.stringify(readContent(ROOT))},
  });
}, 60_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function run(runtime: 'node' | 'deno', crash: string) {
  const [file, args] = runtime === 'node' ? [process.execPath, [entry]] : ['deno', ['run', '-A', entry]];
  const pty = ptySpawn(file, args, {name: 'xterm-256color', cols: 100, rows: 20, cwd: ROOT, env: appEnv({CI: 'false', SL_CRASH: crash})});
  let out = '';
  pty.onData((d) => (out += d));
  const exited = new Promise<number>((resolve) => pty.onExit((e) => resolve(e.exitCode)));
  const waitFor = async (re: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(out);
      if (m) return m;
      if (Date.now() > end) throw new Error(`timed out waiting for ${String(re)}; output: ${JSON.stringify(out.slice(-400))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {pty, out: () => out, exited, waitFor};
}


const runtimes = hasDeno() ? (['node', 'deno'] as const) : (['node'] as const);

describe.each(runtimes)('an uncaught error under %s', (runtime) => {
  it.each([
    ['callback', 'boom in a callback'],
    ['promise', 'boom in a promise'],
    ['render', 'boom while rendering'],
  ])('%s: terminal restored, sockets closed, one short message, exit 1', async (crash, message) => {
    const app = run(runtime, crash);
    try {
      const m = await app.waitFor(/listening on port (\d+) and file (\S+)/);
      const [port, file] = [Number(m[1]), m[2]!];
      expect(await connectOnce(port)).toBe('connected'); // the control: it was really listening
      if (file !== '-') expect(existsSync(file)).toBe(true);
      app.pty.write('b');
      expect(await app.exited).toBe(1);
      const out = app.out();
      // Left the alternate screen and showed the cursor again, before the message.
      const left = out.lastIndexOf('\x1b[?1049l');
      expect(left).toBeGreaterThan(-1);
      expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
      const said = out.slice(left);
      expect(said).toContain('socket-lessons stopped because of an unexpected error. Every socket was closed.');
      expect(said).toContain(message);
      expect(said).not.toMatch(/\n\s+at /); // no stack trace unless SOCKET_LESSONS_DEBUG is set
      expect(await connectOnce(port)).toBe('ECONNREFUSED');
      if (file !== '-') expect(existsSync(file)).toBe(false);
    } finally {
      app.pty.kill();
    }
  });
});
