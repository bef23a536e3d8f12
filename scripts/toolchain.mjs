#!/usr/bin/env node
// Runs a command with the toolchain the tests need, whatever Node the machine has:
//   node scripts/toolchain.mjs npm run test:here
// - a Node >= 22 first on PATH (vitest, TypeScript and the build scripts need it);
// - Deno 2 on PATH (the app is tested under Deno too);
// - SOCKET_LESSONS_NODE20: a Node 20 binary, the oldest runtime the app supports, so the
//   tests can run the built app on it as well.
// What the machine lacks is fetched once from the npm registry (packages node@24, deno,
// node@20) into .tools/, which git ignores. Plain JavaScript, so Node 18 and 20 can run it.
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tools = process.env.SOCKET_LESSONS_TOOLS_DIR || path.join(root, '.tools');
const FLOOR = 20;
const TOOLCHAIN = 22;

const major = (version) => Number(/^v?(\d+)/.exec(version ?? '')?.[1] ?? 0);

function say(text) {
  process.stderr.write(`toolchain: ${text}\n`);
}

function fail(text) {
  process.stderr.write(`toolchain: ${text}\n`);
  process.exit(1);
}

/** The output of `file args`, or undefined when it cannot run. */
function run(file, args, env = process.env) {
  const result = spawnSync(file, args, {encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore']});
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const bin = (dir, name) => path.join(dir, 'node_modules', '.bin', name);
const executable = (file) => fs.existsSync(file) && run(file, ['--version']) !== undefined;

/**
 * Installs `packages` into `dir` through a scratch folder renamed into place, so two
 * runs at once never see a half-installed toolchain.
 */
function install(dir, packages) {
  const where = path.relative(root, dir).startsWith('..') ? dir : path.relative(root, dir);
  say(`fetching ${packages.join(', ')} from the npm registry into ${where}/ (once)`);
  fs.mkdirSync(path.dirname(dir), {recursive: true});
  const scratch = fs.mkdtempSync(`${dir}.partial-`);
  const npm = spawnSync('npm', ['install', '--prefix', scratch, '--no-audit', '--no-fund', '--no-save', '--no-package-lock', '--loglevel=error', ...packages], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (npm.status !== 0) {
    fs.rmSync(scratch, {recursive: true, force: true});
    const reason = (npm.error?.message ?? npm.stderr ?? '').split('\n').find((line) => /ERR!\s+(code|network|errno)|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|E\d{3}/.test(line));
    fail(
      `could not fetch ${packages.join(' and ')} from the npm registry${reason ? ` (${reason.replace(/^npm (ERR!|error)\s*/, '').trim()})` : ''}; ` +
        `install Node.js ${TOOLCHAIN} or newer and Deno 2 yourself (https://nodejs.org, https://deno.com), then run the command again.`,
    );
  }
  fs.rmSync(dir, {recursive: true, force: true});
  try {
    fs.renameSync(scratch, dir);
  } catch {
    // Another run put its copy there first: use that one.
    fs.rmSync(scratch, {recursive: true, force: true});
  }
}

const env = {...process.env};
const prepend = (dir) => {
  env.PATH = `${dir}${path.delimiter}${env.PATH ?? ''}`;
};

// 1. A Node for the toolchain, and Deno.
const machineNode = process.execPath;
const denoOnPath = run('deno', ['--version']) !== undefined;
if (major(process.version) < TOOLCHAIN || !denoOnPath) {
  if (!executable(bin(tools, 'node')) || !executable(bin(tools, 'deno'))) install(tools, ['node@24', 'deno']);
  prepend(path.join(tools, 'node_modules', '.bin'));
}

// 2. The oldest supported Node, for the runtime tests.
if (!env.SOCKET_LESSONS_NODE20) {
  if (major(process.version) === FLOOR) {
    env.SOCKET_LESSONS_NODE20 = machineNode;
  } else {
    const floor = path.join(tools, `node${FLOOR}`);
    if (!executable(bin(floor, 'node'))) install(floor, [`node@${FLOOR}`]);
    env.SOCKET_LESSONS_NODE20 = fs.realpathSync(bin(floor, 'node'));
  }
}

// 3. GNU FriBidi, the reference for the Persian layout test. Installed only on a CI
// machine where that is ours to do (root, Debian); elsewhere that test says how.
const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
if (ci && run('fribidi', ['--version']) === undefined && process.getuid?.() === 0 && run('apt-get', ['--version']) !== undefined) {
  say('installing libfribidi-bin (apt-get) for the FriBidi reference test');
  const apt = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq libfribidi-bin'], {stdio: 'ignore', timeout: 300_000});
  if (apt.status !== 0) say('could not install libfribidi-bin; the FriBidi reference test will say so');
}

const [command, ...args] = process.argv.slice(2);
if (!command) fail('usage: node scripts/toolchain.mjs COMMAND [ARGS...]');
const nodeVersion = run('node', ['--version'], env);
const denoVersion = run('deno', ['--version'], env)?.split('\n')[0];
const floorVersion = run(env.SOCKET_LESSONS_NODE20, ['--version']);
say(`node ${nodeVersion}, ${denoVersion}, oldest supported node ${floorVersion}`);

const child = spawn(command, args, {stdio: 'inherit', env});
// A terminal's Ctrl+C reaches the child itself; a signal sent to this process alone
// (a CI timeout) is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail(`cannot run ${command}: ${error.message}`));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1);
});
const signalNumbers = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9};
