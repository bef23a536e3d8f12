// The acceptance script as a scripted run on Deno (spawned), checked like the Node run.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {appEnv} from '../support/hermetic.ts';
import {checkAcceptance} from './acceptance-check.ts';
import {records} from './helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deno = `${root}.tools/node_modules/.bin/deno`;
const fixture = fileURLToPath(new URL('./fixtures/deno-run.ts', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/acceptance.txt', import.meta.url));

function runDeno(args: string[], input?: string) {
  return spawnSync(existsSync(deno) ? deno : 'deno', ['run', '-A', fixture, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: appEnv({NO_COLOR: '1'}),
  });
}

describe('scripted runs on Deno', () => {
  it('the acceptance script: exit 1, EADDRINUSE and ECONNREFUSED only, --json fields', () => {
    const r = runDeno([script, 'en', 'json']);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    checkAcceptance(r.status ?? -1, records(r.stdout));
  });

  it('reads stdin when no script is given; exit 0 when every command succeeds', () => {
    const r = runDeno(['-', 'en', 'plain'], 'listen tcp 0 as a\n# a comment\nconnect tcp a as b\nquit\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('a accepted it and made the new socket a#1');
    expect(r.stdout).not.toMatch(/\u001b/);
  });
});
