#!/usr/bin/env node
// Lab overhead: the lab against a bare node:net / node:dgram script doing the same work,
// in the same run, alternating. Usage: node bench/lab-overhead.mjs [--json] [--quick]
// Goal: the lab keeps ≥ 70% of bare throughput.
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
// Fine interleaving: many short batches, bare and lab alternating (order swapped each round),
// so load from other processes falls on both alike. Totals are compared.
const CONNS = 400; // per TCP batch
const DGRAMS = 4000; // per UDP batch
const CONCURRENCY = 8;
// With the default backlog (511) this kernel overflowed the accept queue now and then under
// churn (TcpExtListenOverflows), and one 1 s SYN retransmit then dominated a measurement.
const BACKLOG = 4096;
const WINDOW = 32; // datagrams in flight before waiting for the receiver
const ROUNDS = quick ? 3 : 10;

/** The lab as the app ships it: bundled by esbuild (into a temp dir, removed after). */
async function loadLab() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lessons-bench-'));
  const file = path.join(dir, 'lab.mjs');
  await build({entryPoints: [path.join(root, 'src/lab/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'error'});
  const mod = await import(pathToFileURL(file).href);
  fs.rmSync(dir, {recursive: true, force: true});
  return mod;
}

async function pool(n, worker) {
  let next = 0;
  await Promise.all(Array.from({length: CONCURRENCY}, async () => {
    while (next < n) {
      next++;
      await worker();
    }
  }));
}

// ---- TCP connect/accept/close churn ----------------------------------------------------

async function tcpBare() {
  let closed = 0;
  let done;
  const allClosed = new Promise((r) => (done = r));
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.on('close', () => ++closed === CONNS && done());
  });
  server.on('error', () => {});
  await new Promise((r) => server.listen({host: '127.0.0.1', port: 0, backlog: BACKLOG}, r));
  const {port} = server.address();
  const t0 = performance.now();
  await pool(CONNS, () => new Promise((resolve) => {
    const c = net.connect({host: '127.0.0.1', port});
    c.on('error', () => {});
    c.on('connect', () => c.destroy());
    c.on('close', resolve);
  }));
  await allClosed;
  const ms = performance.now() - t0;
  await new Promise((r) => server.close(r));
  return (CONNS / ms) * 1000;
}

async function tcpLab(Lab) {
  const lab = new Lab({maxSockets: 4 * CONCURRENCY + 8});
  let closed = 0;
  let done;
  const allClosed = new Promise((r) => (done = r));
  lab.subscribe((e) => {
    if (e.type === 'close' && e.socket.startsWith('srv#') && ++closed === CONNS) done();
  });
  const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0, backlog: BACKLOG});
  const port = srv.local.port;
  const t0 = performance.now();
  await pool(CONNS, async () => {
    const c = await lab.connect({host: '127.0.0.1', port});
    await lab.close(c.name);
  });
  await allClosed;
  const ms = performance.now() - t0;
  await lab.dispose();
  return (CONNS / ms) * 1000;
}

// ---- UDP datagrams ----------------------------------------------------------------------

/** Send DGRAMS in windows of WINDOW; after each window wait for the receiver (≤ 50 ms). */
async function udpRun(send, received, onProgress) {
  const t0 = performance.now();
  for (let sent = 0; sent < DGRAMS; ) {
    const n = Math.min(WINDOW, DGRAMS - sent);
    await Promise.all(Array.from({length: n}, send));
    sent += n;
    if (received() < sent) {
      await new Promise((resolve) => {
        const timer = setTimeout(finish, 50);
        function finish() {
          clearTimeout(timer);
          onProgress.fn = null;
          resolve();
        }
        onProgress.fn = () => received() >= sent && finish();
      });
    }
  }
  const ms = performance.now() - t0;
  return {perSec: (received() / ms) * 1000, received: received()};
}

async function udpBare() {
  const payload = Buffer.alloc(64);
  const rx = dgram.createSocket('udp4');
  const tx = dgram.createSocket('udp4');
  rx.on('error', () => {});
  tx.on('error', () => {});
  let got = 0;
  const progress = {fn: null};
  rx.on('message', () => {
    got++;
    progress.fn?.();
  });
  await new Promise((r) => rx.bind({address: '127.0.0.1', port: 0}, r));
  const port = rx.address().port;
  const r = await udpRun(() => new Promise((res) => tx.send(payload, port, '127.0.0.1', res)), () => got, progress);
  rx.close();
  tx.close();
  return r;
}

async function udpLab(Lab) {
  const payload = new Uint8Array(64);
  const lab = new Lab();
  let got = 0;
  const progress = {fn: null};
  lab.subscribe((e) => {
    if (e.type === 'message') {
      got++;
      progress.fn?.();
    }
  });
  lab.socket('udp', 'rx');
  const rx = await lab.bind('rx', {host: '127.0.0.1', port: 0});
  lab.socket('udp', 'tx');
  const to = {host: '127.0.0.1', port: rx.local.port};
  const r = await udpRun(() => lab.sendto('tx', to, payload), () => got, progress);
  await lab.dispose();
  return r;
}

// ---- run ------------------------------------------------------------------------------------

export async function run() {
  const {Lab} = await loadLab();
  const cpu = {tcpBare: 0, tcpLab: 0, udpBare: 0, udpLab: 0};
  let current = '';
  const time = async (f) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await f();
    const c = process.cpuUsage(c0);
    cpu[current] += c.user + c.system;
    return {ms: performance.now() - t0, r};
  };
  const as = (key, f) => () => ((current = key), f());
  const tot = {tcpBare: 0, tcpLab: 0, udpBare: 0, udpLab: 0, udpBareGot: 0, udpLabGot: 0};
  await tcpBare(); // warm-up
  await tcpLab(Lab);
  await udpBare();
  await udpLab(Lab);
  for (let k = 0; k < ROUNDS; k++) {
    const pairs = [
      [async () => (tot.tcpBare += (await time(as('tcpBare', tcpBare))).ms), async () => (tot.tcpLab += (await time(as('tcpLab', () => tcpLab(Lab)))).ms)],
      [async () => {
        const {ms, r} = await time(as('udpBare', udpBare));
        tot.udpBare += ms;
        tot.udpBareGot += r.received;
      }, async () => {
        const {ms, r} = await time(as('udpLab', () => udpLab(Lab)));
        tot.udpLab += ms;
        tot.udpLabGot += r.received;
      }],
    ];
    for (const [bare, lab] of pairs) {
      if (k % 2 === 0) {
        await bare();
        await lab();
      } else {
        await lab();
        await bare();
      }
    }
  }
  const rate = (n, ms) => Math.round((n / ms) * 1000);
  const tcp = {bare: rate(ROUNDS * CONNS, tot.tcpBare), lab: rate(ROUNDS * CONNS, tot.tcpLab)};
  const udp = {bare: rate(tot.udpBareGot, tot.udpBare), lab: rate(tot.udpLabGot, tot.udpLab)};
  return {
    runtime: typeof globalThis.Deno === 'object' ? 'deno' : `node ${process.version}`,
    tcpChurnPerSec: {...tcp, ratio: +(tcp.lab / tcp.bare).toFixed(2), connections: ROUNDS * CONNS, concurrency: CONCURRENCY},
    udpDatagramsPerSec: {...udp, ratio: +(udp.lab / udp.bare).toFixed(2), sent: ROUNDS * DGRAMS, window: WINDOW, received: {bare: tot.udpBareGot, lab: tot.udpLabGot}},
    // CPU time (user + system, this process) per connection / per datagram, in microseconds.
    cpuMicros: {
      tcpConnection: {bare: +(cpu.tcpBare / (ROUNDS * CONNS)).toFixed(1), lab: +(cpu.tcpLab / (ROUNDS * CONNS)).toFixed(1)},
      udpDatagram: {bare: +(cpu.udpBare / (ROUNDS * DGRAMS)).toFixed(2), lab: +(cpu.udpLab / (ROUNDS * DGRAMS)).toFixed(2)},
    },
    loadAverage: os.loadavg()[0],
    goal: 0.7,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    const t = result.tcpChurnPerSec;
    const u = result.udpDatagramsPerSec;
    console.log(`lab overhead (${result.runtime}; ${ROUNDS} alternating rounds, totals)`);
    console.log('                                   bare       lab   lab/bare');
    console.log(`TCP connect/accept/close per s  ${String(t.bare).padStart(7)}   ${String(t.lab).padStart(7)}   ${t.ratio.toFixed(2)}`);
    console.log(`UDP datagrams received per s    ${String(u.bare).padStart(7)}   ${String(u.lab).padStart(7)}   ${u.ratio.toFixed(2)}`);
    const c = result.cpuMicros;
    console.log(`CPU µs per connection: bare ${c.tcpConnection.bare}, lab ${c.tcpConnection.lab}; per datagram: bare ${c.udpDatagram.bare}, lab ${c.udpDatagram.lab}; load average ${result.loadAverage.toFixed(1)}`);
    console.log(`(goal: lab/bare ≥ ${result.goal}; UDP received of ${u.sent}: bare ${u.received.bare}, lab ${u.received.lab})`);
  }
}
