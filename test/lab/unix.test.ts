import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {is, newLab, typesOf} from './helpers.ts';

describe.skipIf(process.platform === 'win32')('Unix domain sockets', () => {
  it('listens on a fresh private path, accepts, data both ways, removes the file on close', async () => {
    const lab = newLab();
    const srv = await lab.listenUnix({name: 'u'});
    expect(srv).toMatchObject({protocol: 'unix', role: 'passive', state: 'listening', local: {kind: 'unix'}});
    const file = srv.local!.kind === 'unix' ? srv.local!.path : '';
    expect(fs.statSync(file).isSocket()).toBe(true);
    expect((fs.statSync(path.dirname(file)).mode & 0o077)).toBe(0); // private dir
    const since = lab.lastSeq;
    const c = await lab.connectUnix({name: 'c', path: file});
    expect(c.remote).toEqual({kind: 'unix', path: file});
    const acc = await lab.waitFor(is('accept', 'u'), {since});
    expect(acc).toMatchObject({child: 'u#1', local: {kind: 'unix', path: file}});
    await lab.send('c', 'ping');
    await lab.waitFor(is('data', 'u#1'), {since});
    await lab.send('u#1', 'pong!');
    await expect(lab.waitFor(is('data', 'c'), {since})).resolves.toMatchObject({bytes: 5, preview: 'pong!'});
    expect(typesOf(lab, 'c')).toEqual(['socket', 'connect', 'send', 'data']);
    await lab.close('u');
    expect(fs.existsSync(file)).toBe(false);
    await lab.dispose();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('connect to a missing path: ENOENT; a path in use: EADDRINUSE (and the other file is not removed)', async () => {
    const lab = newLab();
    await expect(lab.connectUnix({name: 'c', path: '/nonexistent-dir-for-lab/x.sock'})).rejects.toMatchObject({code: 'ENOENT', operation: 'connect'});
    const srv = await lab.listenUnix({name: 'a'});
    const file = srv.local!.kind === 'unix' ? srv.local!.path : '';
    await expect(lab.listenUnix({name: 'b', path: file})).rejects.toMatchObject({code: 'EADDRINUSE', operation: 'listen'});
    expect(fs.existsSync(file)).toBe(true);
  });
});
