// Figure 4: the REPL screen (lesson panes + results) while its lab receives a UDP flood
// of RATE datagrams/s for SECONDS from a separate process. Measured from outside, in a
// pty: key press → changed frame latency (a letter typed into the input line, then
// erased, one key at a time), frames per second (Ink ends every frame with the
// synchronized-output marker), the app's CPU from /proc, and the count of datagrams the
// screen's event log reports against the count the kernel delivered to the socket.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {APP_ARGS} from './first-frame.mjs';
import {udpSocketStats} from './lib/udp-drops.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {cpuSeconds, memory} from './lib/proc.mjs';
import {startPty} from './lib/pty.mjs';
import {command} from './lib/runtimes.mjs';
import {summary} from './lib/stats.mjs';

const FLOOD = path.join(ROOT, 'bench/lib/flood.mjs');

/** Rows of the Events pane: visible ones plus those scrolled out of sight ("↑ +N more lines"). */
export function logRows(screen) {
  const lines = screen.split('\n');
  const top = lines.findIndex((l) => /─ Events ─/.test(l));
  if (top < 0) return 0;
  let rows = 0;
  for (const line of lines.slice(top + 1)) {
    if (/^[└┗]/.test(line)) break;
    const hidden = /↑ \+(\d+) more line/.exec(line);
    if (hidden) rows += Number(hidden[1]);
    else if (/^[│┃]\s*(▶\s*)?[\d,]+\s{2}/.test(line)) rows++;
  }
  return rows;
}

/**
 * Datagrams the event log reports: single "received a N-byte datagram" rows plus
 * "+N datagrams received" rows. Rows scrolled out of sight are the oldest ones; if more
 * are hidden than the log had before the flood began, a receive row may be among them
 * and the count is NaN (not comparable).
 */
export function screenCount(screen, rowsBefore = 0) {
  const hidden = Number(/↑ \+(\d+) more line/.exec(screen)?.[1] ?? 0);
  if (hidden > rowsBefore) return NaN;
  let n = 0;
  for (const m of screen.matchAll(/\+([\d,]+) datagrams? received/g)) n += Number(m[1].replaceAll(',', ''));
  n += (screen.match(/received a \d+-byte datagram/g) ?? []).length;
  return n;
}

/** What the "kernel dropped N datagrams" row says (0 when there is none). */
export function screenDrops(screen) {
  let n = 0;
  for (const m of screen.matchAll(/kernel dropped ([\d,]+) datagrams?/g)) n += Number(m[1].replaceAll(',', ''));
  return n;
}

const inputLine = (screen) => screen.split('\n').find((l) => l.startsWith('›')) ?? '';

function runFlood(port, rate, seconds) {
  const child = spawn(process.execPath, [FLOOD, String(port), String(rate), String(seconds)], {stdio: ['ignore', 'pipe', 'inherit']});
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 20) * 1000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`flood sender failed (exit ${code}): ${out}`));
      }
    });
  });
}

export async function underLoad({runtime = 'node', rate = 20_000, seconds = 5, cols = 100, rows = 40, keyGapMs = 50, cli = CLI, inspect} = {}) {
  const config = tempDir('bench-config');
  const {file, args} = command(runtime, cli, ['repl', ...APP_ARGS]);
  const p = startPty({file, args, env: {SOCKET_LESSONS_CONFIG_DIR: config}, cols, rows, cwd: ROOT});
  try {
    await p.waitFor((s) => inputLine(s) !== '', 20_000);
    p.write('bind udp 127.0.0.1:0 as u1\r');
    await p.waitFor(/u1 is bound to 127\.0\.0\.1:\d+/, 10_000);
    const port = Number(/u1 is bound to 127\.0\.0\.1:(\d+)/.exec(p.screen())[1]);
    await p.waitFor((s) => inputLine(s).trim() === '›', 5000);
    // The OS view's row for the new socket comes with its next poll: let it land first, so
    // the log's older rows (which may scroll out of sight) hold no receive rows.
    await p.waitFor(`OS: new entry udp 127.0.0.1:${port}`, 5000).catch(() => {});

    const rowsBefore = logRows(p.screen());
    const before = udpSocketStats(port);
    const frames0 = p.frames.length;
    const cpu0 = cpuSeconds(p.pid);
    const t0 = performance.now();
    let flooding = true;
    const flood = runFlood(port, rate, seconds).finally(() => (flooding = false));
    const latencies = [];
    const misses = [];
    // One key at a time: type "x", wait until the input line shows it; erase it, wait again.
    for (let i = 0; flooding; i++) {
      const typed = i % 2 === 0;
      const sentAt = performance.now();
      p.write(typed ? 'x' : '\x7f');
      try {
        const at = await p.waitFor((s) => (typed ? /^› ?x\s*$/ : /^›\s*$/).test(inputLine(s)), 5000);
        latencies.push(at - sentAt);
      } catch (error) {
        misses.push(String(error.message).split('\n')[0]);
        break;
      }
      await new Promise((r) => setTimeout(r, keyGapMs));
    }
    const sent = await flood;
    const t1 = performance.now();
    const cpu1 = cpuSeconds(p.pid);
    const mem = memory(p.pid);
    const frameTimes = p.frames.slice(frames0).filter((t) => t <= t1);
    const wall = (t1 - t0) / 1000;

    // The kernel's count: sent − dropped, once the app has drained the socket's queue.
    const kernel = () => udpSocketStats(port);
    let stats = kernel();
    for (let k = 0; k < 100 && stats && stats.recvQueue > 0; k++) {
      await p.waitFor(() => true, 100).catch(() => {});
      stats = kernel();
    }
    const delivered = stats ? sent.sent - sent.errors - (stats.drops - (before?.drops ?? 0)) : undefined;
    let shown;
    let screen;
    try {
      await p.waitFor((s) => screenCount(s, rowsBefore) === delivered, 5000);
      shown = delivered;
    } catch {
      shown = screenCount(p.screen(), rowsBefore);
      screen = p.screen(); // kept in the results: what the screen said instead
    }
    // The kernel's drop count, as the Events pane says it.
    const droppedByKernel = stats ? stats.drops - (before?.drops ?? 0) : undefined;
    const dropsShown = await p.waitFor((s) => screenDrops(s) === droppedByKernel, 5000).then(() => droppedByKernel, () => screenDrops(p.screen()));
    inspect?.(p.pid); // (profiling: look at the process before it ends)
    return {
      runtime,
      // CPU per 1,000 datagrams the app received: comparable when load makes it receive fewer.
      cpuMsPerThousand: delivered ? +((((cpu1 - cpu0) * 1000) / delivered) * 1000).toFixed(1) : null,
      size: `${cols}x${rows}`,
      flood: {rate, seconds, sent: sent.sent, sendErrors: sent.errors, senderSeconds: sent.seconds},
      keyToFrameMs: {...summary(latencies, {p95: true}), misses},
      fps: {mean: +(frameTimes.length / wall).toFixed(1), frames: frameTimes.length, maxInAnySecond: maxPerSecond(frameTimes)},
      cpuPercent: +(((cpu1 - cpu0) / wall) * 100).toFixed(1),
      // The most memory the process ever had (VmHWM), and its RSS at the end of the flood.
      peakRssMB: +(mem.peak / 1024 / 1024).toFixed(1),
      rssMB: +(mem.rss / 1024 / 1024).toFixed(1),
      datagrams: {sent: sent.sent, droppedByKernel: stats ? stats.drops - (before?.drops ?? 0) : null, deliveredToSocket: delivered, shownOnScreen: shown, equal: shown === delivered, dropsShown, dropsEqual: dropsShown === droppedByKernel, ...(screen ? {screen: screen.split('\n')} : {})},
      budget: {keyToFrameP95Ms: runtime === 'deno' ? 120 : 60, maxFps: 30, cpuPercent: 50, peakRssMB: 150},
    };
  } finally {
    await p.stop();
    fs.rmSync(config, {recursive: true, force: true});
  }
}

/**
 * The flood on Node and on Deno, alternating, `runs` times each: each figure as
 * min/median/max over the runs, and Deno's median against Node's from the same run.
 */
export async function floods({runs = 5, seconds = 5, runtimes = ['node', 'deno'], cli = CLI} = {}) {
  const all = Object.fromEntries(runtimes.map((r) => [r, []]));
  for (let i = 0; i < runs; i++) {
    for (const runtime of i % 2 === 0 ? runtimes : [...runtimes].reverse()) all[runtime].push(await underLoad({runtime, seconds, cli}));
  }
  const by = (list, pick) => summary(list.map(pick).filter((x) => Number.isFinite(x)));
  const out = {};
  for (const [runtime, list] of Object.entries(all)) {
    out[runtime] = {
      runs: list.length,
      keyToFrameP95Ms: by(list, (r) => r.keyToFrameMs.p95),
      keyToFrameP50Ms: by(list, (r) => r.keyToFrameMs.median),
      cpuPercent: by(list, (r) => r.cpuPercent),
      cpuMsPerThousand: by(list, (r) => r.cpuMsPerThousand),
      peakRssMB: by(list, (r) => r.peakRssMB),
      maxFps: Math.max(...list.map((r) => r.fps.maxInAnySecond)),
      droppedByKernel: by(list, (r) => r.datagrams.droppedByKernel),
      allEqual: list.every((r) => r.datagrams.equal),
      dropsAllShown: list.every((r) => r.datagrams.dropsEqual),
      misses: list.flatMap((r) => r.keyToFrameMs.misses),
      last: list.at(-1),
      budget: list[0]?.budget,
    };
  }
  if (out.node && out.deno) {
    out.denoVsNode = {
      keyToFrameP95: +(out.deno.keyToFrameP95Ms.median / out.node.keyToFrameP95Ms.median).toFixed(2),
      peakRss: +(out.deno.peakRssMB.median / out.node.peakRssMB.median).toFixed(2),
      cpuPerThousand: +(out.deno.cpuMsPerThousand.median / out.node.cpuMsPerThousand.median).toFixed(2),
    };
  }
  return out;
}

/** The most frames that ended within any 1-second window. */
export function maxPerSecond(times) {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await underLoad({runtime: process.argv.includes('--deno') ? 'deno' : 'node'}), null, 1));
}
