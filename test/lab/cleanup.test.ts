import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnChild} from './child.ts';
import {newLab} from './helpers.ts';

const CHILD = new URL('./fixtures/lab-child.ts', import.meta.url).pathname;
const linux = process.platform === 'linux';

async function start(mode: 'cleanup' | 'nocleanup') {
  const child = spawnChild(process.execPath, [CHILD, mode]);
  const info = (await child.next((m) => m.ready === true, 15_000)) as {pid: number; tcpPort: number; udpPort: number; unixPath: string};
  return {child, info};
}

/** The child's sockets in the OS table (Linux), proving they are open before and gone after. */
async function socketsOf(info: {pid: number; tcpPort: number; udpPort: number; unixPath: string}) {
  const view = await newLab().osView({all: true});
  if (!view.available) throw new Error(view.reason);
  // Only the lab's own: its stdio are Unix socket pairs too, and a runtime may open others.
  const ports = [info.tcpPort, info.udpPort];
  return view.sockets.filter((s) => s.pid === info.pid && (s.local.kind === 'unix'
    ? s.local.path === info.unixPath
    : ports.includes(s.local.port) || (s.remote?.kind === 'inet' && s.remote.port === info.tcpPort)));
}

describe.skipIf(process.platform === 'win32')('cleanup on exit and signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal}: every socket closed, the Unix socket file and its dir removed, the process dies of the signal`, async () => {
      const {child, info} = await start('cleanup');
      expect(fs.existsSync(info.unixPath)).toBe(true);
      if (linux) expect((await socketsOf(info)).length).toBe(5); // listener, client, accepted, udp, unix
      child.proc.kill(signal);
      const exit = await child.exited;
      expect(exit.signal).toBe(signal);
      expect(fs.existsSync(info.unixPath)).toBe(false);
      expect(fs.existsSync(path.dirname(info.unixPath))).toBe(false);
      if (linux) expect(await socketsOf(info)).toEqual([]);
    });
  }

  it('uncaught exception and plain exit also clean up', async () => {
    const a = await start('cleanup');
    a.child.send('throw');
    expect((await a.child.exited).code).not.toBe(0);
    expect(fs.existsSync(a.info.unixPath)).toBe(false);
    const b = await start('cleanup');
    b.child.send('exit');
    expect((await b.child.exited).code).toBe(0);
    expect(fs.existsSync(b.info.unixPath)).toBe(false);
  });

  it('control: without installExitCleanup a SIGTERM leaves the Unix socket file behind', async () => {
    const {child, info} = await start('nocleanup');
    child.proc.kill('SIGTERM');
    await child.exited;
    try {
      expect(fs.existsSync(info.unixPath)).toBe(true);
    } finally {
      fs.rmSync(path.dirname(info.unixPath), {recursive: true, force: true});
    }
  });
});
