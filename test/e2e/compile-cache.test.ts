// Node keeps the app's compiled code between starts (the launcher's compile cache), and
// the interactive app compiles what its first frame needs with V8 flags of its own
// (src/cli/v8-tuning.ts). V8 refuses cached code made under other flags, and Node then
// compiles the file again and rewrites its cache entry: a file compiled under different
// flags from one start to the next would pay its compilation at every start. So: after a
// first start has filled the cache, the same walk (menu, a lesson, back, quit) must reuse
// every entry and rewrite none.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {KEYS, startApp} from './pty-rig.ts';

const hasCompileCache = typeof (createRequire(import.meta.url)('node:module') as {enableCompileCache?: unknown}).enableCompileCache === 'function';
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lessons-compile-cache-'));
afterAll(() => fs.rmSync(cacheHome, {recursive: true, force: true}));

/** Every file under the compile cache with its size and modification time. */
function entries(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else {
        const st = fs.statSync(file);
        out.set(path.relative(cacheHome, file), `${st.size}@${st.mtimeMs}`);
      }
    }
  };
  walk(path.join(cacheHome, 'socket-lessons'));
  return out;
}

async function walkOnce(): Promise<void> {
  const app = startApp({args: ['--lang', 'en', '--bidi', 'terminal'], env: {XDG_CACHE_HOME: cacheHome}});
  try {
    await app.waitFor('socket-lessons · Lessons');
    app.write('\r');
    await app.waitFor('What a socket is, what a port is · 1/');
    app.write(KEYS.escape);
    await app.waitFor('socket-lessons · Lessons');
    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
  } finally {
    app.kill();
  }
}

describe.runIf(hasCompileCache)('the compile cache under node', () => {
  it('is filled by the first start and reused, not rewritten, by the next ones', async () => {
    await walkOnce();
    const first = entries();
    expect(first.size, 'the first start cached the app').toBeGreaterThan(10);
    await walkOnce();
    const second = entries();
    await walkOnce();
    const third = entries();
    const changed = (a: Map<string, string>, b: Map<string, string>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    expect(changed(first, second)).toEqual([]);
    expect(changed(second, third)).toEqual([]);
  });
});
