// The workshop's figures (issue 13), measured from outside the app:
//  1. host --json --simulate 200: from the `room` record to the 200th `join` (budget ≤ 2 s);
//  2. the wall (a pty, 120×40) with 200 simulated learners each sending a UDP datagram a
//     second: frames in any 1 s (≤ 30) and key → frame p95 (≤ 100 ms, `g` toggling the grid);
//  3. host --json --max 1000 with 1,000 learner connections from a load script (raw sockets
//     from 127.0.x.y, speaking the line protocol): join latency (connect → welcome) p50/p99,
//     the host's CPU during the wave and its RSS with 1,000 learners in the room.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {maxPerSecond} from './load.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {cpuSeconds, memory} from './lib/proc.mjs';
import {startPty} from './lib/pty.mjs';
import {percentile, summary} from './lib/stats.mjs';

function hermetic(home) {
  return {...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config`, SOCKET_LESSONS_CONFIG_DIR: `${home}/cfg`, LANG: 'C.UTF-8', NO_COLOR: '1'};
}

/** The headless host as a child: its NDJSON records as they arrive, with arrival times. */
function headless(args) {
  const home = tempDir('bench-ws');
  const child = spawn(process.execPath, [CLI, 'host', '--json', '--on', '127.0.0.1', '--port', '0', '--no-discovery', ...args], {cwd: ROOT, env: hermetic(home), stdio: ['pipe', 'pipe', 'inherit']});
  const records = [];
  const waiters = new Set();
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const at = performance.now();
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop();
    for (const l of lines) records.push({at, r: JSON.parse(l)});
    for (const w of waiters) w();
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const until = (test, ms = 30_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = test(records);
        if (hit !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`host: not within ${ms} ms (${records.length} records)`));
      }, ms);
      waiters.add(check);
      check();
    });
  return {
    child,
    records,
    until,
    started: performance.now(),
    stop: async () => {
      child.stdin.write('quit\n');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(home, {recursive: true, force: true});
    },
  };
}

/** Figure 1: 200 simulated learners in, from the room record (and from the process start). */
export async function simulatedJoins({learners = 200, runs = 3} = {}) {
  const fromRoom = [];
  const fromStart = [];
  for (let i = 0; i < runs; i++) {
    const host = headless(['--simulate', String(learners), '--max', String(learners)]);
    try {
      const room = await host.until((rs) => rs.find((x) => x.r.type === 'room'));
      const last = await host.until((rs) => {
        const joins = rs.filter((x) => x.r.type === 'join');
        return joins.length >= learners ? joins[learners - 1] : undefined;
      });
      fromRoom.push(last.at - room.at);
      fromStart.push(last.at - host.started);
    } finally {
      await host.stop();
    }
  }
  return {learners, fromRoomMs: summary(fromRoom), fromProcessStartMs: summary(fromStart), budget: {allJoinedMs: 2000}};
}

/** The wall's datagram count; it is written with digit grouping ("2,431"). */
function datagramsSoFar(screen) {
  return Number(/Datagrams so far: ([\d,]+)/.exec(screen)?.[1]?.replaceAll(',', '') ?? 0);
}

/**
 * Figure 2: the wall while 200 learners send a datagram a second. `separate`: the learners
 * run in a process of their own (as on their laptops); otherwise in the wall's own process
 * (host --simulate), which then does their work too.
 */
export async function wallUnderDatagrams({learners = 200, seconds = 10, cols = 120, rows = 40, keyGapMs = 100, separate = false} = {}) {
  const home = tempDir('bench-wall');
  const simulate = separate ? [] : ['--simulate', String(learners)];
  const p = startPty({file: process.execPath, args: [CLI, 'host', '--on', '127.0.0.1', '--port', '0', '--no-discovery', ...simulate, '--max', String(learners), '--lang', 'en'], env: hermetic(home), cols, rows, cwd: ROOT});
  let others;
  try {
    if (separate) {
      const m = await p.waitFor(/join 127\.0\.0\.1:\d+ [A-Z0-9]{4}/, 20_000).then(() => /join 127\.0\.0\.1:(\d+) ([A-Z0-9]{4})/.exec(p.screen()));
      others = spawn(process.execPath, [path.join(ROOT, 'bench/lib/workshop-learners.mjs'), '127.0.0.1', m[1], m[2], String(learners)], {cwd: ROOT, env: hermetic(home), stdio: ['pipe', 'ignore', 'inherit']});
    }
    await p.waitFor(`${learners} connections`, 30_000);
    p.write('e');
    p.write('3');
    await p.waitFor('Datagrams so far:', 10_000);
    // A second for every learner's first datagram, then the measured window.
    await p.waitFor((s) => datagramsSoFar(s) >= learners, 10_000);
    const frames0 = p.frames.length;
    const cpu0 = cpuSeconds(p.pid);
    const t0 = performance.now();
    const datagrams0 = datagramsSoFar(p.screen());
    const latencies = [];
    const misses = [];
    let grid = false;
    while (performance.now() - t0 < seconds * 1000) {
      const sentAt = performance.now();
      p.write('g');
      grid = !grid;
      try {
        const at = await p.waitFor((s) => (grid ? s.includes('Progress (keep it off') : s.includes('listening socket  127')), 5000);
        latencies.push(at - sentAt);
      } catch (error) {
        misses.push(String(error.message).split('\n')[0]);
        break;
      }
      await new Promise((r) => setTimeout(r, keyGapMs));
    }
    const t1 = performance.now();
    const cpu1 = cpuSeconds(p.pid);
    if (grid) {
      p.write('g');
      await p.waitFor('Datagrams so far:', 5000);
    }
    const datagrams1 = datagramsSoFar(p.screen());
    const frameTimes = p.frames.slice(frames0).filter((t) => t <= t1);
    const wall = (t1 - t0) / 1000;
    const rss = memory(p.pid);
    return {
      learners,
      size: `${cols}x${rows}`,
      seconds: +wall.toFixed(1),
      datagramsPerSecond: +((datagrams1 - datagrams0) / ((performance.now() - t0) / 1000)).toFixed(0),
      keyToFrameMs: {...summary(latencies, {p95: true}), misses},
      fps: {mean: +(frameTimes.length / wall).toFixed(1), maxInAnySecond: maxPerSecond(frameTimes)},
      cpuPercent: +(((cpu1 - cpu0) / wall) * 100).toFixed(1),
      rssMB: +(rss.rss / 1024 / 1024).toFixed(0),
      learnersIn: separate ? 'their own process' : 'the wall\'s process (--simulate)',
      budget: {keyToFrameP95Ms: 100, maxFps: 30},
    };
  } finally {
    if (others) {
      others.stdin.end();
      await new Promise((resolve) => others.on('exit', resolve));
    }
    p.write('q');
    p.write('y');
    await p.stop(10_000);
    fs.rmSync(home, {recursive: true, force: true});
  }
}

/** One learner over a raw socket: connect, send the code, wait for `welcome`. Resolves with ms, or rejects. */
function rawJoin(port, code, localAddress, nick, sockets) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const s = net.connect({host: '127.0.0.1', port, localAddress});
    sockets.push(s);
    let buf = '';
    const timer = setTimeout(() => reject(new Error('no welcome in 20 s')), 20_000);
    s.setEncoding('utf8');
    s.on('connect', () => s.write(`${code} ${nick}\nclient bench\n`));
    s.on('data', (d) => {
      buf += d;
      if (/^welcome /m.test(buf)) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      } else if (/^bye /m.test(buf)) {
        clearTimeout(timer);
        reject(new Error(buf.match(/^bye .*/m)[0]));
      }
    });
    s.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Figure 3: 1,000 learners from a load script against the headless host. */
export async function thousandLearners({learners = 1000, concurrency = 100} = {}) {
  const host = headless(['--max', String(learners)]);
  const sockets = [];
  try {
    const room = (await host.until((rs) => rs.find((x) => x.r.type === 'room'))).r;
    const pid = host.child.pid;
    const rss0 = memory(pid).rss;
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    const latencies = [];
    const errors = [];
    let next = 0;
    // Each learner from its own loopback address (the per-address limit is 4).
    const worker = async () => {
      while (next < learners) {
        const i = next++;
        const address = `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`;
        try {
          latencies.push(await rawJoin(room.port, room.code, address, `load${i}`, sockets));
        } catch (error) {
          errors.push(String(error.message ?? error));
        }
      }
    };
    await Promise.all(Array.from({length: concurrency}, worker));
    const t1 = performance.now();
    const cpu1 = cpuSeconds(pid);
    await host.until((rs) => (rs.filter((x) => x.r.type === 'join').length >= learners - errors.length ? true : undefined), 30_000);
    const rss = memory(pid);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      learners,
      concurrency,
      joined: latencies.length,
      errors: errors.slice(0, 5),
      errorCount: errors.length,
      waveSeconds: +((t1 - t0) / 1000).toFixed(2),
      joinMs: {p50: +percentile(sorted, 50).toFixed(1), p99: +percentile(sorted, 99).toFixed(1), max: +sorted.at(-1).toFixed(1)},
      hostCpuPercentDuringWave: +(((cpu1 - cpu0) / ((t1 - t0) / 1000)) * 100).toFixed(0),
      hostRssMB: {before: +(rss0 / 1024 / 1024).toFixed(0), with1000: +(rss.rss / 1024 / 1024).toFixed(0), peak: +(rss.peak / 1024 / 1024).toFixed(0)},
    };
  } finally {
    for (const s of sockets) s.destroy();
    await host.stop();
  }
}


export async function workshop({quick = false} = {}) {
  return {
    joins: await simulatedJoins({runs: quick ? 1 : 3}),
    wall: await wallUnderDatagrams({seconds: quick ? 5 : 10}),
    wallSeparate: await wallUnderDatagrams({seconds: quick ? 5 : 10, separate: true}),
    thousand: await thousandLearners(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await workshop({quick: process.argv.includes('--quick')}), null, 1));
}
