// The CLI's non-interactive answers, from the built bundle.
import {appEnv} from '../support/hermetic.ts';
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CLI, hasDeno} from './pty-rig.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: appEnv({LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env}), timeout: 20_000});

describe('socket-lessons (plain)', () => {
  it('--help is translated', () => {
    expect(run(['--help']).stdout).toContain('Usage:');
    expect(run(['--help', '--lang', 'ru']).stdout).toContain('Использование:');
    expect(run(['--help'], {LANG: 'fa_IR.UTF-8'}).stdout).toContain('طرز استفاده');
  });

  it('an unknown flag prints a clear error and the usage, exit 2', () => {
    const result = run(['--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option: --frobnicate');
    expect(result.stderr).toContain('Usage:');
  });

  it('an unknown language is named, exit 2', () => {
    const result = run(['--lang', 'de']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('“de”');
  });

  it('piped stdout: no frames, one line saying a terminal is needed, exit 2', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('needs a terminal');
  });

  it('--version prints the package version', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.skipIf(!hasDeno())('under Deno without permissions: names the flags before drawing anything, exit 2', () => {
    const result = spawnSync('deno', ['run', CLI], {encoding: 'utf8', timeout: 30_000, env: appEnv({NO_COLOR: '1'})});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('deno run -A npm:socket-lessons');
    expect(result.stderr).toContain('--allow-net');
    expect(result.stdout).toBe('');
  });
});
