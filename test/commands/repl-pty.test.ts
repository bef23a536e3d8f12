// The REPL screen in a real pseudo-terminal: type commands, watch the socket table and
// the results change; history survives a restart; Ctrl+C closes every socket.
import {appEnv} from '../support/hermetic.ts';
import {spawn as ptySpawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundle, readContent} from '../../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let entry: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sl-repl-'));
  entry = join(dir, 'repl-screen.mjs');
  await bundle({
    entry: join(ROOT, 'test/commands/fixtures/repl-screen.tsx'),
    outfile: entry,
    minify: false,
    define: {__SOCKET_LESSONS_CONTENT__: JSON.stringify(readContent(ROOT))},
  });
}, 60_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

interface Screen {
  pty: IPty;
  text(): string;
  waitFor(test: string | RegExp, timeoutMs?: number): Promise<string>;
  type(text: string): Promise<void>;
  key(seq: string): Promise<void>;
  exited: Promise<number>;
  /** Ctrl+C, repeated if a busy machine merged it with an earlier key; the exit code. */
  interrupt(): Promise<number>;
}

function start(env: Record<string, string>): Screen {
  const term = new xterm.Terminal({cols: 130, rows: 40, allowProposedApi: true});
  const pty = ptySpawn(process.execPath, [entry], {name: 'xterm-256color', cols: 130, rows: 40, cwd: ROOT, env: appEnv({CI: 'false', TERM: 'xterm-256color', ...env})});
  let out = '';
  pty.onData((d) => {
    out += d;
    term.write(d);
  });
  const exited = new Promise<number>((resolve) => pty.onExit((e) => resolve(e.exitCode)));
  const text = () => {
    const b = term.buffer.active;
    return Array.from({length: term.rows}, (_, y) => b.getLine(b.viewportY + y)?.translateToString(true) ?? '').join('\n');
  };
  const waitFor = async (test: string | RegExp, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      const now = text();
      if (typeof test === 'string' ? now.includes(test) : test.test(now)) return now;
      if (Date.now() > until) throw new Error(`timed out waiting for ${String(test)}; screen:\n${now}\nraw tail: ${JSON.stringify(out.slice(-300))}`);
    }
  };
  // Keys go one write at a time, as a person types them: ink reads a chunk as one key.
  const type = async (s: string) => {
    pty.write(s);
    // The input line (the only line starting with "› ") must end with what was typed.
    const tail = s.slice(-12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await waitFor(new RegExp(`^› .*${tail}$`, 'm'));
  };
  const key = async (seq: string) => {
    pty.write(seq);
    await new Promise((r) => setTimeout(r, 60));
  };
  const interrupt = async () => {
    for (;;) {
      pty.write('\u0003');
      const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 2000))]);
      if (code !== undefined) return code;
    }
  };
  return {pty, text, waitFor, type, key, exited, interrupt};
}

describe('REPL screen in a pty', () => {
  it('typing commands changes the socket table; errors are explained; Tab completes; Ctrl+C closes all', async () => {
    const history = join(dir, 'history');
    const s = start({SL_HISTORY: history});
    try {
      await s.waitFor('Type a command');
      await s.type('listen tcp 127.0.0.1:0 as srv');
      await s.key('\r');
      const afterListen = await s.waitFor(/[○▶] srv\s+TCP\s+passive\s+127\.0\.0\.1:\d+/);
      expect(afterListen).toMatch(/✓ srv is a passive socket listening on/);
      // Tab completes a verb, then a socket name.
      await s.type('conn');
      await s.key('\t');
      await s.waitFor(/^› connect$/m); // the word and its space: the space is the cursor cell
      await s.type('tcp sr');
      await s.key('\t');
      await s.waitFor(/^› connect tcp srv$/m);
      await s.type('as c1');
      await s.key('\r');
      const afterConnect = await s.waitFor(/[●▶] srv#1\s+TCP/);
      expect(afterConnect).toMatch(/[●▶] c1\s+TCP\s+active\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+connected/);
      await s.type('listen tcp srv as dup');
      await s.key('\r');
      await s.waitFor('already in use');
      await s.waitFor('→ Use another port');
      // Several candidates are listed.
      await s.type('s');
      await s.key('\t');
      await s.waitFor(/Tab: socket\s+send\s+sendto/);
      await s.key('\u0015'); // Ctrl+U clears the line
      await s.waitFor(/^›\s*$/m);
      expect(await s.interrupt()).toBe(130);
      await s.waitFor('sockets left: 0');
    } finally {
      s.pty.kill();
    }
    expect(readFileSync(history, 'utf8').split('\n')).toEqual(['listen tcp 127.0.0.1:0 as srv', 'connect tcp srv as c1', 'listen tcp srv as dup', '']);

    // History is kept across runs: ↑ brings back the last line.
    const again = start({SL_HISTORY: history});
    try {
      await again.waitFor('Type a command');
      await again.key('\u001b[A');
      await again.waitFor(/^› listen tcp srv as dup$/m);
      await again.key('\u001b[A');
      await again.waitFor(/^› connect tcp srv as c1$/m);
      await again.key('\u0015');
      await again.waitFor(/^›\s*$/m);
      await again.type('quit');
      await again.key('\r');
      expect(await again.exited).toBe(0);
    } finally {
      again.pty.kill();
    }
  }, 60_000);
});
