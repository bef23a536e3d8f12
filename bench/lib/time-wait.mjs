// Fills the kernel's TCP table with COUNT TIME_WAIT rows on loopback (connections the
// client closes first; each row stays 60 s). Connections go to several listening ports,
// because a new connection may reuse a TIME_WAIT port to the same server. Prints
// {"rows":N,"connections":C,"ms":T}. Usage: node time-wait.mjs COUNT
// (run inside the benchmark's own network namespace, never on a shared host).
import {once} from 'node:events';
import fs from 'node:fs';
import net from 'node:net';

const count = Number(process.argv[2] ?? 10_000);
const servers = [];
for (let i = 0; i < 8; i++) {
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.on('end', () => s.end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
}
const ports = servers.map((s) => s.address().port);
const timeWaitRows = () => fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').filter((l) => / 06 /.test(l)).length;
let connections = 0;
const t0 = performance.now();
async function one() {
  const c = net.connect(ports[connections % ports.length], '127.0.0.1');
  connections++;
  c.on('error', () => {});
  await once(c, 'connect');
  c.end();
  await once(c, 'close');
}
let rows = 0;
while ((rows = timeWaitRows()) < count && connections < 3 * count) {
  const batch = Math.min(2000, count - rows + 100);
  let started = 0;
  await Promise.all(Array.from({length: 64}, async () => {
    while (started++ < batch) await one();
  }));
}
for (const s of servers) s.close();
process.stdout.write(`${JSON.stringify({rows, connections, ms: Math.round(performance.now() - t0)})}\n`);
