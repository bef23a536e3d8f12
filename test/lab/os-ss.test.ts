// The OS view through `ss` (netlink, the kernel filtering by port) gives the same rows as
// /proc/net, and the lab falls back to /proc where `ss` cannot run (issue 14).
import {spawnSync} from 'node:child_process';
import dgram from 'node:dgram';
import path from 'node:path';
import {once} from 'node:events';
import {describe, expect, it} from 'vitest';
import {readProcNet} from '../../src/lab/os-view/linux-proc.ts';
import {parseSs, parseSsTime, readSs, ssArgs} from '../../src/lab/os-view/ss.ts';
import type {OsSocket} from '../../src/lab/index.ts';
import {is, newLab, port} from './helpers.ts';

const linux = process.platform === 'linux';
const hasSs = linux && spawnSync('ss', ['-V']).status === 0;
const CHILD = path.join(import.meta.dirname, 'fixtures/os-view-child.ts');

const SAMPLE = `udp UNCONN 0      0               127.0.0.1:41770            0.0.0.0:*     ino:419390 sk:157 cgroup:/ <->
\t skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d17)
udp ESTAB  0      0                   [::1]:33032              [::1]:1234  ino:419391 sk:158 cgroup:/ <->
\t skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)
udp UNCONN 0      0                       *:51783                  *:*     ino:419392 sk:159 cgroup:/ v6only:0 <->
tcp LISTEN 0      511             127.0.0.1:34187            0.0.0.0:*     ino:419383 sk:15a cgroup:/ <->
tcp TIME-WAIT 0   0               127.0.0.1:43928          127.0.0.1:34187 timer:(timewait,59sec,0) ino:0 sk:15b
tcp ESTAB  0      0      [::ffff:127.0.0.1]:36495 [::ffff:127.0.0.1]:44292 ino:419389 sk:160 cgroup:/ <->
tcp LISTEN 0      511                 [::1]:42409               [::]:*     ino:419385 sk:15f cgroup:/ v6only:1 <->
`;

const inet = (address: string, p: number, family: 'IPv4' | 'IPv6' = 'IPv4') => ({kind: 'inet', address, port: p, family});

describe('ss output', () => {
  it('becomes the rows /proc would give: kernel state names, addresses as node prints them, inode, drops, the TIME_WAIT timer', () => {
    const rows = parseSs(SAMPLE);
    expect(rows).toEqual([
      {protocol: 'udp', local: inet('127.0.0.1', 41770), state: 'UNCONN', sendQueue: 0, recvQueue: 0, inode: 419390, drops: 17},
      {protocol: 'udp6', local: inet('::1', 33032, 'IPv6'), remote: inet('::1', 1234, 'IPv6'), state: 'ESTABLISHED', sendQueue: 0, recvQueue: 0, inode: 419391, drops: 0},
      {protocol: 'udp6', local: inet('::', 51783, 'IPv6'), state: 'UNCONN', sendQueue: 0, recvQueue: 0, inode: 419392, drops: 0},
      {protocol: 'tcp', local: inet('127.0.0.1', 34187), state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 419383},
      {protocol: 'tcp', local: inet('127.0.0.1', 43928), remote: inet('127.0.0.1', 34187), state: 'TIME_WAIT', sendQueue: 0, recvQueue: 0, inode: 0, timerMs: 59_000},
      {protocol: 'tcp6', local: inet('::ffff:127.0.0.1', 36495, 'IPv6'), remote: inet('::ffff:127.0.0.1', 44292, 'IPv6'), state: 'ESTABLISHED', sendQueue: 0, recvQueue: 0, inode: 419389},
      {protocol: 'tcp6', local: inet('::1', 42409, 'IPv6'), state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 419385},
    ]);
  });

  it('reads ss’s timers (min, sec, s.ms, ms) and asks the kernel to filter by port', () => {
    expect([parseSsTime('59sec'), parseSsTime('1min5sec'), parseSsTime('5.123ms'), parseSsTime('340ms'), parseSsTime('1min'), parseSsTime('soon')]).toEqual([59_000, 65_000, 5_123, 340, 60_000, undefined]);
    expect(ssArgs({tcp: true, udp: false, ports: [80, 443]})).toEqual(['-H', '-n', '-a', '-e', '-o', '-m', '-t', '(', 'sport', '=', ':80', 'or', 'dport', '=', ':80', 'or', 'sport', '=', ':443', 'or', 'dport', '=', ':443', ')']);
  });
});

const key = (r: OsSocket) => `${r.protocol} ${JSON.stringify(r.local)} ${JSON.stringify(r.remote ?? null)} ${r.state} ${r.inode}`;
const same = (r: OsSocket) => ({...r, timerMs: undefined, sendQueue: 0, recvQueue: 0});

describe.skipIf(!hasSs)('ss against /proc on live sockets', () => {
  it('lists the same rows for the lab’s ports: listeners and both ends (IPv4, IPv6), TIME_WAIT, UDP with its drops', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const six = await lab.listen({name: 'six', host: '::1', port: 0});
    const since = lab.lastSeq;
    const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.connect({name: 'd', host: '::1', port: port(six)});
    await lab.waitFor(is('accept', 'six'), {since});
    await lab.waitFor(is('accept', 'srv'), {since});
    const s2 = lab.lastSeq;
    await lab.close('c');
    // The server's end of c closes too (the lab answers the FIN): wait for that.
    await lab.waitFor((e) => e.type === 'close' && e.socket !== 'c', {since: s2});
    lab.socket('udp', 'u');
    const u = await lab.bind('u', {host: '127.0.0.1', port: 0});
    lab.socket('udp', 'u6');
    await lab.bind('u6', {host: '::1', port: 0});
    await lab.connectUdp('u6', {host: '::1', port: port(u)});
    const ports = [port(srv), port(six), port(c), port(u), port(lab.get('u6')!)];
    const on = new Set(ports);
    const sorted = (rows: OsSocket[]) => rows.map(same).sort((a, b) => key(a).localeCompare(key(b)));
    // Two reads a moment apart: a row passing through a short state (LAST_ACK) may differ once.
    let viaSs: OsSocket[] = [];
    let viaProc: OsSocket[] = [];
    for (let i = 0; i < 5; i++) {
      viaSs = await readSs({tcp: true, udp: true, ports});
      viaProc = await readProcNet((p) => on.has(p), ['tcp', 'tcp6', 'udp', 'udp6']);
      if (JSON.stringify(sorted(viaSs)) === JSON.stringify(sorted(viaProc))) break;
    }
    expect(sorted(viaSs)).toEqual(sorted(viaProc));
    // srv and six listening, d and its accepted end, u, u6 (other programs' rows on these
    // port numbers may be there too: the machine is shared), and c in TIME_WAIT.
    const live = (name: string) => lab.get(name)!.local;
    for (const name of ['srv', 'six', 'd', 'u', 'u6']) {
      expect(viaSs.some((r) => r.inode !== 0 && JSON.stringify(r.local) === JSON.stringify(live(name))), name).toBe(true);
    }
    expect(viaSs.filter((r) => r.inode !== 0 && r.local.kind === 'inet' && r.local.port === port(six))).toHaveLength(2);
    const tw = viaSs.find((r) => r.state === 'TIME_WAIT' && r.local.kind === 'inet' && r.local.port === port(c));
    expect(tw?.timerMs).toBeGreaterThan(50_000);
  });

  it('the kernel leaves out rows on other ports, however many there are', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const other = dgram.createSocket('udp4');
    other.bind(0, '127.0.0.1');
    await once(other, 'listening');
    try {
      const rows = await readSs({tcp: true, udp: true, ports: [port(srv)]});
      // (A TIME_WAIT row of another program may share the number: it has no inode.)
      expect(rows.filter((r) => r.inode !== 0).map((r) => (r.local.kind === 'inet' ? r.local.port : 0))).toEqual([port(srv)]);
    } finally {
      other.close();
    }
  });
});

describe.skipIf(!linux)('without ss', () => {
  it('the lab reads /proc instead: the same listener and connection, with owners', () => {
    const run = spawnSync(process.execPath, [CHILD], {encoding: 'utf8', env: {...process.env, PATH: '/nonexistent'}, timeout: 20_000});
    expect(run.stderr).toBe('');
    const {port: p, pid, view} = JSON.parse(run.stdout) as {port: number; pid: number; view: {available: boolean; sockets: OsSocket[]}};
    expect(view.available).toBe(true);
    const listen = view.sockets.find((r) => r.state === 'LISTEN');
    expect(listen).toMatchObject({protocol: 'tcp', local: {port: p}, pid});
    expect(view.sockets.filter((r) => r.state === 'ESTABLISHED' && r.pid === pid)).toHaveLength(2);
  });
});
