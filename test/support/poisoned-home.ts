// vitest globalSetup: the suite runs as if on a machine whose user already has
// socket-lessons state — a progress file with every lesson finished, a saved language,
// Persian layout and no colour, and a REPL history. Every app a test starts must get its
// own HOME (test/support/hermetic.ts); one that inherited this HOME would show these
// lessons as done (the menu tests would fail), and at the end this setup fails the run if
// anything under the poisoned folder was written.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import path from 'node:path';
import {loadCatalog} from '../../src/lessons/pack-catalog.ts';
import {PROGRESS_VERSION} from '../../src/lessons/progress.ts';


function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'sl-poisoned-home-'));
  const app = path.join(root, '.config', 'socket-lessons');
  mkdirSync(app, {recursive: true});
  // Every builtin lesson finished, step by step, as the real app would have saved it.
  const catalog = loadCatalog();
  const lessons = Object.fromEntries(
    catalog.lessons.map((l) => [l.id, {steps: l.steps.map((_, i) => i), total: l.steps.length, completed: true}]),
  );
  const last = catalog.lessons.at(-1)!;
  writeFileSync(
    path.join(app, 'progress.json'),
    `${JSON.stringify({version: PROGRESS_VERSION, language: 'fa', bidi: 'app', also: 'ru', colour: false, lessons, last: {lesson: last.id, step: last.steps.length - 1}}, null, 2)}\n`,
  );
  writeFileSync(path.join(app, 'repl-history'), 'listen tcp 127.0.0.1:0 as poisoned\n');
  const before = snapshot(app);

  const saved: Record<string, string | undefined> = {};
  const set = (key: string, value: string | undefined) => {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  // Tool caches (Deno's compiled modules) stay where they were: only the app's own state is at stake.
  set('DENO_DIR', process.env.DENO_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'deno'));
  set('HOME', root);
  for (const key of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'SOCKET_LESSONS_CONFIG_DIR']) set(key, undefined);

  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    const after = snapshot(app);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    rmSync(root, {recursive: true, force: true});
    if (changed.length > 0) {
      throw new Error(`tests wrote into the user's socket-lessons folder (HOME was not hermetic): ${changed.join(', ')}`);
    }
  };
}
