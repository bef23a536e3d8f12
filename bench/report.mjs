// Turns bench results into verdicts (figure vs budget) and the generated part of
// BENCHMARKS.md. Everything below the END marker in BENCHMARKS.md is written by hand
// and kept as it is.
import fs from 'node:fs';
import {BUDGETS} from './budgets.mjs';

export const END = '<!-- end of generated figures: text below is kept by bench/report.mjs -->';

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n) => `${Math.round(n)} ms`;
const range = (s, f = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)}, n=${s.n})`;
const check = (value, ok) => (Number.isFinite(value) ? ok : false);

/** [{n, figure, measured, budget, pass}] — pass is null where there is no budget. */
export function verdicts(f) {
  const out = [];
  const add = (n, figure, measured, budget, pass) => out.push({n, figure, measured, budget, pass});
  const spread = (x, fmt = (v) => v) => `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)}, n=${x.n})`;
  for (const [runtime, r] of Object.entries(f['first-frame'] ?? {})) {
    add(1, `first frame, ${runtime}: app / bare Ink`, `${r.ratio} (${ms(r.app.median)} / ${ms(r.hello.median)})`, `≤ ${BUDGETS.firstFrameRatio}`, check(r.ratio, r.ratio <= BUDGETS.firstFrameRatio));
  }
  if (f.commands) {
    const c = f.commands;
    add(2, '`--version` / `node -e 0`', `${c.version.ratio} (${ms(c.version.median)} / ${ms(c.node.median)})`, `≤ ${BUDGETS.versionRatio}`, c.version.ratio <= BUDGETS.versionRatio);
    add(2, '`list` / `node -e 0`', `${c.list.ratio} (${ms(c.list.median)})`, `≤ ${BUDGETS.listRatio}`, c.list.ratio <= BUDGETS.listRatio);
    add(2, '`--help`, `lint` / `node -e 0`', `${c.help.ratio}, ${c.lint.ratio}`, '—', null);
  }
  if (f.npx) add(2, 'cold npx to first frame (median, min–max)', spread(f.npx.coldNpx, ms), `≤ ${ms(BUDGETS.coldNpxMs)}`, f.npx.coldNpx.median <= BUDGETS.coldNpxMs);
  if (f.package) {
    const p = f.package;
    add(3, 'package packed', kB(p.packedBytes), `≤ ${kB(BUDGETS.packedBytes)}`, p.packedBytes <= BUDGETS.packedBytes);
    add(3, 'package unpacked', kB(p.unpackedBytes), `≤ ${kB(BUDGETS.unpackedBytes)}`, p.unpackedBytes <= BUDGETS.unpackedBytes);
    add(3, 'runtime dependencies', String(p.runtimeDependencies), '0', p.runtimeDependencies === 0);
  }
  for (const [runtime, l] of Object.entries(f.load ?? {})) {
    if (runtime === 'denoVsNode') continue;
    const p95Budget = runtime === 'deno' ? BUDGETS.denoKeyToFrameP95Ms : BUDGETS.keyToFrameP95Ms;
    add(4, `flood, ${runtime}: key → frame p95 (median of runs)`, spread(l.keyToFrameP95Ms, ms), `≤ ${ms(p95Budget)}`, check(l.keyToFrameP95Ms.median, l.keyToFrameP95Ms.median <= p95Budget && l.misses.length === 0));
    if (runtime === 'node') add(4, `flood, ${runtime}: CPU of the app (% of one core)`, spread(l.cpuPercent), `≤ ${BUDGETS.floodCpuPercent}%`, l.cpuPercent.median <= BUDGETS.floodCpuPercent);
    else add(4, `flood, ${runtime}: CPU of the app (% of one core)`, spread(l.cpuPercent), '—', null);
    add(4, `flood, ${runtime}: peak RSS (MB)`, spread(l.peakRssMB), runtime === 'deno' ? `≤ ${BUDGETS.floodPeakRssMB} MB` : '—', runtime === 'deno' ? l.peakRssMB.median <= BUDGETS.floodPeakRssMB : null);
    add(4, `flood, ${runtime}: frames per second (most in any 1 s, all runs)`, String(l.maxFps), `≤ ${BUDGETS.maxFps}`, l.maxFps <= BUDGETS.maxFps);
    add(4, `flood, ${runtime}: datagrams and kernel drops on screen = the kernel's counts`, l.allEqual && l.dropsAllShown ? 'every run' : 'not every run', 'equal', l.allEqual && l.dropsAllShown);
  }
  if (f.load?.denoVsNode) add(4, 'flood: Deno / Node, same run (p95, peak RSS, CPU per 1,000 datagrams)', `${f.load.denoVsNode.keyToFrameP95}, ${f.load.denoVsNode.peakRss}, ${f.load.denoVsNode.cpuPerThousand}`, '—', null);
  for (const [runtime, r] of Object.entries(f.idle ?? {})) {
    add(5, `idle CPU, ${runtime} (OS pane closed)`, `${r.still.percent}%`, `≤ ${BUDGETS.idleCpuPercent}%`, r.still.percent <= BUDGETS.idleCpuPercent);
    if (r.withOsPane?.percent !== undefined) add(5, `idle CPU, ${runtime}, OS view pane open`, `${r.withOsPane.percent}%`, '—', null);
  }
  if (f.memory) {
    const m = f.memory;
    add(6, `peak RSS, every lesson --auto × ${m.rounds} rounds`, `${m.peakRssMB} MB`, `≤ ${BUDGETS.peakRssBytes / 1024 / 1024} MB`, m.peakRssMB <= BUDGETS.peakRssBytes / 1024 / 1024 && m.failedRuns === 0);
    add(6, 'growth round 2 → last (after GC)', `heap ${m.growth.heapMB} MB, RSS ${m.growth.rssMB} MB`, `none (≤ ${m.slack.heapMB} MB heap, ≤ ${m.slack.rssMB} MB RSS)`, !m.leak);
  }
  if (f['interactive-rss']) {
    const r = f['interactive-rss'];
    add(6, `peak RSS after a whole lesson in the app, ${r.size} (MB)`, `${spread(r.app)}; bare Ink hello ${r.hello.median}, ratio ${r.ratio}`, `≤ ${BUDGETS.interactiveRssMB} MB`, r.app.median <= BUDGETS.interactiveRssMB);
  }
  if (f['os-poll']) {
    const o = f['os-poll'];
    if (o.netns) {
      add(8, `one OS-view read, ${o.timeWaitRows.median} other TIME_WAIT rows (ms)`, `${spread(o.poll.busy)}; idle host ${o.poll.idle.median}, ratio ${o.poll.ratio}`, `≤ ${BUDGETS.osPollMs} ms`, o.poll.busy.median <= BUDGETS.osPollMs);
      add(8, 'the same read from /proc/net, for reference (ms)', `${o.procReference.busy.median} busy, ${o.procReference.idle.median} idle`, '—', null);
    } else {
      add(8, 'one OS-view read (host namespace, not root: no busy host made)', `${o.host.poll.wallMs} ms`, `≤ ${BUDGETS.osPollMs} ms`, null);
    }
  }
  if (f['repl-script']) {
    const r = f['repl-script'];
    add(9, `\`repl --script\`, ${r.lines.toLocaleString('en')} sendto lines / bare Node`, `${r.ratio} (${(r.app.median / 1000).toFixed(1)} s / ${(r.bare.median / 1000).toFixed(1)} s)`, `≤ ${BUDGETS.replScriptRatio}`, r.ratio <= BUDGETS.replScriptRatio);
  }
  if (f.lab) {
    const t = f.lab.tcpChurnPerSec;
    const u = f.lab.udpDatagramsPerSec;
    add(7, 'lab / bare TCP connect-accept-close', `${t.ratio} (${t.lab} vs ${t.bare} /s)`, `≥ ${BUDGETS.labOverheadRatio}`, t.ratio >= BUDGETS.labOverheadRatio);
    add(7, 'lab / bare UDP datagrams', `${u.ratio} (${u.lab} vs ${u.bare} /s)`, `≥ ${BUDGETS.labOverheadRatio}`, u.ratio >= BUDGETS.labOverheadRatio);
  }
  if (f.workshop) {
    const w = f.workshop;
    add(8, `workshop: ${w.joins.learners} simulated learners joined (host --simulate), from the room record`, `${ms(w.joins.fromRoomMs.median)} (max ${ms(w.joins.fromRoomMs.max)}; ${ms(w.joins.fromProcessStartMs.median)} from the process start)`, `≤ ${ms(BUDGETS.workshopJoinMs)}`, w.joins.fromRoomMs.max <= BUDGETS.workshopJoinMs);
    add(8, `workshop wall, ${w.wall.learners} learners × 1 datagram/s: key → frame p95`, `${ms(w.wall.keyToFrameMs.p95)} (p50 ${ms(w.wall.keyToFrameMs.median)})`, `≤ ${ms(BUDGETS.keyToFrameP95Ms)}`, check(w.wall.keyToFrameMs.p95, w.wall.keyToFrameMs.p95 <= BUDGETS.keyToFrameP95Ms && w.wall.keyToFrameMs.misses.length === 0));
    add(8, 'workshop wall: frames per second (most in any 1 s)', `${w.wall.fps.maxInAnySecond} (mean ${w.wall.fps.mean})`, `≤ ${BUDGETS.maxFps}`, w.wall.fps.maxInAnySecond <= BUDGETS.maxFps);
    if (w.wallSeparate) {
      const s = w.wallSeparate;
      add(8, `workshop wall, the ${s.learners} learners in a process of their own: key → frame p95`, `${ms(s.keyToFrameMs.p95)} (p50 ${ms(s.keyToFrameMs.median)})`, `≤ ${ms(BUDGETS.keyToFrameP95Ms)}`, check(s.keyToFrameMs.p95, s.keyToFrameMs.p95 <= BUDGETS.keyToFrameP95Ms && s.keyToFrameMs.misses.length === 0));
      add(8, 'workshop wall (learners apart): frames per second (most in any 1 s)', `${s.fps.maxInAnySecond} (mean ${s.fps.mean})`, `≤ ${BUDGETS.maxFps}`, s.fps.maxInAnySecond <= BUDGETS.maxFps);
    }
    const t = w.thousand;
    add(8, `workshop: ${t.learners} learner connections, join (connect → welcome)`, `p50 ${ms(t.joinMs.p50)}, p99 ${ms(t.joinMs.p99)} (${t.joined} joined, ${t.errorCount} failed)`, '—', null);
    add(8, 'workshop: headless host with 1,000 learners', `CPU ${t.hostCpuPercentDuringWave}% of one core during the join wave, RSS ${t.hostRssMB.with1000} MB`, '—', null);
  }
  return out;
}

function machineLines(m) {
  return [
    `- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGB} GB RAM, ${m.os}`,
    `- Runtimes: Node ${m.node}, ${m.deno ?? 'no Deno'}, npm ${m.npm ?? '?'}`,
    `- Load average when the run started: ${m.loadAverage.join(', ')} (other work on the machine adds noise; A/B pairs alternate so it falls on both)`,
  ];
}

function loadLine(results) {
  const at = Object.entries(results.loadAverageAt ?? {}).map(([k, v]) => `${k} ${v}`);
  return at.length ? [`- 1-minute load average as each figure started: ${at.join(', ')}; ${results.machine.cpus} CPUs.`] : [];
}

function details(f) {
  const lines = [];
  for (const [runtime, r] of Object.entries(f['first-frame'] ?? {})) {
    lines.push(`- First frame (${runtime}): app ${range(r.app)}, bare Ink hello ${range(r.hello)}; alternating, median of ${r.app.n} each.`);
  }
  if (f.npx) lines.push(`- Cold npx: ${range(f.npx.coldNpx)}; direct \`node dist/cli.js\` in the same run ${range(f.npx.direct)}; tarball ${kB(f.npx.tarball.size)}, empty npm cache per run, registry on 127.0.0.1 (${f.npx.registryRequests} requests).`);
  if (f.package) {
    const top = f.package.bundleTop.slice(0, 8).map((b) => `${b.name} ${kB(b.bytes)}`).join(', ');
    lines.push(`- dist/app.js and dist/chunks/ by package (minified bytes): ${top}.`);
  }
  if (f.commands) {
    const c = f.commands;
    lines.push(`- Commands that draw nothing, alternating, n=${c.node.n} each: \`node -e 0\` ${range(c.node)}; \`--version\` ${range(c.version)}; \`--help\` ${range(c.help)}; \`list\` ${range(c.list)}; \`lint\` ${range(c.lint)}.`);
  }
  for (const [runtime, l] of Object.entries(f.load ?? {})) {
    if (runtime === 'denoVsNode') continue;
    const last = l.last;
    lines.push(`- Flood (${runtime}, ${l.runs} runs alternating with the other runtime): key → frame p50 ${range(l.keyToFrameP50Ms)}, p95 ${range(l.keyToFrameP95Ms)}; CPU ${l.cpuPercent.median}% (${l.cpuPercent.min}–${l.cpuPercent.max}), ${l.cpuMsPerThousand.median} ms per 1,000 datagrams received; peak RSS ${l.peakRssMB.median} MB (${l.peakRssMB.min}–${l.peakRssMB.max}); kernel drops per run ${l.droppedByKernel.median} (${l.droppedByKernel.min}–${l.droppedByKernel.max}). Last run: ${last.flood.sent} datagrams in ${last.flood.senderSeconds} s at ${last.size}, ${last.datagrams.deliveredToSocket} delivered, ${last.datagrams.dropsShown} shown as dropped.`);
  }
  if (f['interactive-rss']) {
    const r = f['interactive-rss'];
    lines.push(`- Interactive memory (${r.runtime}, lesson ${r.lesson} walked to its end at ${r.size}): peak RSS ${r.app.median} MB (${r.app.min}–${r.app.max}, n=${r.app.n}); bare Ink hello at the same size ${r.hello.median} MB (${r.hello.min}–${r.hello.max}).`);
  }
  if (f['os-poll']?.netns) {
    const o = f['os-poll'];
    lines.push(`- OS view on a busy host (network namespaces, ${o.timeWaitRows.median} TIME_WAIT rows, ${o.poll.busy.n} runs each, alternating): one read ${range(o.poll.busy, (x) => `${x} ms`)} busy, ${range(o.poll.idle, (x) => `${x} ms`)} idle; this process's CPU per read ${o.poll.cpuBusy.median} ms busy, ${o.poll.cpuIdle.median} ms idle. Reading /proc/net/tcp, tcp6, udp, udp6 instead: ${o.procReference.busy.median} ms busy (${o.procReference.cpuBusy.median} ms CPU), ${o.procReference.idle.median} ms idle.`);
  }
  if (f['repl-script']) {
    const r = f['repl-script'];
    lines.push(`- \`repl --script\` (${r.runtime}, ${r.lines.toLocaleString('en')} sendto lines, ${r.linesOut.app.toLocaleString('en')} lines out): ${range(r.app)}; bare Node doing the same (bench/lib/bare-sendto.mjs, ${r.linesOut.bare.toLocaleString('en')} lines out) ${range(r.bare)}; alternating.`);
  }
  for (const [runtime, r] of Object.entries(f.idle ?? {})) {
    lines.push(`- Idle (${runtime}, ${r.lesson}, ${r.size}, ${r.seconds} s): ${r.still.cpuSeconds} s CPU, ${r.still.frames} frames with the OS pane closed${r.withOsPane?.percent !== undefined ? `; ${r.withOsPane.cpuSeconds} s CPU, ${r.withOsPane.frames} frames with it open` : ''}.`);
  }
  if (f.memory) {
    const rounds = f.memory.perRound.map((r) => `${r.rssMB}`).join(' → ');
    lines.push(`- Memory: ${f.memory.runsPerRound} --auto runs per round (every lesson in en, fa, ru), ${f.memory.failedRuns} failed; RSS after GC per round (MB): ${rounds}; heap after GC ${f.memory.perRound[0].heapMB} → ${f.memory.perRound.at(-1).heapMB} MB.`);
  }
  if (f.lab) {
    const c = f.lab.cpuMicros;
    lines.push(`- Lab overhead (${f.lab.runtime}): CPU per connection ${c.tcpConnection.lab} µs (bare ${c.tcpConnection.bare}), per datagram ${c.udpDatagram.lab} µs (bare ${c.udpDatagram.bare}).`);
  }
  if (f.workshop) {
    const w = f.workshop;
    lines.push(`- Workshop wall (${w.wall.size}, ${w.wall.seconds} s): ${w.wall.datagramsPerSecond} datagrams/s reached the room's UDP socket; \`g\` pressed ${w.wall.keyToFrameMs.n} times (grid ↔ wall); the host process (wall, room and the 200 simulated learners in one process) used ${w.wall.cpuPercent}% of one core, RSS ${w.wall.rssMB} MB.`);
    lines.push(`- 1,000 learners: ${w.thousand.concurrency} at a time from a load script, each from its own loopback address, speaking the line protocol; the wave took ${w.thousand.waveSeconds} s; host RSS ${w.thousand.hostRssMB.before} MB empty → ${w.thousand.hostRssMB.with1000} MB with 1,000 in the room.`);
  }
  return lines;
}

export function renderGenerated(results) {
  const rows = results.verdicts.map((v) => `| ${v.n} | ${v.figure} | ${v.measured} | ${v.budget} | ${v.pass === null ? '—' : v.pass ? 'PASS' : '**MISS**'} |`);
  const errors = Object.entries(results.errors).map(([k, e]) => `- **${k} did not run**: ${e.split('\n')[0]}`);
  return [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` (\`${results.command}\`) on ${results.generatedAt.slice(0, 10)}, ${results.seconds} s; raw figures in [bench/results.json](bench/results.json).`,
    '',
    ...machineLines(results.machine),
    ...loadLine(results),
    '',
    '| # | Figure | Measured | Budget | Result |',
    '|---|--------|----------|--------|--------|',
    ...rows,
    '',
    ...(errors.length ? [...errors, ''] : []),
    '## Details',
    '',
    ...details(results.figures),
    '',
    END,
  ].join('\n');
}

export function writeReport(results, file) {
  let kept = '';
  try {
    const old = fs.readFileSync(file, 'utf8');
    const i = old.indexOf(END);
    if (i >= 0) kept = old.slice(i + END.length);
  } catch {
    // first report
  }
  fs.writeFileSync(file, `${renderGenerated(results)}${kept || '\n'}`);
}
