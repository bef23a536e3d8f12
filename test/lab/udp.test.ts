import {describe, expect, it} from 'vitest';
import {is, newLab, port, typesOf} from './helpers.ts';

describe('UDP', () => {
  it('an empty socket has no address; bind to port 0 gives one', async () => {
    const lab = newLab();
    const u = lab.socket('udp', 'u');
    expect(u).toMatchObject({protocol: 'udp', role: 'datagram', state: 'new'});
    expect(u.local).toBeUndefined();
    const b = await lab.bind('u', {host: '127.0.0.1', port: 0});
    expect(b.state).toBe('bound');
    expect(b.local).toMatchObject({kind: 'inet', address: '127.0.0.1', family: 'IPv4'});
    expect(port(b)).toBeGreaterThan(0);
    expect(typesOf(lab, 'u')).toEqual(['socket', 'bind']);
  });

  it('first sendto on an unbound socket: implicit bind event (OS-chosen port) before send; receiver sees the sender address', async () => {
    const lab = newLab();
    lab.socket('udp', 'rx');
    const rx = await lab.bind('rx', {host: '127.0.0.1', port: 0});
    lab.socket('udp', 'tx');
    const since = lab.lastSeq;
    await lab.sendto('tx', {host: '127.0.0.1', port: port(rx)}, 'datagram one');
    expect(typesOf(lab, 'tx')).toEqual(['socket', 'bind', 'send']);
    const bind = lab.history().find((e) => e.type === 'bind' && e.socket === 'tx')!;
    expect(bind).toMatchObject({implicit: true});
    const txPort = port(lab.get('tx')!);
    expect(bind.local).toMatchObject({port: txPort});
    const send = lab.history().find((e) => e.type === 'send' && e.socket === 'tx')!;
    expect(send).toMatchObject({bytes: 12, to: {address: '127.0.0.1', port: port(rx)}});
    const msg = await lab.waitFor(is('message', 'rx'), {since});
    expect(msg).toMatchObject({bytes: 12, preview: 'datagram one', from: {kind: 'inet', address: '127.0.0.1', port: txPort}});
    expect(lab.get('rx')).toMatchObject({datagramsIn: 1, bytesIn: 12});
    expect(lab.get('tx')).toMatchObject({datagramsOut: 1, bytesOut: 12});
  });

  it('one socket sends to two receivers; datagram boundaries are kept', async () => {
    const lab = newLab();
    const a = (lab.socket('udp', 'a'), await lab.bind('a', {host: '127.0.0.1', port: 0}));
    const b = (lab.socket('udp', 'b'), await lab.bind('b', {host: '127.0.0.1', port: 0}));
    lab.socket('udp', 'tx');
    const since = lab.lastSeq;
    await lab.sendto('tx', {host: '127.0.0.1', port: port(a)}, 'one');
    await lab.sendto('tx', {host: '127.0.0.1', port: port(a)}, 'two');
    await lab.sendto('tx', {host: '127.0.0.1', port: port(b)}, 'three');
    await lab.waitFor(() => lab.get('a')!.datagramsIn === 2 && lab.get('b')!.datagramsIn === 1, {since});
    const previews = (s: string) => lab.history().filter((e) => e.type === 'message' && e.socket === s).map((e) => (e.type === 'message' ? e.preview : ''));
    expect(previews('a')).toEqual(['one', 'two']);
    expect(previews('b')).toEqual(['three']);
  });

  it('connect records a default peer without sending anything; send then needs no address; disconnect forgets it', async () => {
    const lab = newLab();
    const rx = (lab.socket('udp', 'rx'), await lab.bind('rx', {host: '127.0.0.1', port: 0}));
    lab.socket('udp', 'tx');
    const since = lab.lastSeq;
    const c = await lab.connectUdp('tx', {host: '127.0.0.1', port: port(rx)});
    expect(c).toMatchObject({state: 'connected', remote: {address: '127.0.0.1', port: port(rx)}});
    expect(typesOf(lab, 'tx')).toEqual(['socket', 'bind', 'connect']);
    expect(lab.history().some((e) => e.seq > since && e.socket === 'rx')).toBe(false); // no packet
    await expect(lab.sendto('tx', {host: '127.0.0.1', port: port(rx)}, 'x')).rejects.toMatchObject({code: 'ESTATE'});
    await lab.send('tx', 'via default peer');
    await lab.waitFor(is('message', 'rx'), {since});
    const d = lab.disconnectUdp('tx');
    expect(d.state).toBe('bound');
    expect(d.remote).toBeUndefined();
    await expect(lab.send('tx', 'x')).rejects.toMatchObject({code: 'ESTATE', operation: 'send'});
    expect(typesOf(lab, 'tx')).toEqual(['socket', 'bind', 'connect', 'send', 'disconnect']);
  });

  it('TCP 5000 and UDP 5000 are different ports (same number, both bound)', async () => {
    const lab = newLab();
    const t = await lab.listen({name: 't', host: '127.0.0.1', port: 0});
    lab.socket('udp', 'u');
    const u = await lab.bind('u', {host: '127.0.0.1', port: port(t)});
    expect(port(u)).toBe(port(t));
  });

  it('errors: EADDRINUSE with holder, EMSGSIZE, non-loopback', async () => {
    const lab = newLab();
    const a = (lab.socket('udp', 'a'), await lab.bind('a', {host: '127.0.0.1', port: 0}));
    lab.socket('udp', 'b');
    const err = await lab.bind('b', {host: '127.0.0.1', port: port(a)}).catch((e: unknown) => e);
    expect(err).toMatchObject({code: 'EADDRINUSE', operation: 'bind', socket: 'b'});
    expect((err as {holders: unknown[]}).holders).toContainEqual(expect.objectContaining({socket: 'a'}));
    expect(lab.get('b')!.state).toBe('new'); // still usable
    await lab.bind('b', {host: '127.0.0.1', port: 0});
    await expect(lab.sendto('b', {host: '127.0.0.1', port: port(a)}, new Uint8Array(70_000))).rejects.toMatchObject({code: 'EMSGSIZE', operation: 'sendto'});
    expect(lab.history().some((e) => e.type === 'error' && e.socket === 'b' && e.error.code === 'EMSGSIZE')).toBe(true);
    await expect(lab.sendto('b', {host: '192.0.2.1', port: 9}, 'x')).rejects.toMatchObject({code: 'ENOTLOOPBACK'});
    await lab.close('b');
    expect(lab.get('b')).toBeUndefined();
    expect(typesOf(lab, 'b').at(-1)).toBe('close');
  });

  it('IPv6 loopback datagrams', async () => {
    const lab = newLab();
    const rx = (lab.socket('udp', 'rx'), await lab.bind('rx', {host: '::1', port: 0}));
    expect(rx.local).toMatchObject({address: '::1', family: 'IPv6'});
    lab.socket('udp', 'tx');
    const since = lab.lastSeq;
    await lab.sendto('tx', {host: '::1', port: port(rx)}, 'v6');
    const m = await lab.waitFor(is('message', 'rx'), {since});
    expect(m).toMatchObject({from: {family: 'IPv6'}});
  });

  it('closing an unbound socket just forgets it', async () => {
    const lab = newLab();
    lab.socket('udp', 'u');
    await lab.close('u');
    expect(typesOf(lab, 'u')).toEqual(['socket', 'close']);
  });
});
