// The oldest runtime the app claims (package.json engines) is the one it is tested on:
// every lesson with --auto on Node 20 (the walk and the REPL acceptance script run on it
// in test/e2e); below the floor the bin says so in one line; and the toolchain script
// behind `npm test` fails in one line when it cannot fetch what the machine lacks.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {bundleLauncher, readContent} from '../../scripts/build.mjs';
import {loadCatalog} from '../../src/lessons/pack-catalog.ts';
import {CLI, NODE20, ROOT} from '../e2e/pty-rig.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {engines: {node: string}};
const FLOOR = Number(/\d+/.exec(pkg.engines.node)![0]);
const major = (version: string) => Number(/^v?(\d+)/.exec(version)?.[1]);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-floor-'));
afterAll(() => fs.rmSync(scratch, {recursive: true, force: true}));

/** A fresh HOME and XDG folders for one run of the app. */
function homeEnv(name: string): Record<string, string> {
  const home = fs.mkdtempSync(path.join(scratch, `${name}-`));
  return {HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), XDG_STATE_HOME: path.join(home, '.local/state'), XDG_DATA_HOME: path.join(home, '.local/share')};
}

function run(file: string, args: string[], env: Record<string, string | undefined>): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr});
    });
  });
}

describe(`the oldest supported runtime, Node ${FLOOR}`, () => {
  it('is at hand: npm test provides it as SOCKET_LESSONS_NODE20', () => {
    expect(NODE20, 'SOCKET_LESSONS_NODE20 is not set: run the tests with `npm test`').toBeTruthy();
    const version = spawnSync(NODE20!, ['--version'], {encoding: 'utf8'}).stdout.trim();
    expect(major(version)).toBe(FLOOR);
  });

  it('runs every lesson with --auto (en) through the built bin, leaving nothing behind', async () => {
    const ids = loadCatalog().lessons.map((l) => l.id);
    expect(ids.length).toBeGreaterThan(0);
    const results: {id: string; code: number | null; stdout: string; stderr: string}[] = [];
    // Two at a time: real sockets, real processes, a bounded wait each.
    for (let i = 0; i < ids.length; i += 2) {
      const batch = ids.slice(i, i + 2);
      results.push(...(await Promise.all(batch.map(async (id) => ({id, ...(await run(NODE20!, [CLI, 'lesson', id, '--auto', '--lang', 'en'], homeEnv(id)))})))));
    }
    for (const r of results) {
      expect(r.stderr, r.id).toBe('');
      expect(r.code, `${r.id}\n${r.stdout}`).toBe(0);
      expect(r.stdout, r.id).toMatch(/\S/);
    }
  }, 120_000);
});

describe('below the floor', () => {
  it('the bin says which runtime it needs in one line, in the learner language, and exits 1', async () => {
    // The same launcher with the floor raised above the Node at hand.
    const dir = fs.mkdtempSync(path.join(scratch, 'launcher-'));
    const bin = path.join(dir, 'cli.js');
    await bundleLauncher({content: readContent(ROOT), outfile: bin, minNode: major(process.version) + 1});
    const texts = new Map<string, string>();
    for (const lang of ['en_US.UTF-8', 'fa_IR.UTF-8', 'ru_RU.UTF-8']) {
      const r = spawnSync(process.execPath, [bin, '--version'], {encoding: 'utf8', env: {...process.env, ...homeEnv('old'), LC_ALL: '', LC_MESSAGES: '', LANG: lang}});
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(`Node.js ${process.versions.node}`);
      // The floor is a prose number: Persian digits in Persian.
      expect(lines[0]).toContain(new Intl.NumberFormat(lang.slice(0, 2), {useGrouping: false}).format(major(process.version) + 1));
      texts.set(lang, lines[0]!);
    }
    expect(new Set(texts.values()).size).toBe(3);
    expect(texts.get('fa_IR.UTF-8')).toMatch(/[\u0600-\u06FF]/);
    expect(texts.get('ru_RU.UTF-8')).toMatch(/[\u0400-\u04FF]/);
  });

  it('at the floor the real bin starts the app', () => {
    const r = spawnSync(NODE20 ?? process.execPath, [CLI, '--version'], {encoding: 'utf8', env: {...process.env, ...homeEnv('version')}});
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.status).toBe(0);
  });
});

describe('scripts/toolchain.mjs', () => {
  it('when the npm registry cannot be reached, says what to install in one line, without a stack trace', async () => {
    // A loopback port with nothing listening: bind one, note it, close it.
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.on('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const {port} = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const old = NODE20 ?? process.execPath;
    const npmDir = path.dirname(spawnSync('sh', ['-c', 'command -v npm'], {encoding: 'utf8'}).stdout.trim());
    const env = {
      ...homeEnv('toolchain'),
      // Only a Node older than the toolchain needs and npm: no Deno, no .tools/.
      PATH: [path.dirname(old), npmDir, '/usr/bin', '/bin'].join(path.delimiter),
      SOCKET_LESSONS_TOOLS_DIR: path.join(scratch, 'tools'),
      SOCKET_LESSONS_NODE20: old,
      npm_config_registry: `http://127.0.0.1:${port}/`,
      npm_config_cache: path.join(scratch, 'npm-cache'),
      npm_config_fetch_retries: '0',
      npm_config_offline: 'false',
      CI: 'false',
    };
    expect(major(spawnSync(old, ['--version'], {encoding: 'utf8'}).stdout), 'needs a Node older than 22 to exercise the fetch').toBeLessThan(22);
    const r = await run(old, [path.join(ROOT, 'scripts/toolchain.mjs'), 'true'], env);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    // One line saying what it fetches, then one saying what failed and what to install.
    expect(lines.at(-1)).toMatch(/could not fetch node@24 and deno.*install Node\.js 22 or newer and Deno 2/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith('tools'))).toEqual([]);
  }, 60_000);
});
