import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {OsSocket} from '../../src/lab/index.ts';
import {PEER, spawnChild} from './child.ts';
import {is, newLab, port} from './helpers.ts';

const linux = process.platform === 'linux';

function rows(view: Awaited<ReturnType<ReturnType<typeof newLab>['osView']>>): OsSocket[] {
  if (!view.available) throw new Error(`OS view unavailable: ${view.reason}`);
  return view.sockets;
}

describe.skipIf(!linux)('OS view (Linux /proc)', () => {
  it('shows the lab’s listener, both ends of a connection, owners and states', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    const view = rows(await lab.osView());
    const listen = view.find((r) => r.state === 'LISTEN' && r.local.kind === 'inet' && r.local.port === port(srv));
    expect(listen).toMatchObject({protocol: 'tcp', local: srv.local, pid: process.pid});
    expect(listen!.program).toBeTruthy();
    const client = view.find((r) => r.local.kind === 'inet' && r.local.port === port(c) && r.remote?.kind === 'inet' && r.remote.port === port(srv));
    expect(client).toMatchObject({remote: c.remote, pid: process.pid});
    const server = view.find((r) => r.remote?.kind === 'inet' && r.remote.port === port(c) && r.local.kind === 'inet' && r.local.port === port(srv));
    expect(server).toMatchObject({state: 'ESTABLISHED', local: {port: port(srv)}, pid: process.pid});
    // The full table is bigger than ours, and contains ours.
    const all = rows(await lab.osView({all: true}));
    expect(all.length).toBeGreaterThanOrEqual(view.length);
  });

  it('a process outside the lab connecting to the lab’s port appears with its pid', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    const peer = spawnChild(process.execPath, [PEER, 'client', String(port(srv))]);
    const hello = await peer.next((m) => m.event === 'connected');
    const acc = await lab.waitFor(is('accept', 'srv'), {since});
    expect(acc.remote).toMatchObject({port: hello.localPort});
    const view = rows(await lab.osView());
    // (match the whole 4-tuple: an old TIME_WAIT row may share the ephemeral port)
    const theirs = view.find((r) => r.local.kind === 'inet' && r.local.port === hello.localPort && r.remote?.kind === 'inet' && r.remote.port === port(srv));
    expect(theirs).toMatchObject({state: 'ESTABLISHED', pid: hello.pid, program: path.basename(process.execPath)});
    expect(theirs!.pid).not.toBe(process.pid);
  });

  it('watchOs emits changes: a new listener is added, a closed connection enters TIME_WAIT', async () => {
    const lab = newLab();
    const stop = lab.watchOs();
    try {
      const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
      const since = lab.lastSeq;
      const added = await lab.waitFor((e) => e.type === 'os' && e.change === 'added' && e.entry.state === 'LISTEN', {since, timeoutMs: 5000});
      expect(added).toMatchObject({socket: 'srv', protocol: 'tcp', local: srv.local});
      const c = await lab.connect({name: 'c', host: '127.0.0.1', port: port(srv)});
      await lab.waitFor(is('accept'), {since});
      await lab.waitFor((e) => e.type === 'os' && e.entry.local.kind === 'inet' && e.entry.local.port === port(c) && e.entry.remote?.kind === 'inet' && e.entry.remote.port === port(srv) && e.entry.state === 'ESTABLISHED', {since, timeoutMs: 5000});
      const s2 = lab.lastSeq;
      await lab.close('c'); // the side that closes first keeps TIME_WAIT
      const tw = await lab.waitFor(
        (e) => e.type === 'os' && e.entry.local.kind === 'inet' && e.entry.local.port === port(c) && e.entry.remote?.kind === 'inet' && e.entry.remote.port === port(srv) && e.entry.state === 'TIME_WAIT',
        {since: s2, timeoutMs: 5000},
      );
      expect(tw).toMatchObject({change: 'state'});
      expect(tw.type === 'os' && tw.entry.pid).toBeUndefined(); // nobody owns a TIME_WAIT
    } finally {
      stop();
    }
  });

  it('EADDRINUSE names the other process that holds the port', async () => {
    const lab = newLab();
    const holder = spawnChild(process.execPath, [PEER, 'server']);
    const {port: held, pid} = await holder.next((m) => m.event === 'listening');
    const err = await lab.listen({name: 'x', host: '127.0.0.1', port: held as number}).catch((e: unknown) => e);
    expect(err).toMatchObject({code: 'EADDRINUSE', operation: 'listen', address: {port: held}});
    expect((err as {holders: unknown[]}).holders).toContainEqual({pid, program: path.basename(process.execPath)});
  });

  it('after dispose, no socket of this lab remains in the OS table', async () => {
    const lab = newLab();
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const since = lab.lastSeq;
    await lab.connect({host: '127.0.0.1', port: port(srv)});
    await lab.waitFor(is('accept'), {since});
    lab.socket('udp', 'u');
    await lab.bind('u', {host: '127.0.0.1', port: 0});
    const u6 = await lab.listenUnix({name: 'ux'});
    expect(rows(await lab.osView()).filter((r) => r.pid === process.pid).length).toBe(5);
    await lab.dispose();
    const after = rows(await lab.osView());
    expect(after.filter((r) => r.pid === process.pid || r.inode !== 0)).toEqual([]);
    expect(after.every((r) => r.state === 'TIME_WAIT')).toBe(true);
    expect(u6.local?.kind).toBe('unix');
  });
});
