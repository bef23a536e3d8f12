import {describe, expect, it} from 'vitest';
import {LabError, type LabEvent} from '../../src/lab/index.ts';
import {PEER, spawnChild} from './child.ts';
import {is, newLab, port} from './helpers.ts';

describe('faults', () => {
  it('a peer process resets mid-stream: data first, then ECONNRESET, then close(hadError)', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    const peer = spawnChild(process.execPath, [PEER, 'client', String(port(srv))]);
    await peer.next((m) => m.event === 'connected');
    await lab.waitFor(is('accept'), {since});
    peer.send('send half a message');
    await lab.waitFor(is('data', 'srv#1'), {since});
    peer.send('reset');
    const close = await lab.waitFor(is('close', 'srv#1'), {since});
    expect(close).toMatchObject({hadError: true});
    const mine = lab.history().filter((e) => e.socket === 'srv#1').map((e) => e.type);
    expect(mine[0]).toBe('data');
    expect(mine.slice(-2)).toEqual(['error', 'close']);
    const err = lab.history().find((e) => e.type === 'error' && e.socket === 'srv#1');
    expect(err).toMatchObject({error: {code: 'ECONNRESET', socket: 'srv#1'}});
    // Sending to the dead socket is a typed error too.
    await expect(lab.send('srv#1', 'x')).rejects.toMatchObject({code: 'ENAME'});
  });

  it('writing after the peer reset gives a typed EPIPE/ECONNRESET, never a crash', async () => {
    const lab = newLab();
    const peer = spawnChild(process.execPath, [PEER, 'server']);
    const {port: p} = await peer.next((m) => m.event === 'listening');
    await lab.connect({name: 'c', host: '127.0.0.1', port: p as number});
    await peer.next((m) => m.event === 'accepted');
    peer.send('reset');
    await peer.next((m) => m.event === 'close');
    const since = lab.lastSeq;
    // The RST may or may not have arrived yet: keep writing until the lab reports it.
    const errors: unknown[] = [];
    for (let k = 0; k < 50 && lab.get('c'); k++) await lab.send('c', 'x'.repeat(1000)).catch((e: unknown) => errors.push(e));
    await lab.waitFor(is('close', 'c'), {since: since - 1, timeoutMs: 5000});
    const evs = lab.history().filter((e): e is Extract<LabEvent, {type: 'error'}> => e.type === 'error' && e.socket === 'c');
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) expect(['ECONNRESET', 'EPIPE']).toContain(e.error.code);
    for (const e of errors) expect(e).toBeInstanceOf(LabError);
  });

  it('the server closes while clients connect: every connect resolves or fails typed, nothing leaks', async () => {
    const lab = newLab({maxSockets: 512});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0, backlog: 128});
    const since = lab.lastSeq;
    const attempts = Array.from({length: 100}, () => lab.connect({host: '127.0.0.1', port: port(srv)}).then(
      () => 'ok',
      (e: unknown) => (e instanceof LabError ? e.code : 'untyped'),
    ));
    await lab.waitFor(is('accept', 'srv'), {since});
    await lab.close('srv');
    const outcomes = await Promise.all(attempts);
    for (const o of outcomes) expect(['ok', 'ECONNREFUSED', 'ECONNRESET']).toContain(o);
    expect(outcomes).toContain('ok');
    await lab.dispose();
    expect(lab.snapshot()).toEqual([]);
    if (process.platform === 'linux') {
      const view = await lab.osView();
      if (!view.available) throw new Error(view.reason);
      expect(view.sockets.filter((s) => s.pid === process.pid)).toEqual([]);
    }
  });

  it('1,000 concurrent connects to one listener: all accepted, all names unique, all closed after', async () => {
    const lab = newLab({maxSockets: 2001, historySize: 10_000});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0, backlog: 1024});
    const N = 1000;
    let accepted = 0;
    let allIn!: () => void;
    const done = new Promise<void>((r) => (allIn = r));
    const unsubscribe = lab.subscribe((e) => {
      if (e.type === 'accept' && ++accepted === N) allIn();
    });
    const t0 = performance.now();
    const clients = await Promise.all(Array.from({length: N}, () => lab.connect({host: '127.0.0.1', port: port(srv)})));
    await Promise.race([done, lab.waitFor(() => false, {timeoutMs: 15_000})]);
    unsubscribe();
    const ms = performance.now() - t0;
    const children = lab.history().filter((e) => e.type === 'accept').map((e) => (e.type === 'accept' ? e.child : ''));
    expect(children.length).toBe(N);
    expect(new Set(children).size).toBe(N);
    expect(new Set(children)).toEqual(new Set(Array.from({length: N}, (_, k) => `srv#${k + 1}`)));
    expect(new Set(clients.map((c) => c.name)).size).toBe(N);
    expect(new Set(clients.map((c) => port(c))).size).toBe(N); // N ephemeral source ports
    expect(lab.snapshot().length).toBe(2 * N + 1);
    await lab.dispose();
    expect(lab.snapshot()).toEqual([]);
    expect(lab.history().filter((e) => e.type === 'close').length).toBeGreaterThanOrEqual(Math.min(2 * N + 1, 4999));
    if (process.platform === 'linux') {
      const view = await lab.osView();
      if (!view.available) throw new Error(view.reason);
      expect(view.sockets.filter((s) => s.pid === process.pid)).toEqual([]);
    }
    expect(ms).toBeLessThan(15_000);
  });

  it('10,000 UDP datagrams: every one is either received or counted as dropped by the kernel', async () => {
    const lab = newLab();
    lab.socket('udp', 'rx');
    const rx = await lab.bind('rx', {host: '127.0.0.1', port: 0});
    lab.socket('udp', 'tx');
    const N = 10_000;
    const to = {host: '127.0.0.1', port: port(rx)};
    const payload = new Uint8Array(100);
    // A flood: windows of 100, letting the event loop poll in between. libuv reads at most 32
    // datagrams per wakeup, so the receive buffer overflows and the kernel drops some: counted.
    for (let k = 0; k < N; k += 100) {
      await Promise.all(Array.from({length: 100}, () => lab.sendto('tx', to, payload)));
      await new Promise((r) => setImmediate(r));
    }
    expect(lab.get('tx')).toMatchObject({datagramsOut: N, bytesOut: N * 100});
    const drops = async () => {
      if (process.platform !== 'linux') return 0;
      const v = await lab.osView();
      return v.available ? (v.sockets.find((s) => s.inode !== 0 && s.local.kind === 'inet' && s.local.port === port(rx) && s.protocol === 'udp')?.drops ?? 0) : 0;
    };
    // Whatever is still queued arrives; then received + dropped must be exactly what was sent.
    let d = await drops();
    for (let round = 0; round < 50 && lab.get('rx')!.datagramsIn + d < N; round++) {
      await lab.waitFor((e) => e.type === 'message' && e.socket === 'rx', {timeoutMs: 200}).catch(() => undefined);
      d = await drops();
    }
    const got = lab.get('rx')!.datagramsIn;
    expect(got).toBeGreaterThan(0);
    expect(got + d).toBe(N);
    expect(lab.get('rx')!.bytesIn).toBe(got * 100);
    console.log(`UDP 10k: sent ${N}, received ${got}, kernel drops ${d}`);
  });
});
