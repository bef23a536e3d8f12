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
  for (const [runtime, r] of Object.entries(f['first-frame'] ?? {})) {
    add(1, `first frame, ${runtime}: app / bare Ink`, `${r.ratio} (${ms(r.app.median)} / ${ms(r.hello.median)})`, `≤ ${BUDGETS.firstFrameRatio}`, check(r.ratio, r.ratio <= BUDGETS.firstFrameRatio));
  }
  if (f.npx) add(2, 'cold npx to first frame', ms(f.npx.coldNpx.median), `≤ ${ms(BUDGETS.coldNpxMs)}`, f.npx.coldNpx.median <= BUDGETS.coldNpxMs);
  if (f.package) {
    const p = f.package;
    add(3, 'package packed', kB(p.packedBytes), `≤ ${kB(BUDGETS.packedBytes)}`, p.packedBytes <= BUDGETS.packedBytes);
    add(3, 'package unpacked', kB(p.unpackedBytes), `≤ ${kB(BUDGETS.unpackedBytes)}`, p.unpackedBytes <= BUDGETS.unpackedBytes);
    add(3, 'runtime dependencies', String(p.runtimeDependencies), '0', p.runtimeDependencies === 0);
  }
  if (f.load) {
    const l = f.load;
    add(4, 'flood: key → frame p95', `${ms(l.keyToFrameMs.p95)} (p50 ${ms(l.keyToFrameMs.median)})`, `≤ ${ms(BUDGETS.keyToFrameP95Ms)}`, check(l.keyToFrameMs.p95, l.keyToFrameMs.p95 <= BUDGETS.keyToFrameP95Ms && l.keyToFrameMs.misses.length === 0));
    add(4, 'flood: frames per second (most in any 1 s)', `${l.fps.maxInAnySecond} (mean ${l.fps.mean})`, `≤ ${BUDGETS.maxFps}`, l.fps.maxInAnySecond <= BUDGETS.maxFps);
    add(4, 'flood: CPU of the app', `${l.cpuPercent}% of one core`, '—', null);
    add(4, 'flood: datagrams on screen = delivered to the socket', `${l.datagrams.shownOnScreen} / ${l.datagrams.deliveredToSocket}`, 'equal', l.datagrams.equal);
  }
  for (const [runtime, r] of Object.entries(f.idle ?? {})) {
    add(5, `idle CPU, ${runtime} (OS pane closed)`, `${r.still.percent}%`, `≤ ${BUDGETS.idleCpuPercent}%`, r.still.percent <= BUDGETS.idleCpuPercent);
    if (r.withOsPane?.percent !== undefined) add(5, `idle CPU, ${runtime}, OS view pane open (4 Hz after activity, every 3 s when still)`, `${r.withOsPane.percent}%`, '—', null);
  }
  if (f.memory) {
    const m = f.memory;
    add(6, `peak RSS, every lesson --auto × ${m.rounds} rounds`, `${m.peakRssMB} MB`, `≤ ${BUDGETS.peakRssBytes / 1024 / 1024} MB`, m.peakRssMB <= BUDGETS.peakRssBytes / 1024 / 1024 && m.failedRuns === 0);
    add(6, 'growth round 2 → last (after GC)', `heap ${m.growth.heapMB} MB, RSS ${m.growth.rssMB} MB`, `none (≤ ${m.slack.heapMB} MB heap, ≤ ${m.slack.rssMB} MB RSS)`, !m.leak);
  }
  if (f.lab) {
    const t = f.lab.tcpChurnPerSec;
    const u = f.lab.udpDatagramsPerSec;
    add(7, 'lab / bare TCP connect-accept-close', `${t.ratio} (${t.lab} vs ${t.bare} /s)`, `≥ ${BUDGETS.labOverheadRatio}`, t.ratio >= BUDGETS.labOverheadRatio);
    add(7, 'lab / bare UDP datagrams', `${u.ratio} (${u.lab} vs ${u.bare} /s)`, `≥ ${BUDGETS.labOverheadRatio}`, u.ratio >= BUDGETS.labOverheadRatio);
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
  if (f.load) {
    const l = f.load;
    lines.push(`- Flood: ${l.flood.sent} datagrams in ${l.flood.senderSeconds} s to the REPL's UDP socket at ${l.size}; ${l.datagrams.droppedByKernel} dropped by the kernel (receive queue full), ${l.datagrams.deliveredToSocket} delivered; key → frame over ${l.keyToFrameMs.n} key presses: p50 ${ms(l.keyToFrameMs.median)}, p95 ${ms(l.keyToFrameMs.p95)}, max ${ms(l.keyToFrameMs.max)}.`);
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
