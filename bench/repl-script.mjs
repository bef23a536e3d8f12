// Figure 10: `socket-lessons repl --script FILE` running LINES `sendto` lines (a UDP
// socket sending to a bound one in the same lab; each line waits until the datagram has
// arrived, and prints the command, its events and its result), against bare Node doing
// the same (bench/lib/bare-sendto.mjs: the same file, a dgram socket, the same wait, one
// printed line per event and result). Wall time of the whole process, alternating.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {command} from './lib/runtimes.mjs';
import {summary} from './lib/stats.mjs';

const BARE = path.join(ROOT, 'bench/lib/bare-sendto.mjs');

export function writeScript(file, lines) {
  const body = ['bind udp 127.0.0.1:0 as r', 'socket udp as s', ...Array.from({length: lines}, () => 'sendto s r "hello"'), 'quit'];
  fs.writeFileSync(file, `${body.join('\n')}\n`);
}

/** Runs a process to its end with stdout counted and dropped; resolves with ms and lines out. */
function timed(file, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, args, {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}});
    let lines = 0;
    let err = '';
    child.stdout.on('data', (d) => {
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`${path.basename(args[0] ?? file)} exited ${code}: ${err.slice(0, 300)}`));
      else resolve({ms, lines});
    });
  });
}

export async function replScript({runtime = 'node', lines = 100_000, runs = 5, cli = CLI} = {}) {
  const dir = tempDir('bench-script');
  const script = path.join(dir, 'sendto.txt');
  writeScript(script, lines);
  const env = {SOCKET_LESSONS_CONFIG_DIR: path.join(dir, 'config')};
  const app = command(runtime, cli, ['repl', '--script', script, '--lang', 'en']);
  const bare = command(runtime, BARE, [script]);
  try {
    const times = {app: [], bare: []};
    const out = {};
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      for (const name of order) {
        const r = await timed((name === 'app' ? app : bare).file, (name === 'app' ? app : bare).args, env);
        times[name].push(r.ms);
        out[name] = r.lines;
      }
    }
    const a = summary(times.app, {digits: 0});
    const b = summary(times.bare, {digits: 0});
    return {runtime, lines, unit: 'ms', app: a, bare: b, ratio: +(a.median / b.median).toFixed(2), linesOut: out, budget: {ratio: 3}};
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20_000);
  console.log(JSON.stringify(await replScript({runtime: process.argv.includes('--deno') ? 'deno' : 'node', lines: n, runs: 3, cli: process.argv.find((a) => a.endsWith('cli.js')) ?? CLI}), null, 1));
}
