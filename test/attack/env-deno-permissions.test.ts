// The README's narrower Deno permission set, taken from the README itself, is enough for
// everything the app shows — the OS view included (Deno counts reading other processes'
// /proc entries as needing --allow-run on Linux).
import {readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno, ROOT} from '../e2e/pty-rig.ts';
import {describeRun, runApp, type Bounds} from './measure.ts';

const BOUNDS: Bounds = {ms: 20_000, rssMiB: 300};

/** The flags of "The narrower set is `…`" in the README. */
function readmeFlags(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const match = /narrower set is `([^`]+)`/.exec(readme);
  if (!match) throw new Error('README.md no longer names the narrower Deno permission set');
  return match[1]!.split(' ');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sl-deno-perms-'));
  writeFileSync(path.join(dir, 'script'), 'listen tcp 127.0.0.1:0 as srv\nconnect tcp srv as c1\nos\n');
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe.skipIf(!hasDeno())('the README’s narrower Deno permissions', () => {
  it('are enough for the OS view on this system', async () => {
    const flags = readmeFlags();
    expect(flags.every((f) => f.startsWith('--allow-'))).toBe(true);
    const r = await runApp(['--lang', 'en', 'repl', '--script', path.join(dir, 'script')], {runtime: 'deno', denoFlags: flags, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).not.toContain('cannot be read here');
    expect(r.stdout).toMatch(/LISTEN +\d+\/deno/);
  });
});
