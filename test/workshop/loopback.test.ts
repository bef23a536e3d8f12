// A real room on loopback: the host listens on 127.0.0.1, learners connect from their
// own addresses 127.0.0.N (Linux routes all of 127/8 to loopback), through real sockets.
import net from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {LearnerClient} from '../../src/workshop/client.ts';
import type {HostEvent} from '../../src/workshop/events.ts';
import {WorkshopHost, type HostOptions} from '../../src/workshop/host.ts';
import {pollCatalog} from '../../src/workshop/polls.ts';
import {Simulation} from '../../src/workshop/simulate.ts';
import {keySpeaker} from './helpers.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.allSettled(cleanups.splice(0).reverse().map((f) => f()));
});

async function startHost(extra: Partial<HostOptions> = {}): Promise<{host: WorkshopHost; events: HostEvent[]; next: (test: (e: HostEvent) => boolean, ms?: number) => Promise<HostEvent>}> {
  const host = new WorkshopHost({address: '127.0.0.1', port: 0, lang: 'en', polls: pollCatalog(), speaker: keySpeaker, ...extra});
  const events: HostEvent[] = [];
  const waiters = new Set<() => void>();
  host.onEvent((e) => {
    events.push(e);
    for (const w of waiters) w();
  });
  await host.start();
  cleanups.push(() => host.stop());
  /** The first event (so far or to come) that passes the test. */
  const next = (test: (e: HostEvent) => boolean, ms = 10_000) =>
    new Promise<HostEvent>((resolve, reject) => {
      const check = () => {
        const hit = events.find(test);
        if (hit) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no such event in ${ms} ms; events: ${JSON.stringify(events.slice(-10))}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return {host, events, next};
}

function learner(host: WorkshopHost, n: number, nick = `l${n}`, lang = 'en'): LearnerClient {
  const client = new LearnerClient({host: '127.0.0.1', port: host.port, code: host.code, nick, lang, localAddress: `127.0.0.${n}`});
  cleanups.push(() => client.leave());
  return client;
}

/** A person with nc: a raw socket from 127.0.0.N, lines in and out. */
function rawPeer(port: number, localAddress: string) {
  const socket = net.connect({host: '127.0.0.1', port, localAddress});
  let buffer = '';
  const waiters = new Set<() => void>();
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    buffer += d;
    for (const w of waiters) w();
  });
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => {});
  cleanups.push(async () => {
    socket.destroy();
  });
  return {
    socket,
    ended,
    text: () => buffer,
    send: (line: string) => socket.write(`${line}\n`),
    /** Resolves when what was received contains the text. */
    waitFor: (text: string | RegExp, ms = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (typeof text === 'string' ? buffer.includes(text) : text.test(buffer)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(buffer);
          }
        };
        const timer = setTimeout(() => reject(new Error(`no ${String(text)} in ${ms} ms; got ${JSON.stringify(buffer)}`)), ms);
        waiters.add(check);
        check();
      }),
  };
}

describe('a room on loopback', () => {
  it('learners from distinct 127.0.0.N addresses join and see themselves as the host sees them', async () => {
    const {host, next} = await startHost();
    const clients = [2, 3, 4].map((n) => learner(host, n));
    const states = await Promise.all(clients.map((c) => c.join()));
    for (const [i, s] of states.entries()) {
      expect(s.phase).toBe('joined');
      // The mirror: our local address:port is exactly the host's remote address:port for us.
      expect(s.local?.address).toBe(`127.0.0.${i + 2}`);
      await new Promise<void>((resolve) => {
        const check = () => clients[i]!.state.seenAs && resolve();
        clients[i]!.subscribe(check);
        check();
      });
      expect(clients[i]!.state.seenAs).toEqual(s.local);
    }
    const joins = await Promise.all(clients.map((_, i) => next((e) => e.type === 'join' && e.from.address === `127.0.0.${i + 2}`)));
    expect(joins.map((j) => (j as Extract<HostEvent, {type: 'join'}>).from.port)).toEqual(states.map((s) => s.local!.port));
    expect(host.room.counts()).toEqual({listening: 1, connections: 3, ports: 3, addresses: 3});
    // Each learner's copy of the wall arrives with the counts (ticks once a second).
    await new Promise<void>((resolve) => {
      const check = (s = clients[0]!.state) => s.wall?.connections === 3 && s.wall.rows.length === 3 && resolve();
      clients[0]!.subscribe(check);
      check();
    });
    expect(clients[0]!.state.wall).toMatchObject({listening: 1, connections: 3, ports: 3, addresses: 3});
  });

  it('a person with nc joins by typing the code, answers a poll, and is told when the host ends', async () => {
    const {host, next} = await startHost();
    const nc = rawPeer(host.port, '127.0.0.20');
    await nc.waitFor('hello socket-lessons 1');
    nc.send(`${host.code.toLowerCase()} nika`);
    await nc.waitFor(/welcome 1 \S+\nyou 127\.0\.0\.20:\d+ main/);
    host.command({kind: 'open-poll', id: 'udp'});
    await nc.waitFor('c 3 en:polls.udp.choices.2');
    nc.send('1');
    await nc.waitFor('answered udp 1');
    const answer = await next((e) => e.type === 'poll' && e.phase === 'answer');
    expect(answer).toMatchObject({learner: 1, choice: 1, counts: [1, 0, 0]});
    await host.stop();
    await nc.waitFor('bye host-ended');
    await nc.ended;
  });

  it('refuses a wrong code with a reason, and a silent connection after the time limit', async () => {
    const {host, next} = await startHost({firstLineMs: 300});
    const wrong = rawPeer(host.port, '127.0.0.21');
    wrong.send('ZZZZ bob');
    await wrong.waitFor('bye wrong-code');
    await wrong.ended;
    const silent = rawPeer(host.port, '127.0.0.22');
    await silent.waitFor('bye too-slow');
    await silent.ended;
    await next((e) => e.type === 'connection' && e.phase === 'rejected' && e.reason === 'too-slow');
    expect(host.room.failures.map((f) => [f.from.address, f.reason])).toEqual([['127.0.0.21', 'wrong-code'], ['127.0.0.22', 'too-slow']]);
  });

  it('a fifth connection from one address is refused; a line over 1 KiB closes the connection', async () => {
    const {host} = await startHost();
    const peers = [1, 2, 3, 4].map(() => rawPeer(host.port, '127.0.0.30'));
    await Promise.all(peers.map((p) => p.waitFor('hello')));
    const fifth = rawPeer(host.port, '127.0.0.30');
    await fifth.waitFor('bye too-many-connections');
    peers[0]!.send(`${host.code} ${'x'.repeat(2000)}`);
    await peers[0]!.waitFor('bye line-too-long');
    await peers[0]!.ended;
  });

  it('the learner\'s doctor: wrong code, room full, refused', async () => {
    const {host} = await startHost({max: 1});
    const ok = learner(host, 40);
    expect((await ok.join()).phase).toBe('joined');
    const full = learner(host, 41);
    expect((await full.join()).diagnosis).toEqual({kind: 'room-full', reason: 'room-full'});
    const wrong = new LearnerClient({host: '127.0.0.1', port: host.port, code: 'NOPE', nick: 'x', lang: 'en', localAddress: '127.0.0.42'});
    cleanups.push(() => wrong.leave());
    expect((await wrong.join()).diagnosis).toEqual({kind: 'wrong-code', reason: 'wrong-code'});
    const port = host.port;
    await host.stop();
    const late = new LearnerClient({host: '127.0.0.1', port, code: host.code, nick: 'x', lang: 'en', localAddress: '127.0.0.43'});
    cleanups.push(() => late.leave());
    expect((await late.join()).diagnosis).toEqual({kind: 'refused', code: 'ECONNREFUSED'});
  });

  it('the default port when free, the next free one when taken; --port taken is an error', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({host: '127.0.0.1', port: 0}, resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const taken = (blocker.address() as net.AddressInfo).port;
    const {host} = await startHost({port: taken});
    expect(host.port).not.toBe(taken);
    expect(host.roomRecord()?.portFallback).toEqual({wanted: taken});
    const strict = new WorkshopHost({address: '127.0.0.1', port: taken, portExplicit: true, lang: 'en', polls: pollCatalog(), speaker: keySpeaker});
    await expect(strict.start()).rejects.toMatchObject({name: 'HostStartError', error: {code: 'EADDRINUSE'}});
  });
});

describe('experiments on loopback, both sides', () => {
  it('second connection: same address, a new source port, two rows on the wall', async () => {
    const {host, next} = await startHost();
    const a = learner(host, 50);
    await a.join();
    host.command({kind: 'start', experiment: 'second-connection'});
    const result = (await next((e) => e.type === 'experiment' && e.phase === 'result')) as Extract<HostEvent, {type: 'experiment'}>;
    expect(result.from?.address).toBe('127.0.0.50');
    expect(result.port).not.toBe(a.state.local?.port);
    await new Promise<void>((resolve) => {
      const check = () => a.state.experiment?.secondSeenAs && resolve();
      a.subscribe(check);
      check();
    });
    expect(a.state.experiment?.secondSeenAs).toEqual(a.state.experiment?.second);
    expect(host.room.counts()).toMatchObject({connections: 2, ports: 2, addresses: 1});
    host.command({kind: 'end'});
    await next((e) => e.type === 'experiment' && e.phase === 'end');
    // The learner closes its second connection when the experiment ends.
    await next((e) => e.type === 'connection' && e.phase === 'closed' && e.role === 'second');
  });

  it('refused: the host stops listening, every new connect is refused, the old connections live on', async () => {
    const {host, next} = await startHost();
    const a = learner(host, 51);
    const b = learner(host, 52);
    await Promise.all([a.join(), b.join()]);
    host.command({kind: 'start', experiment: 'refused'});
    await next((e) => e.type === 'experiment' && e.phase === 'start');
    const results = await Promise.all([51, 52].map((n) => next((e) => e.type === 'experiment' && e.phase === 'result' && e.learner === n - 50)));
    expect(results.map((r) => (r as {result: string}).result)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(a.state.phase).toBe('joined');
    expect(a.state.experiment?.outcome).toBe('ECONNREFUSED');
    host.command({kind: 'end'});
    const end = await next((e) => e.type === 'experiment' && e.phase === 'end');
    expect(end).toMatchObject({summary: {learners: 2, ECONNREFUSED: 2}});
    // Listening again, on the same port.
    const c = learner(host, 53);
    expect((await c.join()).phase).toBe('joined');
  });

  it('udp: one datagram from each learner reaches one socket, on the TCP port\'s number', async () => {
    const {host, next} = await startHost();
    const a = learner(host, 54);
    const b = learner(host, 55);
    await Promise.all([a.join(), b.join()]);
    host.command({kind: 'start', experiment: 'udp'});
    const start = await next((e) => e.type === 'experiment' && e.phase === 'start');
    expect(start).toMatchObject({port: host.port});
    const grams = await Promise.all([1, 2].map((n) => next((e) => e.type === 'experiment' && e.phase === 'datagram' && e.learner === n)));
    expect(grams.map((g) => (g as {from: {address: string}}).from.address)).toEqual(['127.0.0.54', '127.0.0.55']);
    host.command({kind: 'end'});
    expect(await next((e) => e.type === 'experiment' && e.phase === 'end')).toMatchObject({summary: {datagrams: 2, sent: 2}});
    await new Promise<void>((resolve) => {
      const check = () => a.state.experiment?.phase === 'ended' && resolve();
      a.subscribe(check);
      check();
    });
    expect(a.state.experiment?.datagrams).toBe(2);
  });

  it('close: who closes first keeps TIME_WAIT; everyone comes back on a new port', async () => {
    const {host, next} = await startHost();
    const you = learner(host, 56); // learner 1: closes first
    const them = learner(host, 57); // learner 2: the host closes first
    await you.join();
    await them.join();
    const before = {you: you.state.local!.port, them: them.state.local!.port};
    host.command({kind: 'start', experiment: 'close'});
    const results = await Promise.all([1, 2].map((n) => next((e) => e.type === 'experiment' && e.phase === 'result' && e.learner === n, 15_000)));
    expect(results.map((r) => (r as {result: string}).result)).toEqual(['time-wait', 'peer-closed']);
    expect(you.state.experiment?.timeWait).toBe(true);
    expect(them.state.experiment?.timeWait).toBe(false);
    expect(you.state.local!.port).not.toBe(before.you);
    expect(them.state.local!.port).not.toBe(before.them);
    // The host's own table: TIME_WAIT for the connection it closed first, on its port.
    const view = await host.lab.osView();
    expect(view.available && view.sockets.some((s) => s.state === 'TIME_WAIT' && s.local.kind === 'inet' && s.local.port === host.port && s.remote?.kind === 'inet' && s.remote.port === before.them)).toBe(true);
    host.command({kind: 'end'});
    expect(await next((e) => e.type === 'experiment' && e.phase === 'end')).toMatchObject({summary: {'time-wait': 1, 'peer-closed': 1}});
    expect(host.room.presentCount()).toBe(2);
  }, 30_000);
});

describe('simulated learners', () => {
  it('N real clients from 127.0.0.2, 127.0.0.3, …; they answer polls by themselves', async () => {
    const {host, next} = await startHost();
    const sim = new Simulation({count: 12, host: '127.0.0.1', port: host.port, code: host.code, lang: 'en'});
    cleanups.push(() => sim.stop());
    await sim.start();
    expect(sim.sharedAddress).toBe(false);
    expect(sim.joined()).toBe(12);
    expect(host.room.counts()).toEqual({listening: 1, connections: 12, ports: 12, addresses: 12});
    host.command({kind: 'open-poll', id: 'second-connection'});
    await next((e) => e.type === 'poll' && e.phase === 'answer' && e.counts.reduce((a, b) => a + b, 0) === 12, 15_000);
    const closing = Promise.all(sim.clients.map((c) => new Promise<void>((resolve) => {
      const check = () => c.state.diagnosis?.kind === 'host-ended' && resolve();
      c.subscribe(check);
      check();
    })));
    await host.stop();
    await closing;
  });
});
