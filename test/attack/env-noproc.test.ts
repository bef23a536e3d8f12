// No /proc: the app runs in a mount namespace of its own where /proc is an empty tmpfs
// (root only: `unshare -m`). The OS view says it cannot be read; everything else works;
// nothing crashes. Node only: Deno itself panics at start-up without /proc/self/exe
// (deno 2.9, ext/os), before any of our code runs.
import {spawnSync} from 'node:child_process';
import {writeFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from '../e2e/pty-rig.ts';
import {describeRun, runMeasured, type Bounds} from './measure.ts';

const BOUNDS: Bounds = {ms: 20_000, rssMiB: 300};
const canUnshare = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /proc'], {stdio: 'ignore'}).status === 0;
if (!canUnshare) console.warn('unshare -m is not allowed here (needs root): skipping the no-/proc cases');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sl-noproc-'));
  writeFileSync(path.join(dir, 'script'), 'listen tcp 127.0.0.1:0 as srv\nconnect tcp srv as c1\nos\nsockets\n');
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The app with /proc replaced by an empty folder, for it alone. */
const withoutProc = (args: string[]) =>
  runMeasured('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /proc && exec "$@"', 'sh', process.execPath, CLI, '--lang', 'en', ...args], {bounds: BOUNDS});

describe.skipIf(!canUnshare)('no /proc', () => {
  it('the REPL runs, and `os` says the table cannot be read', async () => {
    const r = await withoutProc(['repl', '--script', path.join(dir, 'script')]);
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain("The operating system's socket table cannot be read here");
    expect(r.stdout).toContain('c1 is connected');
    expect(r.stderr).toBe('');
  });

  it('a lesson about the OS view still runs to the end with --auto', async () => {
    const r = await withoutProc(['lesson', 'owner-process', '--auto']);
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
  });
});
