// A watched OS view is read when a lab event can have changed the kernel's table (bind,
// listen, connect, accept, close…), at most 4 times a second, and when a kernel timer
// (TIME_WAIT) runs out; never because data or datagrams arrive (issue 14).
import dgram from 'node:dgram';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {OsReader} from '../../src/lab/os-view/index.ts';
import {nextTimerMs, OS_POLL_MS, OS_TIMER_POLL_MS} from '../../src/lab/os-watch.ts';
import {DROP_CHECK_MS} from '../../src/lab/udp-drops.ts';
import type {OsSocket} from '../../src/lab/index.ts';
import {is, newLab, port} from './helpers.ts';

const linux = process.platform === 'linux';

/**
 * Every read of the OS view from now on, with its time. (Reads of the kernel's UDP drop
 * counts, which a receiving socket makes ≤ 2 times a second, are counted apart: only the
 * UDP table, no owners.)
 */
function countReads() {
  const reads: number[] = [];
  const dropReads: number[] = [];
  const real = OsReader.prototype.read;
  const spy = vi.spyOn(OsReader.prototype, 'read').mockImplementation(function (this: OsReader, ...args: Parameters<typeof real>) {
    const scope = args[1];
    if (scope?.owners === false && scope.tcp === undefined && !scope.unix) dropReads.push(performance.now());
    else reads.push(performance.now());
    return real.apply(this, args);
  });
  return {reads, dropReads, restore: () => spy.mockRestore()};
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Resolves once no read has started for `quietMs` (bounded). */
async function settled(reads: number[], quietMs = 2 * OS_POLL_MS, boundMs = 10_000): Promise<void> {
  const deadline = performance.now() + boundMs;
  for (;;) {
    const last = reads.at(-1) ?? 0;
    const wait = last + quietMs - performance.now();
    if (wait <= 0) return;
    if (performance.now() > deadline) throw new Error('the OS view kept being read');
    await new Promise((r) => setTimeout(r, wait));
  }
}

describe.skipIf(!linux)('when the watched OS view is read', () => {
  it('datagrams alone never cause a read', async () => {
    const lab = newLab();
    const counter = countReads();
    restore = counter.restore;
    const stop = lab.watchOs();
    try {
      lab.socket('udp', 'u');
      const since = lab.lastSeq;
      const bound = await lab.bind('u', {host: '127.0.0.1', port: 0});
      await lab.waitFor((e) => e.type === 'os' && e.change === 'added', {since, timeoutMs: 5000});
      await settled(counter.reads);
      const before = counter.reads.length;
      // A flood: 3,000 datagrams from a socket outside the lab, in bursts the lab keeps up with.
      const sender = dgram.createSocket('udp4');
      try {
        for (let sent = 0; sent < 3000; ) {
          const s1 = lab.lastSeq;
          await Promise.all(Array.from({length: 20}, () => new Promise((r) => sender.send('x', port(bound), '127.0.0.1', r))));
          sent += 20;
          await lab.waitFor((e) => e.type === 'message' && lab.get('u')!.datagramsIn >= sent, {since: s1, timeoutMs: 5000});
        }
      } finally {
        sender.close();
      }
      expect(lab.get('u')!.datagramsIn).toBe(3000);
      // Past the time a read would have taken: none was made.
      await new Promise((r) => setTimeout(r, 3 * OS_POLL_MS));
      expect(counter.reads.length).toBe(before);
      // The drop counts were read, but seldom (≤ 2 a second).
      expect(counter.dropReads.length).toBeGreaterThan(0);
      const gaps = counter.dropReads.slice(1).map((t, i) => t - counter.dropReads[i]!);
      if (gaps.length > 0) expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DROP_CHECK_MS - 30);
      // A structural event still reads (the test can fail the other way too).
      await lab.close('u');
      await lab.waitFor((e) => e.type === 'os' && e.change === 'removed', {since, timeoutMs: 5000});
      expect(counter.reads.length).toBeGreaterThan(before);
    } finally {
      stop();
    }
  });

  it('reads after structural events, at most 4 times a second, and not at all once stopped', async () => {
    const lab = newLab();
    const counter = countReads();
    restore = counter.restore;
    const stop = lab.watchOs();
    const s0 = lab.lastSeq;
    // Ten listeners opened back to back: reads follow them, spaced by the poll period.
    for (let i = 0; i < 10; i++) await lab.listen({name: `l${i}`, host: '127.0.0.1', port: 0});
    await lab.waitFor((e) => e.type === 'os' && e.socket === 'l9', {since: s0, timeoutMs: 5000});
    await settled(counter.reads);
    const gaps = counter.reads.slice(1).map((t, i) => t - counter.reads[i]!);
    expect(counter.reads.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(OS_POLL_MS - 30);
    stop();
    const n = counter.reads.length;
    const s = lab.lastSeq;
    await lab.listen({name: 'after', host: '127.0.0.1', port: 0});
    await expect(lab.waitFor((e) => e.type === 'os', {since: s, timeoutMs: 3 * OS_POLL_MS})).rejects.toMatchObject({code: 'ETIMEDOUT'});
    expect(counter.reads.length).toBe(n);
  });

  it('a closed connection is followed into TIME_WAIT, whose row carries its kernel timer', async () => {
    const lab = newLab();
    const stop = lab.watchOs();
    try {
      const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
      const since = lab.lastSeq;
      const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
      await lab.waitFor(is('accept'), {since});
      const s2 = lab.lastSeq;
      await lab.close('c');
      const tw = await lab.waitFor(
        (e) => e.type === 'os' && e.entry.local.kind === 'inet' && e.entry.local.port === port(c) && e.entry.state === 'TIME_WAIT',
        {since: s2, timeoutMs: 5000},
      );
      const row = (tw as Extract<typeof tw, {type: 'os'}>).entry;
      // Linux keeps TIME_WAIT for 60 s.
      expect(row.timerMs).toBeGreaterThan(50_000);
      expect(row.timerMs).toBeLessThanOrEqual(60_000);
    } finally {
      stop();
    }
  });
});

describe('the next timed read', () => {
  const row = (state: string, timerMs?: number): OsSocket => ({
    protocol: 'tcp', state, local: {kind: 'inet', address: '127.0.0.1', port: 1, family: 'IPv4'}, sendQueue: 0, recvQueue: 0, inode: 0, ...(timerMs === undefined ? {} : {timerMs}),
  });
  it('comes just after the first kernel timer runs out; rows that end by themselves without a known timer are read again after a while; stable rows never', () => {
    expect(nextTimerMs([row('LISTEN'), row('ESTABLISHED'), row('UNCONN')])).toBeUndefined();
    expect(nextTimerMs([row('TIME_WAIT', 59_000), row('TIME_WAIT', 12_000), row('LISTEN')])).toBe(12_100);
    expect(nextTimerMs([row('FIN_WAIT2')])).toBe(OS_TIMER_POLL_MS);
  });
});
