// The loopback promise (issue 11 item 5). A socket with no address that sends is bound by
// the OS to 0.0.0.0 (or ::), exactly as a C program's would be, and the app shows that;
// so another host can reach it. Without --allow-remote the lab drops what such a host
// sends before any event, screen or transcript sees it. The other host here is a network
// namespace joined by a veth pair, made by the test.
import dgram from 'node:dgram';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Lab} from '../../src/lab/index.ts';
import type {LabEvent} from '../../src/lab/index.ts';
import {is, newLab, port} from '../lab/helpers.ts';
import {makeNetns, type Netns} from './netns.ts';
import {pipedRepl, RUNTIMES} from './app.ts';

let ns: Netns;
beforeAll(() => {
  ns = makeNetns('loop');
});
afterAll(() => ns?.remove());

/** From inside the namespace: one datagram to each target in turn, each sent before the next. */
function sendFromNamespace(targets: {host: string; port: number}[], text = 'from another host'): Promise<string> {
  const script = `
    const dgram = require('node:dgram');
    const targets = ${JSON.stringify(targets)};
    const s = dgram.createSocket('udp4');
    (async () => {
      for (const t of targets) await new Promise((ok, ko) => s.send(${JSON.stringify(text)}, t.port, t.host, (e) => (e ? ko(e) : ok())));
      s.close();
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return ns.exec(process.execPath, ['-e', script]);
}

/** A plain socket on every address: it shows the namespace's datagrams do reach this host. */
async function control(): Promise<{port: number; received: Promise<string>; close(): void}> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((ok) => s.bind(0, '0.0.0.0', ok));
  const received = new Promise<string>((ok) => s.once('message', (_m, r) => ok(r.address)));
  return {port: s.address().port, received, close: () => s.close()};
}

/**
 * A datagram from the namespace to this host's veth address on `toPort`, then one to a
 * control socket: once the control socket has its datagram from the namespace's address,
 * the path works and the first one has arrived at this host too.
 */
async function fromNamespaceTo(toPort: number): Promise<void> {
  const ctl = await control();
  try {
    await sendFromNamespace([{host: ns.hostAddress, port: toPort}, {host: ns.hostAddress, port: ctl.port}]);
    expect(await ctl.received).toBe(ns.peerAddress);
  } finally {
    ctl.close();
  }
}

async function loopbackDatagram(toPort: number, host = '127.0.0.1'): Promise<void> {
  const s = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  await new Promise<void>((ok, ko) => s.send('from loopback', toPort, host, (e) => (e ? ko(e) : ok())));
  s.close();
}

const foreign = (e: LabEvent) => JSON.stringify(e).includes(ns.peerAddress);

describe('an implicit bind is on the wildcard address, but another host never reaches the lesson', () => {
  for (const family of [4, 6] as const) {
    it(`IPv${family}: sendto from an unbound socket binds ${family === 4 ? '0.0.0.0' : '::'}, and a datagram from the namespace is dropped unseen`, async () => {
      const lab = newLab();
      const loop = family === 4 ? '127.0.0.1' : '::1';
      const r = await lab.bind(lab.socket('udp', 'r').name, {host: loop, port: 0});
      lab.socket('udp', 's');
      await lab.sendto('s', {host: loop, port: port(r)}, 'hello');
      // What the screen says is what the OS did: the wildcard address, as in C.
      const bind = lab.history().find((e) => e.type === 'bind' && e.socket === 's');
      expect(bind).toMatchObject({implicit: true, local: {address: family === 4 ? '0.0.0.0' : '::'}});
      const sPort = port(lab.get('s')!);
      const os = await lab.osView();
      if (os.available) expect(os.sockets.some((row) => row.local.kind === 'inet' && row.local.port === sPort && ['0.0.0.0', '::'].includes(row.local.address))).toBe(true);

      await fromNamespaceTo(sPort);
      // A datagram from loopback after it: once s reports this one, the earlier one was handled.
      const since = lab.lastSeq;
      await loopbackDatagram(sPort, loop);
      const msg = await lab.waitFor(is('message', 's'), {since, timeoutMs: 5000});
      expect(msg.type === 'message' && msg.from.kind === 'inet' && msg.from.address).toMatch(family === 4 ? /^127\./ : /^::1$/);
      expect(lab.history().filter(foreign)).toEqual([]);
      expect(lab.get('s')!.datagramsIn).toBe(1);
      expect(lab.table.get('s')!.foreignDropped).toBe(1);
    });
  }

  it('with --allow-remote (allowNonLoopback) the same datagram is shown: the filter is the flag, nothing else', async () => {
    const lab = new Lab({allowNonLoopback: true});
    try {
      const r = await lab.bind(lab.socket('udp', 'r').name, {host: '127.0.0.1', port: 0});
      lab.socket('udp', 's');
      await lab.sendto('s', {host: '127.0.0.1', port: port(r)}, 'hello');
      const since = lab.lastSeq;
      await sendFromNamespace([{host: ns.hostAddress, port: port(lab.get('s')!)}]);
      const msg = await lab.waitFor(is('message', 's'), {since, timeoutMs: 5000});
      expect(msg.type === 'message' && msg.from.kind === 'inet' && msg.from.address).toBe(ns.peerAddress);
    } finally {
      await lab.dispose();
    }
  });

  describe.each(RUNTIMES)('the built app (repl --json) under %s', (runtime) => {
    it('prints the implicit bind as 0.0.0.0 and never prints the other host', async () => {
      const app = pipedRepl(runtime);
      const r = await app.run('bind udp 127.0.0.1:0 as r');
      expect(r.ok).toBe(true);
      const sent = await app.run('sendto udp r "hello" as s');
      expect(sent.ok).toBe(true);
      expect(sent.result.implicitBind).toMatchObject({address: '0.0.0.0'});
      const sPort: number = sent.result.implicitBind.port;
      await fromNamespaceTo(sPort);
      await loopbackDatagram(sPort);
      const waited = await app.run('wait message s 10000');
      expect(waited.ok).toBe(true);
      expect(waited.result.event.from.address).toBe('127.0.0.1');
      expect(await app.quit()).toBe(0);
      expect(app.output()).not.toContain(ns.peerAddress);
    });
  });
});
