// A sample of lessons with --auto under Deno (the full matrix runs on Node in auto-all).
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {appEnv} from '../support/hermetic.ts';

const hasDeno = spawnSync('deno', ['--version'], {encoding: 'utf8'}).status === 0;
if (!hasDeno) console.warn('deno is not on PATH: skipping the lessons-under-Deno sample (install it: npm install --prefix DIR deno)');

const script = new URL('./fixtures/deno-auto.ts', import.meta.url).pathname;

describe.skipIf(!hasDeno)('lessons under Deno', () => {
  it.each([
    ['passive-socket', 'ru'],
    ['datagrams', 'fa'],
  ])('%s in %s runs with --auto and leaves no socket open', (id, lng) => {
    const r = spawnSync('deno', ['run', '-A', '--quiet', script, id, lng], {encoding: 'utf8', timeout: 60_000, env: appEnv()});
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(out).toMatchObject({runtime: 'deno', code: 0, first: {type: 'lesson', id, lng}, last: {type: 'result', ok: true}});
    if (process.platform === 'linux') expect(out.mine).toBe(0);
  });
});
