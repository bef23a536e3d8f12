// The baseline of figure 10: what `repl --script` does for a file of sendto lines, done
// with bare node:dgram — one sender, one bound receiver, each datagram waited for until
// it has arrived, the same four lines printed per command. Usage: node bare-sendto.mjs FILE
import dgram from 'node:dgram';
import {once} from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';

const sockets = new Map();
let waiting;
const out = (line) => process.stdout.write(`${line}\n`);

for await (const line of readline.createInterface({input: fs.createReadStream(process.argv[2])})) {
  const f = line.split(' ');
  out(`> ${line}`);
  if (f[0] === 'bind') {
    const r = dgram.createSocket('udp4');
    r.on('message', (msg, from) => waiting?.(msg, from));
    r.bind(0, '127.0.0.1');
    await once(r, 'listening');
    sockets.set(f[4], r);
    out(`  ✓ ${f[4]} is bound to 127.0.0.1:${r.address().port}.`);
  } else if (f[0] === 'socket') {
    sockets.set(f[3], dgram.createSocket('udp4'));
    out(`  ✓ ${f[3]}: new UDP socket.`);
  } else if (f[0] === 'sendto') {
    const s = sockets.get(f[1]);
    const to = sockets.get(f[2]).address();
    const text = JSON.parse(f.slice(3).join(' '));
    const arrived = new Promise((resolve) => (waiting = (msg, from) => resolve({msg, from})));
    await new Promise((resolve, reject) => s.send(text, to.port, to.address, (e) => (e ? reject(e) : resolve())));
    out(`  · ${f[1]} sent a ${text.length}-byte datagram to ${to.address}:${to.port}`);
    const {msg, from} = await arrived;
    out(`  · ${f[2]} received a ${msg.length}-byte datagram from ${from.address}:${from.port}: "${msg.toString()}"`);
    out(`  ✓ ${f[1]} sent a datagram of ${text.length} bytes to ${to.address}:${to.port}.`);
  } else if (f[0] === 'quit') break;
}
for (const s of sockets.values()) s.close();
