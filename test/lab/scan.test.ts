import {describe, expect, it} from 'vitest';
import {newLab, port} from './helpers.ts';

describe('scan', () => {
  it('finds exactly the lab’s own listeners in a run of loopback ports, and closes every probe', async () => {
    const lab = newLab();
    const a = port(await lab.listen({name: 'a', host: '127.0.0.1', port: 0}));
    const b = port(await lab.listen({name: 'b', host: '127.0.0.1', port: 0}));
    // Closed ports: listeners we opened and closed again (nothing else can be assumed closed).
    const closed: number[] = [];
    for (let k = 0; k < 3; k++) {
      closed.push(port(await lab.listen({name: `tmp${k}`, host: '127.0.0.1', port: 0})));
      await lab.close(`tmp${k}`);
    }
    const ports = [a, ...closed, b];
    const since = lab.lastSeq;
    const r = await lab.scan('127.0.0.1', ports, {concurrency: 2, timeoutMs: 2000});
    expect(r.host).toBe('127.0.0.1');
    expect(r.ports).toEqual([{port: a, open: true}, ...closed.map((p) => ({port: p, open: false})), {port: b, open: true}]);
    // The probes really connected: each listener accepted one connection, which then closed.
    for (const l of ['a', 'b']) {
      await lab.waitFor((e) => e.type === 'close' && e.socket === `${l}#1`, {since, timeoutMs: 5000});
    }
    expect(lab.snapshot().map((s) => s.name).sort()).toEqual(['a', 'b']);
    if (process.platform === 'linux') {
      const view = await lab.osView();
      if (!view.available) throw new Error(view.reason);
      const live = view.sockets.filter((s) => s.pid === process.pid);
      expect(live.map((s) => s.state).sort()).toEqual(['LISTEN', 'LISTEN']);
    }
  });

  it('limits: loopback only unless opted in, at most 1024 ports, valid port numbers', async () => {
    const lab = newLab();
    await expect(lab.scan('192.0.2.1', [80])).rejects.toMatchObject({code: 'ENOTLOOPBACK', operation: 'scan'});
    await expect(lab.scan('127.0.0.1', Array.from({length: 1025}, (_, i) => i + 1))).rejects.toMatchObject({code: 'ELIMIT', operation: 'scan'});
    await expect(lab.scan('127.0.0.1', [0])).rejects.toMatchObject({code: 'EOTHER', sysCode: 'ERR_SOCKET_BAD_PORT'});
  });

  it('scans IPv6 loopback', async () => {
    const lab = newLab();
    const a = port(await lab.listen({name: 'a', host: '::1', port: 0}));
    const r = await lab.scan('::1', [a]);
    expect(r.ports).toEqual([{port: a, open: true}]);
  });
});
