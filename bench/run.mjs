#!/usr/bin/env node
// `npm run bench`: every figure of issues 8 and 14 in one run, then bench/results.json and the
// table in BENCHMARKS.md. Usage: node bench/run.mjs [--quick] [--only=a,b] [--write]
//   --quick  fewer runs and shorter windows (a sanity check, ~1 min); results go to
//            bench/.work/results-quick.json unless --write is given
//   --only   figures to run: package,first-frame,commands,npx,load,idle,memory,interactive-rss,os-poll,repl-script,lab,workshop
//            (with --write, merged into the figures already in bench/results.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {coldNpx} from './cold-npx.mjs';
import {commands} from './commands.mjs';
import {interactiveRss} from './interactive-rss.mjs';
import {osPoll} from './os-poll.mjs';
import {replScript} from './repl-script.mjs';
import {firstFrame} from './first-frame.mjs';
import {idle} from './idle.mjs';
import {run as labOverhead} from './lab-overhead.mjs';
import {machine} from './lib/machine.mjs';
import {ROOT, workDir} from './lib/paths.mjs';
import {denoVersion} from './lib/runtimes.mjs';
import {floods} from './load.mjs';
import {memory} from './memory.mjs';
import {packageSize} from './package-size.mjs';
import {verdicts, writeReport} from './report.mjs';
import {workshop} from './workshop.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const write = argv.includes('--write') || (!quick && !only);
const hasDeno = denoVersion() !== undefined;
const want = (name) => !only || only.includes(name);

const steps = [
  ['package', () => packageSize()],
  ['first-frame', async () => ({
    node: await firstFrame({runtime: 'node', runs: 10}),
    ...(hasDeno ? {deno: await firstFrame({runtime: 'deno', runs: 10})} : {}),
  })],
  ['commands', () => commands({runs: quick ? 5 : 10})],
  ['npx', () => coldNpx({runs: quick ? 5 : 10})],
  // Node and Deno alternating, each figure min/median/max over the runs.
  ['load', () => floods({runs: quick ? 2 : 5, seconds: quick ? 3 : 5, runtimes: hasDeno ? ['node', 'deno'] : ['node']})],
  ['idle', async () => ({
    node: await idle({runtime: 'node', seconds: quick ? 5 : 10}),
    ...(hasDeno ? {deno: await idle({runtime: 'deno', seconds: quick ? 5 : 10})} : {}),
  })],
  ['memory', () => memory({rounds: quick ? 3 : 10})],
  ['interactive-rss', () => interactiveRss({runs: quick ? 3 : 5})],
  ['os-poll', () => osPoll({runs: quick ? 3 : 5})],
  ['repl-script', () => replScript({lines: quick ? 20_000 : 100_000, runs: quick ? 3 : 5})],
  ['lab', () => labOverhead()],
  ['workshop', () => workshop({quick})],
];

const started = Date.now();
const results = {
  generatedAt: new Date().toISOString(),
  command: `node bench/run.mjs ${argv.join(' ')}`.trim(),
  quick,
  machine: machine(),
  figures: {},
  errors: {},
};
for (const [name, fn] of steps) {
  if (!want(name)) continue;
  const t0 = Date.now();
  // Other work on the machine slows everything: each figure records the load it ran under.
  (results.loadAverageAt ??= {})[name] = +os.loadavg()[0].toFixed(2);
  process.stdout.write(`bench: ${name} (load ${os.loadavg()[0].toFixed(1)}) … `);
  try {
    results.figures[name] = await fn();
    process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  } catch (error) {
    results.errors[name] = String(error?.stack ?? error).split('\n').slice(0, 6).join('\n');
    process.stdout.write(`failed: ${String(error?.message ?? error).split('\n')[0]}\n`);
  }
}
results.loadAverageAfter = os.loadavg().map((n) => +n.toFixed(2));
if (write && only) {
  // Some figures only: the others stay as the last full run measured them.
  try {
    const old = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8'));
    results.figures = {...old.figures, ...results.figures};
    results.loadAverageAt = {...old.loadAverageAt, ...results.loadAverageAt};
    results.errors = {...Object.fromEntries(Object.entries(old.errors ?? {}).filter(([k]) => !only.includes(k))), ...results.errors};
    results.machine = old.machine ?? results.machine;
    // Each distinct command once, in the order last run: re-running a figure moves it to the end.
    const earlier = String(old.command ?? '').split('; then ').filter((c) => c && c !== results.command);
    results.command = [...earlier, results.command].join('; then ');
  } catch {
    // no earlier run: these figures alone
  }
}
results.seconds = Math.round((Date.now() - started) / 1000);
results.verdicts = verdicts(results.figures);

const out = write ? path.join(ROOT, 'bench/results.json') : path.join(workDir(), quick ? 'results-quick.json' : 'results-partial.json');
fs.writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
if (write) writeReport(results, path.join(ROOT, 'BENCHMARKS.md'));
console.log('');
for (const v of results.verdicts) console.log(`${v.pass === null ? '  -  ' : v.pass ? 'PASS ' : 'MISS '} ${v.figure}: ${v.measured} (budget ${v.budget})`);
for (const [name, e] of Object.entries(results.errors)) console.log(`ERROR ${name}: ${e.split('\n')[0]}`);
console.log(`\n${path.relative(ROOT, out)}${write ? ' and BENCHMARKS.md' : ''} written (${results.seconds} s)`);
