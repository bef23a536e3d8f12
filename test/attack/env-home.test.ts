// The suite's own hermeticity, checked: it runs with a HOME that holds a user's finished
// progress (test/support/poisoned-home.ts), every app a test starts gets a fresh HOME
// (test/support/hermetic.ts), and an app that did see such a HOME would show it — so the
// menu tests would catch a leak, as they did on machines with real progress.
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startApp, type AppProcess} from '../e2e/pty-rig.ts';
import {appEnv} from '../support/hermetic.ts';

const poisoned = path.join(process.env.HOME ?? '', '.config', 'socket-lessons', 'progress.json');
let app: AppProcess | undefined;
afterEach(() => {
  app?.kill();
  app = undefined;
});

describe('hermetic HOME', () => {
  it('the suite runs with a poisoned HOME: every lesson finished', () => {
    expect(existsSync(poisoned)).toBe(true);
    const progress = JSON.parse(readFileSync(poisoned, 'utf8')) as {lessons: Record<string, {completed: boolean}>};
    expect(Object.values(progress.lessons).every((l) => l.completed)).toBe(true);
  });

  it('an app started by a test gets fresh HOME and XDG folders', () => {
    const env = appEnv();
    for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR']) {
      expect(env[key]).toBeDefined();
      expect(env[key]).not.toBe(process.env.HOME);
      expect(existsSync(env[key]!)).toBe(true);
    }
    expect(env.SOCKET_LESSONS_CONFIG_DIR).toBeUndefined();
  });

  it('so the menu shows nothing done, though the user has finished everything', async () => {
    app = startApp({args: ['--lang', 'en']});
    await app.waitFor('▸ 01');
    expect(app.screen().join('\n')).toMatch(/0\/13/);
    expect(app.screen().join('\n')).not.toContain('✓ 13/13');
    app.write('q');
    expect((await app.exited).exitCode).toBe(0);
  });

  it('while an app given that HOME (a copy of it) would show every lesson done', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'sl-home-copy-'));
    cpSync(path.dirname(path.dirname(path.dirname(poisoned))), copy, {recursive: true});
    try {
      app = startApp({args: ['--lang', 'en'], env: {HOME: copy, XDG_CONFIG_HOME: path.join(copy, '.config')}});
      await app.waitFor('✓ 13/13');
      app.write('q');
      expect((await app.exited).exitCode).toBe(0);
    } finally {
      rmSync(copy, {recursive: true, force: true});
    }
  });
});
