// Figure 11's workload, bundled by bench/os-poll.mjs and run inside a network namespace:
// a lab holding what a lesson holds (a listener, a connection, a UDP socket), then
// POLLS reads of its OS view, as the watcher makes them; prints one JSON line with the
// wall time and this process's CPU time of each, and the same for reading /proc/net
// (the way it was read before) as a reference.
import fs from 'node:fs/promises';
import {Lab} from '../src/lab/index.ts';

const polls = Number(process.argv[2] ?? 40);
const lab = new Lab();
const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
const port = srv.local?.kind === 'inet' ? srv.local.port : 0;
const since = lab.lastSeq;
await lab.connect({name: 'c', host: '127.0.0.1', port});
await lab.waitFor((e) => e.type === 'accept', {since});
lab.socket('udp', 'u');
await lab.bind('u', {host: '127.0.0.1', port: 0});

async function timed(read: () => Promise<unknown>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  await read(); // warm: owners cached, code compiled
  for (let i = 0; i < polls; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await read();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
  return {wallMs: +median(wall).toFixed(2), cpuMs: +median(cpu).toFixed(2)};
}

const view = await lab.osView();
const rows = view.available ? view.sockets.length : -1;
const poll = await timed(() => lab.osView());
const proc = await timed(() => Promise.all(['tcp', 'tcp6', 'udp', 'udp6'].map((f) => fs.readFile(`/proc/net/${f}`, 'utf8'))));
const tcpRows = (await fs.readFile('/proc/net/tcp', 'utf8')).split('\n').length - 2;
await lab.dispose();
process.stdout.write(`${JSON.stringify({rows, tcpRows, poll, proc})}\n`);
