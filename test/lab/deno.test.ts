// The lab under Deno: a Deno process runs fixtures/deno-lab-smoke.ts and reports JSON.
// (The whole suite also runs under Deno: `deno run -A npm:vitest run test/lab`.)
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';

const deno = spawnSync('deno', ['--version'], {encoding: 'utf8'});
const hasDeno = deno.status === 0;
if (!hasDeno) console.warn('deno is not on PATH: skipping the Deno smoke test (install it: npm install --prefix DIR deno)');

describe.skipIf(!hasDeno)('lab under Deno', () => {
  it('TCP, UDP (implicit bind), Unix, scan, OS view and dispose work', () => {
    const smoke = new URL('./fixtures/deno-lab-smoke.ts', import.meta.url).pathname;
    const r = spawnSync('deno', ['run', '-A', '--quiet', smoke], {encoding: 'utf8', timeout: 60_000});
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(out).toMatchObject({ok: true, runtime: 'deno'});
    expect(out.tcp).toMatchObject({accept: 'srv#1', preview: 'hi from deno', c: {bytesOut: 12, bytesIn: 4, state: 'connected'}});
    expect(out.tcp.types).toEqual(['socket', 'bind', 'connect', 'send', 'data']);
    expect(out.inUse).toMatchObject({code: 'EADDRINUSE', holders: [{socket: 'srv'}]});
    expect(out.udp).toMatchObject({types: ['socket', 'bind', 'send'], implicit: true, from: {address: '127.0.0.1'}});
    expect(out.udp.from.port).toBe(out.udp.txPort);
    expect(out.udpConnect).toEqual(['socket', 'bind', 'send', 'connect', 'send', 'disconnect']);
    expect(out.unix).toMatchObject({preview: 'unix!'});
    expect(out.scan.ports).toEqual([{port: expect.any(Number), open: true}]);
    if (process.platform === 'linux') {
      expect(out.os.available).toBe(true);
      expect(out.os.mine).toEqual(expect.arrayContaining(['tcp LISTEN', 'tcp ESTABLISHED', 'udp UNCONN', 'unix LISTEN']));
      expect(out.afterDispose).toEqual({snapshot: 0, mine: 0, unixFileGone: true});
    }
    expect(out.refused).toBe('ECONNREFUSED');
  });

  it('without permissions Unix sockets fail with a typed EPERM, not a crash', () => {
    const code = `import {Lab} from ${JSON.stringify(new URL('../../src/lab/index.ts', import.meta.url).pathname)};
const lab = new Lab();
const r = await lab.listenUnix({name: 'u'}).then(() => 'listening', (e) => e.code + ':' + e.operation);
const t = await lab.listen({name: 't'}).then(() => 'listening', (e) => e.code);
const v = await lab.osView();
console.log(JSON.stringify({r, t, v}));
await lab.dispose();`;
    // Read access for the sources only; no write, no net, no /proc.
    const r = spawnSync('deno', ['run', '--quiet', '--no-prompt', `--allow-read=${new URL('../..', import.meta.url).pathname}`, '-'], {input: code, encoding: 'utf8', timeout: 60_000});
    const out = JSON.parse(r.stdout.trim() || '{}');
    expect(out.r).toBe('EPERM:listen');
    expect(out.t).toBe('EPERM');
    expect(out.v).toMatchObject({available: false});
  });
});
