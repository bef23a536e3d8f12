import {describe, expect, it} from 'vitest';
import {LabError, type OsSocket} from '../../src/lab/index.ts';
import {is, newLab, port, typesOf} from './helpers.ts';

describe('TCP', () => {
  it('listens on port 0 and reports the OS-chosen port', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    expect(srv).toMatchObject({name: 'srv', protocol: 'tcp', role: 'passive', state: 'listening'});
    expect(srv.local).toMatchObject({kind: 'inet', address: '127.0.0.1', family: 'IPv4'});
    expect(port(srv)).toBeGreaterThan(0);
    expect(typesOf(lab, 'srv')).toEqual(['socket', 'bind', 'listen']);
    expect(lab.snapshot().map((s) => s.name)).toEqual(['srv']);
  });

  it('connects, accepts with listener-based names, moves data both ways with exact counts', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    const c1 = await lab.connect({host: '127.0.0.1', port: port(srv)});
    const c2 = await lab.connect({name: 'cli', host: '127.0.0.1', port: port(srv)});
    expect(c1.name).toBe('s1');
    expect(c2.name).toBe('cli');
    expect(c1.state).toBe('connected');
    expect(c1.remote).toMatchObject({address: '127.0.0.1', port: port(srv)});
    const a1 = await lab.waitFor(is('accept', 'srv'), {since, timeoutMs: 5000});
    const a2 = await lab.waitFor((e) => e.type === 'accept' && e.seq > a1.seq, {since, timeoutMs: 5000});
    const children = [a1, a2].map((e) => (e.type === 'accept' ? e.child : ''));
    expect(children.sort()).toEqual(['srv#1', 'srv#2']);
    // The accepted socket's remote is the client's local, exactly.
    const c1Port = port(c1);
    const child1 = lab.snapshot().find((s) => s.remote?.kind === 'inet' && s.remote.port === c1Port)!;
    expect(child1.parent).toBe('srv');
    expect(child1.local).toEqual(c1.remote);

    const s2 = lab.lastSeq;
    await lab.send('s1', 'hello, server');
    await lab.waitFor((e) => e.type === 'data' && e.socket === child1.name, {since: s2, timeoutMs: 5000});
    await lab.send(child1.name, 'سلام');
    const d = await lab.waitFor(is('data', 's1'), {since: s2, timeoutMs: 5000});
    expect(d.type === 'data' && d.preview).toBe('سلام');
    expect(lab.get('s1')).toMatchObject({bytesOut: 13, bytesIn: 8});
    expect(lab.get(child1.name)).toMatchObject({bytesIn: 13, bytesOut: 8});
    expect(typesOf(lab, 's1')).toEqual(['socket', 'bind', 'connect', 'send', 'data']);
    const bind = lab.history().find((e) => e.type === 'bind' && e.socket === 's1');
    expect(bind).toMatchObject({implicit: true, local: c1.local});
  });

  it('close of one side closes both (peer FIN ends the accepted socket)', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    await lab.close('c');
    expect(lab.get('c')).toBeUndefined();
    const close = await lab.waitFor(is('close', 'srv#1'), {since, timeoutMs: 5000});
    expect(close).toMatchObject({hadError: false});
    expect(typesOf(lab, 'srv#1')).toEqual(['end', 'close']);
    expect(lab.snapshot().map((s) => s.name)).toEqual(['srv']);
  });

  it('half-close: end() sends FIN and keeps reading', async () => {
    const lab = newLab({halfOpen: true});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    await lab.end('c');
    expect(lab.get('c')!.state).toBe('half-closed');
    await lab.waitFor(is('end', 'srv#1'), {since});
    expect(lab.get('srv#1')!.state).toBe('half-closed');
    await lab.send('srv#1', 'still here');
    const d = await lab.waitFor(is('data', 'c'), {since});
    expect(d).toMatchObject({bytes: 10, preview: 'still here'});
    await expect(lab.send('c', 'x')).rejects.toMatchObject({code: 'EPIPE', operation: 'send'});
    await lab.close('srv#1');
    await lab.waitFor(is('close', 'c'), {since});
  });

  it('holdOpen: without halfOpen, a held socket stays in CLOSE_WAIT after its peer shuts down, until closed', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    lab.holdOpen('srv#1');
    // This connection's two rows only (an older TIME_WAIT may share c's port number).
    const pair = (o: OsSocket, a: number, b: number) => o.local.kind === 'inet' && o.local.port === a && o.remote?.kind === 'inet' && o.remote.port === b;
    const isOurs = (o: OsSocket) => pair(o, port(c), port(srv)) || pair(o, port(srv), port(c));
    const statesNow = async () => {
      const view = await lab.osView();
      return (view.available ? view.sockets : []).filter(isOurs).map((o) => `${o.local.kind === 'inet' ? o.local.port : ''}:${o.state}`).sort();
    };
    const stopOs = lab.watchOs();
    try {
      await lab.end('c');
      await lab.waitFor(is('end', 'srv#1'), {since});
      // Once c's FIN is acknowledged (FIN_WAIT2), the held side still waits for its program.
      await lab.waitFor((e) => e.type === 'os' && isOurs(e.entry) && e.entry.state === 'FIN_WAIT2', {since, timeoutMs: 5000});
      expect(await statesNow()).toEqual([`${port(c)}:FIN_WAIT2`, `${port(srv)}:CLOSE_WAIT`].sort());
    } finally {
      stopOs();
    }
    expect(lab.get('srv#1')!.state).toBe('half-closed');
    await lab.send('srv#1', 'bye');
    await lab.waitFor(is('data', 'c'), {since});
    await lab.close('srv#1');
    await lab.waitFor(is('close', 'c'), {since});
    expect(await statesNow()).toEqual([`${port(c)}:TIME_WAIT`]);
    expect(() => lab.holdOpen('srv')).toThrow(LabError);
  });

  it('reset sends RST: the peer gets ECONNRESET as a typed error event', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    await lab.reset('c');
    const err = await lab.waitFor(is('error', 'srv#1'), {since});
    expect(err.type === 'error' && err.error).toMatchObject({code: 'ECONNRESET', operation: 'recv', socket: 'srv#1'});
    await lab.waitFor(is('close', 'srv#1'), {since});
    expect(lab.history().find((e) => e.type === 'close' && e.socket === 'srv#1')).toMatchObject({hadError: true});
  });

  it('socket() then bind() then connect(): the connection leaves from the chosen local port', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    // A free port: the OS picks one for a throwaway listener that we then close.
    const probe = await lab.listen({name: 'probe', host: '127.0.0.1', port: 0});
    const chosen = port(probe);
    await lab.close('probe');
    lab.socket('tcp', 'c');
    const b = await lab.bind('c', {host: '127.0.0.1', port: chosen});
    expect(b).toMatchObject({state: 'bound', requestedLocal: {host: '127.0.0.1', port: chosen}});
    const since = lab.lastSeq;
    const c = await lab.connect({socket: 'c', host: '127.0.0.1', port: port(srv)});
    expect(c.local).toMatchObject({address: '127.0.0.1', port: chosen});
    const bind = await lab.waitFor(is('bind', 'c'), {since});
    expect(bind).toMatchObject({implicit: false});
    const acc = await lab.waitFor(is('accept', 'srv'), {since});
    expect(acc.remote).toMatchObject({port: chosen});
  });

  it('listen on a socket made by socket() and bind()', async () => {
    const lab = newLab();
    lab.socket('tcp', 'p');
    await lab.bind('p', {host: '127.0.0.1', port: 0});
    const p = await lab.listen({socket: 'p', backlog: 8});
    expect(p).toMatchObject({role: 'passive', state: 'listening'});
    expect(lab.history().find((e) => e.type === 'listen')).toMatchObject({backlog: 8, socket: 'p'});
  });

  it('IPv6 loopback', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv6', host: '::1', port: 0});
    expect(srv.local).toMatchObject({address: '::1', family: 'IPv6'});
    const c = await lab.connect({host: '::1', port: port(srv)});
    expect(c.remote).toMatchObject({address: '::1', family: 'IPv6', port: port(srv)});
  });

  it('typed errors: refused, address in use (with holder), non-loopback, names, state', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const err = await lab.listen({name: 'again', host: '127.0.0.1', port: port(srv)}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err).toMatchObject({code: 'EADDRINUSE', operation: 'listen', socket: 'again', address: {port: port(srv)}});
    expect((err as LabError).holders).toContainEqual(expect.objectContaining({socket: 'srv', pid: process.pid}));
    expect(lab.get('again')).toBeUndefined();

    await lab.close('srv');
    await expect(lab.connect({name: 'r', host: '127.0.0.1', port: port(srv)})).rejects.toMatchObject({
      code: 'ECONNREFUSED', operation: 'connect', socket: 'r', address: {address: '127.0.0.1', port: port(srv)},
    });
    expect(lab.get('r')).toBeUndefined();
    expect(typesOf(lab, 'r')).toEqual(['socket', 'error', 'close']);

    await expect(lab.connect({host: '10.1.2.3', port: 80})).rejects.toMatchObject({code: 'ENOTLOOPBACK'});
    await expect(lab.listen({host: '0.0.0.0', port: 0})).rejects.toMatchObject({code: 'ENOTLOOPBACK'});
    lab.socket('tcp', 'dup');
    expect(() => lab.socket('tcp', 'dup')).toThrow(expect.objectContaining({code: 'ENAME'}));
    expect(() => lab.socket('tcp', 'a#1')).toThrow(expect.objectContaining({code: 'ENAME'}));
    await expect(lab.send('dup', 'x')).rejects.toMatchObject({code: 'ESTATE'});
    await expect(lab.close('nope')).rejects.toMatchObject({code: 'ENAME'});
  });

  it('a socket made by socket() survives a refused connect, like a C socket', async () => {
    const lab = newLab();
    const p = await lab.listen({name: 'p', host: '127.0.0.1', port: 0});
    await lab.close('p');
    lab.socket('tcp', 'c');
    await expect(lab.connect({socket: 'c', host: '127.0.0.1', port: port(p)})).rejects.toMatchObject({code: 'ECONNREFUSED'});
    expect(lab.get('c')).toMatchObject({state: 'new'});
  });

  it('limits: at most maxSockets sockets', async () => {
    const lab = newLab({maxSockets: 3});
    lab.socket('tcp');
    lab.socket('udp');
    lab.socket('tcp');
    expect(() => lab.socket('tcp')).toThrow(expect.objectContaining({code: 'ELIMIT'}));
  });

  it('waitFor sees events that happened before it was called (since), and times out typed', async () => {
    const lab = newLab();
    const since = lab.lastSeq;
    await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    await expect(lab.waitFor(is('listen'), {since})).resolves.toMatchObject({socket: 'srv'});
    await expect(lab.waitFor(is('listen'), {timeoutMs: 20})).rejects.toMatchObject({code: 'ETIMEDOUT', operation: 'wait'});
  });

  it('dispose closes everything and is idempotent', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    await Promise.all([lab.dispose(), lab.dispose()]);
    expect(lab.snapshot()).toEqual([]);
    const closes = lab.history().filter((e) => e.type === 'close').map((e) => e.socket).sort();
    expect(closes).toEqual(['s1', 'srv', 'srv#1']);
    await expect(lab.connect({host: '127.0.0.1', port: port(srv)})).rejects.toMatchObject({code: 'ESTATE'});
  });
});

describe('TCP close while connecting', () => {
  it('close() during a pending connect: the connect rejects typed, the socket is gone, nothing hangs', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const pending = lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)}).catch((e: unknown) => e);
    expect(lab.get('c')?.state).toBe('connecting');
    await lab.close('c');
    expect(await pending).toMatchObject({code: 'ESTATE', operation: 'connect', sysCode: 'ECONNABORTED'});
    expect(lab.get('c')).toBeUndefined();
    expect(typesOf(lab, 'c')).toEqual(['socket', 'close']);
  });

  it('dispose() during pending connects', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const pending = Array.from({length: 5}, () => lab.connect({host: '127.0.0.1', port: port(srv)}).catch((e: {code: string}) => e.code));
    await lab.dispose();
    expect(await Promise.all(pending)).toEqual(Array(5).fill('ESTATE'));
    expect(lab.snapshot()).toEqual([]);
  });
});

describe('close while listen/bind is pending', () => {
  it('listen', async () => {
    const lab = newLab();
    const pending = lab.listen({name: 'srv', host: '127.0.0.1', port: 0}).catch((e: unknown) => e);
    await lab.close('srv');
    expect(await pending).toMatchObject({code: 'ESTATE', operation: 'listen', sysCode: 'ECONNABORTED'});
    expect(lab.snapshot()).toEqual([]);
    expect(typesOf(lab, 'srv')).toEqual(['socket', 'close']);
  });

  it('UDP bind', async () => {
    const lab = newLab();
    lab.socket('udp', 'u');
    const pending = lab.bind('u', {host: '127.0.0.1', port: 0}).catch((e: unknown) => e);
    await lab.close('u');
    expect(await pending).toMatchObject({code: 'ESTATE', operation: 'bind'});
    expect(lab.snapshot()).toEqual([]);
  });
});

describe('TCP connect from a chosen local port', () => {
  it('connect({localPort}) binds then connects; the listener sees that port', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const probe = await lab.listen({name: 'probe', host: '127.0.0.1', port: 0});
    await lab.close('probe');
    const since = lab.lastSeq;
    const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv), localHost: '127.0.0.1', localPort: port(probe)});
    expect(c.local).toEqual({kind: 'inet', address: '127.0.0.1', port: port(probe), family: 'IPv4'});
    expect(c).not.toHaveProperty('requestedLocal');
    await expect(lab.waitFor(is('bind', 'c'), {since})).resolves.toMatchObject({implicit: false});
    await expect(lab.waitFor(is('accept', 'srv'), {since})).resolves.toMatchObject({remote: {port: port(probe)}});
    // The same local port again, to the same destination: the 4-tuple is taken. (Linux says
    // EADDRNOTAVAIL at connect, since node binds with SO_REUSEADDR; others say EADDRINUSE.)
    const err = await lab.connect({name: 'd', host: '127.0.0.1', port: port(srv), localHost: '127.0.0.1', localPort: port(probe)}).catch((e: unknown) => e);
    if ('Deno' in globalThis) {
      // Deno's node:net loses the errno here and says EINVAL.
      expect(err).toMatchObject({code: 'EOTHER', sysCode: 'EINVAL', operation: 'connect', socket: 'd'});
    } else {
      expect(err).toMatchObject({operation: 'connect', socket: 'd', address: {address: '127.0.0.1', port: port(probe)}});
      expect(['EADDRNOTAVAIL', 'EADDRINUSE']).toContain((err as {code: string}).code);
    }
  });
});
