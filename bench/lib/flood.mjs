// UDP flood sender, run as its own process: `node flood.mjs PORT RATE SECONDS`.
// Paces itself against the clock (RATE datagrams per second to 127.0.0.1:PORT for
// SECONDS), then prints {sent, errors, seconds} as JSON and exits.
import dgram from 'node:dgram';

const [port, rate, seconds] = process.argv.slice(2).map(Number);
const payload = Buffer.from('flood');
const socket = dgram.createSocket('udp4');
let sent = 0;
let errors = 0;
let inFlight = 0;
const total = Math.round(rate * seconds);
const t0 = performance.now();

socket.on('error', () => errors++);
function tick() {
  const elapsed = (performance.now() - t0) / 1000;
  const due = Math.min(total, Math.floor(rate * elapsed));
  // Keep at most a few hundred sends queued in libuv so the pace stays even.
  while (sent < due && inFlight < 512) {
    sent++;
    inFlight++;
    socket.send(payload, port, '127.0.0.1', (error) => {
      inFlight--;
      if (error) errors++;
    });
  }
  if (sent < total) setTimeout(tick, 1);
  else finish();
}
function finish() {
  if (inFlight > 0) return setImmediate(finish);
  socket.close();
  process.stdout.write(`${JSON.stringify({sent, errors, seconds: +((performance.now() - t0) / 1000).toFixed(3)})}\n`);
}
tick();
