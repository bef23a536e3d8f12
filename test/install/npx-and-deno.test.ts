// What a user types: `npx socket-lessons` and `deno run -A npm:socket-lessons`, proven on
// the tarball `npm pack` makes, installed through a throwaway registry on loopback.
import {execFile, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno, ROOT} from '../e2e/pty-rig.ts';
import {appEnv} from '../support/hermetic.ts';
import {serveTarball, type LocalRegistry} from './local-registry.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let work: string;
let registry: LocalRegistry;
let tarball: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-install-'));
  // --ignore-scripts: the build already ran (npm test builds first); don't rebuild under other tests' feet.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: ROOT, encoding: 'utf8'});
  tarball = path.join(work, JSON.parse(out)[0].filename);
  registry = await serveTarball(tarball, {name: pkg.name, version: pkg.version, bin: pkg.bin, engines: pkg.engines});
}, 60_000);

afterAll(async () => {
  await registry?.close();
  fs.rmSync(work, {recursive: true, force: true});
});

// Async on purpose: the registry answers from this very process, so a synchronous
// spawn would block the server it is waiting for.
function run(file: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}): Promise<{status: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(file, args, {...options, encoding: 'utf8', timeout: 120_000}, (error, stdout, stderr) => {
      resolve({status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
    });
  });
}

// The installed app gets its own HOME and XDG folders, like every app a test starts.
const env = (extra: Record<string, string>) => appEnv({NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...extra});

describe('installing the packed tarball', () => {
  it('contains only what runs: the bundle (the bin, the app and the chunks each mode loads), its licences, package.json, README and LICENSE', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).trim().split('\n').sort();
    const chunks = listing.filter((f) => f.startsWith('package/dist/chunks/'));
    expect(listing.filter((f) => !chunks.includes(f))).toEqual(['package/LICENSE', 'package/README.md', 'package/dist/THIRD-PARTY-LICENSES.txt', 'package/dist/app.js', 'package/dist/cli.js', 'package/package.json']);
    // Exactly the chunks the build made, all of them JavaScript.
    const built = fs.readdirSync(path.join(ROOT, 'dist/chunks')).sort();
    expect(chunks.map((f) => f.slice('package/dist/chunks/'.length))).toEqual(built);
    expect(built.every((f) => f.endsWith('.js'))).toBe(true);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('npx socket-lessons runs from it', async () => {
    const cache = path.join(work, 'npm-cache');
    const npx = (args: string[]) =>
      run('npx', ['--yes', `--registry=${registry.url}`, 'socket-lessons', ...args], {
        cwd: work,
        env: env({npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false'}),
      });
    const version = await npx(['--version']);
    expect(version.stderr).not.toMatch(/ERR!/);
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = await npx(['list', '--lang', 'ru']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Пассивный сокет и его клиенты');
    expect(registry.requests.some((r) => r.endsWith('.tgz'))).toBe(true);
  }, 180_000);

  it.skipIf(!hasDeno())('deno run -A npm:socket-lessons runs from it', async () => {
    const deno = (args: string[]) =>
      run('deno', ['run', '-A', 'npm:socket-lessons', ...args], {
        cwd: work,
        env: env({NPM_CONFIG_REGISTRY: registry.url, DENO_DIR: path.join(work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1'}),
      });
    const version = await deno(['--version']);
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = await deno(['list', '--lang', 'en']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('A passive socket and its clients');
  }, 180_000);
});
