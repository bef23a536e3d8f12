// Kernel drops are a lesson, not a secret (issue 14): a flood against a small receive
// buffer, while the lab cannot read, makes the kernel throw datagrams away; the lab reads
// the kernel's count and says so in 'drop' events and in the socket's `dropped`.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readProcNet} from '../../src/lab/os-view/linux-proc.ts';
import type {LabEvent} from '../../src/lab/index.ts';
import {newLab, port} from './helpers.ts';

const linux = process.platform === 'linux';
const BURST = path.join(import.meta.dirname, 'fixtures/udp-burst.mjs');
const SENT = 2000;

async function kernelDrops(p: number): Promise<number | undefined> {
  const rows = await readProcNet((x) => x === p, ['udp']);
  return rows.find((r) => r.local.kind === 'inet' && r.local.port === p)?.drops;
}

describe.skipIf(!linux)('datagrams the kernel dropped', () => {
  it('a flood into a small receive buffer: drop events add up to the kernel’s count, and dropped + received = sent', async () => {
    const lab = newLab({udpReceiveBuffer: 4096});
    lab.socket('udp', 'u');
    const u = await lab.bind('u', {host: '127.0.0.1', port: 0});
    const drops: Extract<LabEvent, {type: 'drop'}>[] = [];
    lab.subscribe((e) => {
      if (e.type === 'drop') drops.push(e);
    });
    // The burst runs while this process (and its lab) is blocked: nothing reads the
    // socket, so the kernel keeps what fits in the buffer and drops the rest.
    const burst = JSON.parse(execFileSync(process.execPath, [BURST, String(port(u)), String(SENT)], {encoding: 'utf8'})) as {sent: number; errors: number};
    expect(burst).toEqual({sent: SENT, errors: 0});
    const kernel = await kernelDrops(port(u));
    expect(kernel).toBeGreaterThan(SENT / 2);
    // What fitted is read now; the lab then reads the kernel's count.
    await lab.waitFor((e) => e.type === 'drop' && e.total === kernel, {since: 0, timeoutMs: 5000});
    const info = lab.get('u')!;
    expect(info.dropped).toBe(kernel);
    expect(info.datagramsIn + kernel!).toBe(SENT);
    expect(drops.reduce((n, e) => n + e.count, 0)).toBe(kernel);
    expect(drops.at(-1)).toMatchObject({type: 'drop', socket: 'u', protocol: 'udp', total: kernel, local: u.local});
    // Once the flood is over, the lab stops reading the count.
    const reads = lab.dropReads;
    await new Promise((r) => setTimeout(r, 600));
    expect(lab.dropReads).toBeLessThanOrEqual(reads + 1);
  });

  it('no drops, no drop events: a socket that keeps up reports none', async () => {
    const lab = newLab();
    lab.socket('udp', 'u');
    const u = await lab.bind('u', {host: '127.0.0.1', port: 0});
    lab.socket('udp', 'v');
    for (let i = 0; i < 50; i++) await lab.sendto('v', {host: '127.0.0.1', port: port(u)}, `n${i}`);
    await lab.waitFor((e) => e.type === 'message' && lab.get('u')!.datagramsIn === 50, {since: 0, timeoutMs: 5000});
    await new Promise((r) => setTimeout(r, 600)); // past a drop read
    expect(lab.dropReads).toBeGreaterThan(0);
    expect(lab.history().filter((e) => e.type === 'drop')).toEqual([]);
    expect(lab.get('u')!.dropped).toBeUndefined();
  });
});
