// Figure 11: one read of the lab's OS view on a busy host (10,000 TIME_WAIT rows of
// other connections) against the same read on an idle one, alternating. Each side is a
// network namespace this benchmark makes (`ip netns`, as root) and removes: the busy one
// is filled by bench/lib/time-wait.mjs; the lab (bench/os-poll-entry.ts, bundled like the
// app) runs inside it. Without root it runs once in the host's own namespace and says so.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {bundle} from '../scripts/build.mjs';
import {ROOT, workDir} from './lib/paths.mjs';
import {summary} from './lib/stats.mjs';

const TIME_WAIT = path.join(ROOT, 'bench/lib/time-wait.mjs');

function canUseNetns() {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('ip', ['netns', 'list'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

const ip = (...args) => execFileSync('ip', args, {stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8'});
const inNs = (ns, args) => (ns ? ['ip', ['netns', 'exec', ns, ...args]] : [args[0], args.slice(1)]);
const run = (ns, args) => {
  const [file, rest] = inNs(ns, args);
  return JSON.parse(execFileSync(file, rest, {encoding: 'utf8', timeout: 120_000}).trim().split('\n').at(-1));
};

export async function osPoll({runs = 5, rows = 10_000, polls = 40} = {}) {
  const entry = path.join(workDir(), 'os-poll.js');
  await bundle({entry: path.join(ROOT, 'bench/os-poll-entry.ts'), outfile: entry});
  const netns = canUseNetns();
  const names = {busy: `slbench-busy-${process.pid}`, idle: `slbench-idle-${process.pid}`};
  const out = {busy: [], idle: []};
  const made = [];
  const one = (kind) => {
    const ns = netns ? names[kind] : undefined;
    if (ns) {
      ip('netns', 'add', ns);
      ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
    }
    try {
      if (kind === 'busy') made.push(run(ns, [process.execPath, TIME_WAIT, String(rows)]).rows);
      out[kind].push(run(ns, [process.execPath, entry, String(polls)]));
    } finally {
      if (ns) ip('netns', 'del', ns);
    }
  };
  try {
    if (!netns) {
      // The host's own table, whatever is on it: one measurement, no busy/idle pair.
      out.idle.push(run(undefined, [process.execPath, entry, String(polls)]));
      return {netns: false, note: 'not root (or no ip netns): measured once in the host namespace, no busy host made', host: out.idle[0]};
    }
    for (let i = 0; i < runs; i++) for (const kind of i % 2 === 0 ? ['busy', 'idle'] : ['idle', 'busy']) one(kind);
  } finally {
    for (const ns of Object.values(names)) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  }
  const stat = (kind, field, key) => summary(out[kind].map((r) => r[field][key]), {digits: 2});
  const busy = stat('busy', 'poll', 'wallMs');
  const idle = stat('idle', 'poll', 'wallMs');
  return {
    netns: true,
    timeWaitRows: summary(made, {digits: 0}),
    lessonRows: out.busy[0]?.rows,
    poll: {busy, idle, ratio: +(busy.median / idle.median).toFixed(2), cpuBusy: stat('busy', 'poll', 'cpuMs'), cpuIdle: stat('idle', 'poll', 'cpuMs')},
    procReference: {busy: stat('busy', 'proc', 'wallMs'), idle: stat('idle', 'proc', 'wallMs'), cpuBusy: stat('busy', 'proc', 'cpuMs')},
    budget: {pollMs: 5, ratio: 1.25},
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await osPoll({runs: Number(process.argv[2] ?? 3)}), null, 1));
