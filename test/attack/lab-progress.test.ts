// Progress in a hostile environment (issue 11 item 8): a home the app cannot write to
// says so when a save fails after start-up, on whatever screen is open; and two
// instances at once keep each other's lessons. Real processes, real files.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {spawnChild} from '../lab/child.ts';
import {KEYS, ROOT, startApp, type AppProcess} from '../e2e/pty-rig.ts';
import {exitCode} from '../e2e/helpers.ts';
import {command, freshHome} from './app.ts';

const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';
const WRITER = path.join(ROOT, 'test/attack/fixtures/progress-writer.ts');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-progress-'));
  cleanups.push(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

/** A folder mounted read-only (a bind mount onto itself): EROFS for everyone, root included. */
function readOnlyHome(): string {
  const dir = tempDir();
  try {
    execFileSync('mount', ['--bind', dir, dir], {stdio: 'pipe'});
  } catch (err) {
    throw new Error(`this test needs root and mount(8) to make a read-only home: ${(err as {stderr?: Buffer}).stderr?.toString() ?? err}`);
  }
  cleanups.push(() => execFileSync('umount', [dir]));
  execFileSync('mount', ['-o', 'remount,bind,ro', dir], {stdio: 'pipe'});
  return dir;
}

function appEnv(home: string, configDir?: string): Record<string, string | undefined> {
  return {
    ...freshHome().env,
    HOME: home,
    XDG_CONFIG_HOME: undefined,
    SOCKET_LESSONS_CONFIG_DIR: configDir ?? '',
    NO_COLOR: undefined,
  };
}

const apps: AppProcess[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) {
    a.kill();
    await exitCode(a, 5000).catch(() => undefined);
  }
});
function start(env: Record<string, string | undefined>, args: string[] = ['--lang', 'en']): AppProcess {
  const app = startApp({args, columns: 100, rows: 30, env});
  apps.push(app);
  return app;
}

interface Saved {
  lessons: Record<string, {steps: number[]}>;
  last?: {lesson: string; step: number};
}

/** Resolves once `check` holds for the folder's progress.json (watched, not polled); rejects after ms. */
function whenProgress(dir: string, check: (p: Saved) => boolean, ms = 10_000): Promise<Saved> {
  const file = path.join(dir, 'progress.json');
  return new Promise((resolve, reject) => {
    const look = () => {
      try {
        const p = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (check(p)) {
          done();
          resolve(p);
        }
      } catch {
        // not there yet, or mid-rename
      }
    };
    const watcher = fs.watch(dir, look);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`progress.json never matched in ${ms} ms: ${fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(none)'}`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
    };
    look();
  });
}

describe('two instances at once', () => {
  it('four processes saving 25 lessons each into one folder at the same moment keep all 100', async () => {
    const dir = tempDir();
    const writers = ['a', 'b', 'c', 'd'].map((tag) => spawnChild(process.execPath, [WRITER, dir, tag, '25']));
    await Promise.all(writers.map((w) => w.next((m) => m['ready'] === true)));
    for (const w of writers) w.send('go');
    const done = await Promise.all(writers.map((w) => w.next((m) => m['done'] === true || m['notice'] !== undefined, 20_000)));
    expect(done.filter((d) => d['notice'] !== undefined)).toEqual([]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
    expect(Object.keys(onDisk.lessons).sort()).toEqual(['a', 'b', 'c', 'd'].flatMap((t) => Array.from({length: 25}, (_, i) => `${t}-${i}`)).sort());
    // No lock and no temp file is left behind.
    expect(fs.readdirSync(dir)).toEqual(['progress.json']);
  });

  it('a lock left by a process killed with SIGKILL does not stop the next save', async () => {
    const dir = tempDir();
    const holder = spawnChild(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    fs.writeFileSync(path.join(dir, 'progress.json.lock'), JSON.stringify({pid: holder.proc.pid, host: os.hostname(), token: 'dead', at: Date.now()}));
    holder.proc.kill('SIGKILL');
    await holder.exited;
    const writer = spawnChild(process.execPath, [WRITER, dir, 'after', '1']);
    await writer.next((m) => m['ready'] === true);
    writer.send('go');
    expect(await writer.next((m) => m['done'] === true || m['notice'] !== undefined)).toMatchObject({done: true});
    expect(fs.readdirSync(dir)).toEqual(['progress.json']);
  });

  it('two apps in two terminals: each one\'s lesson survives the other\'s saves', async () => {
    const home = tempDir();
    const config = path.join(home, 'shared-config');
    fs.mkdirSync(config);
    const a = start(appEnv(home, config));
    const b = start(appEnv(home, config));
    await a.waitFor('▸ 01');
    await b.waitFor('▸ 01');
    // A: lesson 1, one step on.
    a.write(KEYS.enter);
    await a.waitFor(/ · 1\/\d+/);
    a.write(RIGHT);
    await whenProgress(config, (p) => p.lessons['what-is-a-socket'] !== undefined);
    // B started before A saved; it opens lesson 2 and steps on: A's lesson must stay.
    b.write('j');
    await b.waitFor('▸ 02');
    b.write(KEYS.enter);
    await b.waitFor(/ · 1\/\d+/);
    b.write(RIGHT);
    const afterB = await whenProgress(config, (p) => p.lessons['bind-and-port-zero'] !== undefined);
    expect(Object.keys(afterB.lessons).sort()).toEqual(['bind-and-port-zero', 'what-is-a-socket']);
    // A saves again (a step back: its position changes), knowing nothing of B: B's lesson must stay.
    a.write(LEFT);
    const afterA = await whenProgress(config, (p) => p.last?.lesson === 'what-is-a-socket');
    expect(Object.keys(afterA.lessons).sort()).toEqual(['bind-and-port-zero', 'what-is-a-socket']);
  });
});

describe('a read-only home', () => {
  it('a save that fails after start-up is told at once in the footer, and on the menu', async () => {
    const home = readOnlyHome();
    const app = start(appEnv(home));
    await app.waitFor('▸ 01');
    // Nothing failed yet: reading a missing file is fine, so there is no notice at start.
    expect(app.screen().join('\n')).not.toMatch(/cannot be saved/);
    app.write(KEYS.enter);
    await app.waitFor(/ · 1\/\d+/);
    app.write(RIGHT); // a step done: the first save, which fails
    await app.waitFor(/Progress cannot be saved \(EROFS\)/);
    app.write(KEYS.escape);
    await app.waitFor(/Progress cannot be saved in .*progress\.json \(EROFS\)/s);
    app.write('q');
    expect(await exitCode(app)).toBe(0);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('plain mode (lesson --auto) saves nothing and runs to the end with exit 0', () => {
    const home = readOnlyHome();
    const [file, args] = command('node');
    const env = {...process.env, ...appEnv(home)} as NodeJS.ProcessEnv;
    delete env['XDG_CONFIG_HOME'];
    const out = execFileSync(file, [...args, 'lesson', 'what-is-a-socket', '--auto'], {env, encoding: 'utf8', timeout: 60_000});
    expect(out).toMatch(/what-is-a-socket|socket/i);
    expect(fs.readdirSync(home)).toEqual([]);
  });
});
