// Pure parts: address parsing, lsof parsing, the event ring, names.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {isLoopback} from '../../src/lab/index.ts';
import {EventBus} from '../../src/lab/event-bus.ts';
import {parseInetTable, parseProcAddress, parseUnixTable} from '../../src/lab/os-view/linux-proc.ts';
import {parseLsof} from '../../src/lab/os-view/lsof.ts';
import {diffOs} from '../../src/lab/os-view/index.ts';
import {formatIPv6} from '../../src/lab/os-view/ipv6.ts';
import {is, newLab, port} from './helpers.ts';

describe('addresses', () => {
  it('loopback check', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.1', 'example.org', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopback(h)).toBe(false);
  });

  it('/proc/net addresses', () => {
    expect(parseProcAddress('0100007F:1F90', false)).toEqual({kind: 'inet', address: '127.0.0.1', port: 8080, family: 'IPv4'});
    expect(parseProcAddress('00000000000000000000000001000000:0050', true)).toMatchObject({address: '::1', port: 80});
    expect(parseProcAddress('0000000000000000FFFF00000100007F:0050', true)).toMatchObject({address: '::ffff:127.0.0.1'});
    expect(parseProcAddress('00000000000000000000000000000000:0000', true)).toMatchObject({address: '::', port: 0});
    expect(formatIPv6(new Uint8Array([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]))).toBe('2001:db8::1:0:0:1');
  });

  it('/proc/net tables', () => {
    const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 1593 1 0 100 0 0 10 0
   1: 0100007F:D480 0100007F:1F90 06 00000000:00000000 03:0000105A 00000000     0        0 0 3 0`;
    const rows = parseInetTable(tcp, 'tcp');
    expect(rows[0]).toMatchObject({state: 'LISTEN', recvQueue: 2, inode: 1593, local: {port: 8080}});
    expect(rows[0]!.remote).toBeUndefined();
    expect(rows[1]).toMatchObject({state: 'TIME_WAIT', inode: 0, remote: {port: 8080}});
    const udp = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  10: 0100007F:9C40 00000000:0000 07 00000000:00000300 00:00000000 00000000     0        0 777 2 0000000000000000 42`;
    expect(parseInetTable(udp, 'udp')[0]).toMatchObject({state: 'UNCONN', drops: 42, recvQueue: 0x300});
    const unix = `Num       RefCount Protocol Flags    Type St Inode Path
0000000084893564: 00000002 00000000 00010000 0001 01 14884 /tmp/x/a.sock
00000000927baec7: 00000003 00000000 00000000 0001 03 14888`;
    expect(parseUnixTable(unix)).toMatchObject([
      {state: 'LISTEN', inode: 14884, local: {kind: 'unix', path: '/tmp/x/a.sock'}},
      {state: 'CONNECTED', inode: 14888, local: {kind: 'unix', path: ''}},
    ]);
  });

  it('lsof -F output (macOS style and Linux style)', () => {
    const text = ['p501', 'cnc', 'f3', 'tIPv4', 'PTCP', 'n127.0.0.1:5000', 'TST=LISTEN', 'TQR=0', 'TQS=0',
      'f4', 'tIPv6', 'PTCP', 'n[::1]:5000->[::1]:61000', 'TST=ESTABLISHED', 'TQR=3', 'TQS=0',
      'p502', 'cnode', 'f7', 'tIPv4', 'PUDP', 'n*:6000', 'f8', 'tunix', 'n/tmp/a.sock', 'f9', 'tunix', 'n->0xabc', ''].join('\n');
    expect(parseLsof(text)).toEqual([
      {protocol: 'tcp', local: {kind: 'inet', address: '127.0.0.1', port: 5000, family: 'IPv4'}, state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 0, pid: 501, program: 'nc'},
      {protocol: 'tcp6', local: {kind: 'inet', address: '::1', port: 5000, family: 'IPv6'}, remote: {kind: 'inet', address: '::1', port: 61000, family: 'IPv6'}, state: 'ESTABLISHED', sendQueue: 0, recvQueue: 3, inode: 0, pid: 501, program: 'nc'},
      {protocol: 'udp', local: {kind: 'inet', address: '0.0.0.0', port: 6000, family: 'IPv4'}, state: 'UNCONN', sendQueue: 0, recvQueue: 0, inode: 0, pid: 502, program: 'node'},
      {protocol: 'unix', local: {kind: 'unix', path: '/tmp/a.sock'}, state: 'UNKNOWN', sendQueue: 0, recvQueue: 0, inode: 0, pid: 502, program: 'node'},
      {protocol: 'unix', local: {kind: 'unix', path: ''}, state: 'UNKNOWN', sendQueue: 0, recvQueue: 0, inode: 0, pid: 502, program: 'node'},
    ]);
  });

  it.skipIf(process.platform === 'win32')('lsof on this machine sees the lab’s listener like /proc does', async () => {
    try {
      execFileSync('lsof', ['-v'], {stdio: 'ignore'});
    } catch (e) {
      if ((e as {code?: string}).code === 'ENOENT') return; // no lsof here
    }
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const out = execFileSync('lsof', ['-nP', '-w', '-T', 'qs', '-F', 'pcfPtTni', '-a', '-p', String(process.pid), '-i', `TCP:${port(srv)}`], {encoding: 'utf8'});
    expect(parseLsof(out)).toContainEqual(expect.objectContaining({protocol: 'tcp', state: 'LISTEN', pid: process.pid, local: srv.local}));
  });

  it('diffOs: added, state change (ESTABLISHED → TIME_WAIT), removed', () => {
    const est = {protocol: 'tcp' as const, local: {kind: 'inet' as const, address: '127.0.0.1', port: 1, family: 'IPv4' as const}, remote: {kind: 'inet' as const, address: '127.0.0.1', port: 2, family: 'IPv4' as const}, state: 'ESTABLISHED', sendQueue: 0, recvQueue: 0, inode: 5};
    const a = diffOs(new Map(), [est]);
    expect(a.changes).toEqual([{change: 'added', entry: est}]);
    const tw = {...est, state: 'TIME_WAIT', inode: 0};
    const b = diffOs(a.next, [tw]);
    expect(b.changes).toEqual([{change: 'state', entry: tw, previousState: 'ESTABLISHED'}]);
    expect(diffOs(b.next, []).changes).toEqual([{change: 'removed', entry: tw}]);
  });
});

describe('event ring', () => {
  it('keeps the last N events, strictly increasing seq and monotonic t; waitFor(since) finds past events', async () => {
    const bus = new EventBus(3);
    for (let k = 0; k < 5; k++) bus.emit({type: 'connect', socket: `s${k}`, protocol: 'tcp'});
    const h = bus.history();
    expect(h.map((e) => e.socket)).toEqual(['s2', 's3', 's4']);
    expect(h.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(h[0]!.t <= h[1]!.t && h[1]!.t <= h[2]!.t).toBe(true);
    await expect(bus.waitFor((e) => e.socket === 's3', {since: 3})).resolves.toMatchObject({seq: 4});
    const late = bus.waitFor((e) => e.socket === 's3', {since: 4, timeoutMs: 1000});
    bus.emit({type: 'connect', socket: 's3', protocol: 'tcp'});
    await expect(late).resolves.toMatchObject({seq: 6});
  });

  it('a throwing listener does not stop other listeners; a throwing predicate rejects waitFor', async () => {
    const bus = new EventBus(10);
    const seen: number[] = [];
    const errors: unknown[] = [];
    const onErr = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onErr);
    try {
      bus.subscribe(() => {
        throw new Error('listener bug');
      });
      bus.subscribe((e) => seen.push(e.seq));
      const w = bus.waitFor(() => {
        throw new Error('predicate bug');
      });
      bus.emit({type: 'connect', socket: 'a', protocol: 'tcp'});
      await expect(w).rejects.toThrow('predicate bug');
      expect(seen).toEqual([1]);
      await new Promise((r) => setImmediate(r));
      expect(errors.length).toBe(1);
    } finally {
      process.off('uncaughtException', onErr);
    }
  });
});

describe('limits and more errors', () => {
  it('bounded buffered data per socket: ELIMIT past maxBufferedBytes', async () => {
    const lab = newLab({maxBufferedBytes: 64 * 1024, halfOpen: true});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await expect(lab.send('c', new Uint8Array(65 * 1024))).rejects.toMatchObject({code: 'ELIMIT', operation: 'send', socket: 'c'});
  });

  it('previews are a short raw prefix', async () => {
    const lab = newLab({previewBytes: 8});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    await lab.send('c', 'abcdefghijklmnop');
    const d = await lab.waitFor(is('data', 'srv#1'), {since});
    expect(d).toMatchObject({bytes: 16, preview: 'abcdefgh'});
  });

  it('EADDRNOTAVAIL: binding an address this host does not have (with the non-loopback opt-in)', async () => {
    const lab = newLab({allowNonLoopback: true});
    lab.socket('udp', 'u');
    await expect(lab.bind('u', {host: '192.0.2.77', port: 0})).rejects.toMatchObject({code: 'EADDRNOTAVAIL', operation: 'bind', socket: 'u'});
    const e = await lab.listen({name: 't', host: '192.0.2.77', port: 0}).catch((x: unknown) => x);
    // Deno's node:net reports this as EINVAL (its errno is lost), which the lab passes on as sysCode.
    if ('Deno' in globalThis) expect(e).toMatchObject({code: 'EOTHER', sysCode: 'EINVAL', operation: 'listen'});
    else expect(e).toMatchObject({code: 'EADDRNOTAVAIL', operation: 'listen'});
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('EACCES: a port below 1024 without privileges', async () => {
    const lab = newLab();
    const r = await lab.listen({name: 'low', host: '127.0.0.1', port: 1}).catch((e: unknown) => e);
    // Some systems allow unprivileged low ports (ip_unprivileged_port_start); then it is simply open.
    if ((r as {code?: string}).code !== undefined) expect(r).toMatchObject({code: 'EACCES', operation: 'listen'});
  });
});

describe('argument checks', () => {
  it('bad port numbers are typed errors', async () => {
    const lab = newLab();
    await expect(lab.listen({name: 'x', port: 70000})).rejects.toMatchObject({code: 'EOTHER', sysCode: 'ERR_SOCKET_BAD_PORT', operation: 'listen'});
    await expect(lab.connect({host: '127.0.0.1', port: -1})).rejects.toMatchObject({code: 'EOTHER', sysCode: 'ERR_SOCKET_BAD_PORT'});
    expect(lab.snapshot()).toEqual([]);
  });
});
