// Messages that say what is true (issue 11 item 11): a Unix path in a missing directory,
// a plain file where a socket should go, a leftover socket file, a non-loopback host (no
// ":0" port), the wildcard address; and IPv4-mapped loopback in any spelling is loopback.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createExecutor, type Outcome} from '../../src/commands/index.ts';
import {createI18n} from '../../src/i18n/setup.ts';
import {describeOutcome, translatorOf} from '../../src/ui/format/index.ts';
import {newLab, port} from '../lab/helpers.ts';
import {freshHome} from './app.ts';

/** The lab error of a failed outcome (undefined when it succeeded or failed to parse). */
const labErr = (o: Outcome) => (!o.ok && o.error.kind === 'lab' ? o.error : undefined);

const I18NS = {en: await createI18n('en'), fa: await createI18n('fa'), ru: await createI18n('ru')};
const words = (o: Outcome, lng: 'en' | 'fa' | 'ru' = 'en') => describeOutcome(o, translatorOf(I18NS[lng])).lines.join('\n');

async function run(line: string, lab = newLab()): Promise<Outcome> {
  const ex = createExecutor(lab);
  try {
    return await ex.run(line);
  } finally {
    ex.dispose();
  }
}

describe('Unix socket paths: the message says what is wrong with the path', () => {
  it('a path in a directory that does not exist: the directory is named, no word of ports or administrators', async () => {
    const dir = path.join(freshHome().home, 'no-such-dir');
    for (const verb of ['listen unix', 'connect unix']) {
      const o = await run(`${verb} ${dir}/x.sock as u`);
      expect(o.ok).toBe(false);
      expect(labErr(o)).toMatchObject({code: 'ENOENT', unixProblem: {kind: 'no-directory', dir}});
      expect(words(o)).toContain(`The directory ${dir} does not exist`);
      expect(words(o)).not.toMatch(/1024|administrator/);
      for (const lng of ['fa', 'ru'] as const) expect(words(o, lng)).toContain(dir);
    }
  });

  it('a regular file at the path: "a file that is not a socket", not "held by another socket"', async () => {
    const file = path.join(freshHome().home, 'notes.txt');
    fs.writeFileSync(file, 'hello');
    const listen = await run(`listen unix ${file} as u`);
    expect(labErr(listen)?.unixProblem?.kind).toBe('not-a-socket');
    expect(words(listen)).toMatch(/A file that is not a socket is already at/);
    expect(words(listen)).not.toMatch(/held by|another socket/);
    const connect = await run(`connect unix ${file} as c`);
    expect(labErr(connect)?.unixProblem?.kind).toBe('not-a-socket');
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });

  it('a part of the path is a file: "not a directory"', async () => {
    const file = path.join(freshHome().home, 'plain');
    fs.writeFileSync(file, '');
    const o = await run(`listen unix ${file}/x.sock as u`);
    expect(labErr(o)?.unixProblem).toEqual({kind: 'not-a-directory', dir: file});
  });

  it('a socket file nobody listens on (left by a killed program): said so, with the rm to run; a live one is "in use"', async () => {
    const home = freshHome().home;
    const stale = path.join(home, 'stale.sock');
    // A real socket file whose listener is gone without removing it (as after SIGKILL).
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(stale, resolve));
    const fd = (server as unknown as {_handle: {fd: number}})._handle.fd;
    expect(fd).toBeGreaterThan(0);
    fs.linkSync(stale, `${stale}.keep`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.renameSync(`${stale}.keep`, stale);
    const listen = await run(`listen unix ${stale} as u`);
    expect(labErr(listen)?.unixProblem?.kind).toBe('stale-socket');
    expect(describeOutcome(listen, translatorOf(I18NS.en)).lines[1]).toContain(`rm ${stale}`);
    const connect = await run(`connect unix ${stale} as c`);
    expect(labErr(connect)?.unixProblem?.kind).toBe('stale-socket');

    const live = path.join(home, 'live.sock');
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(live, resolve));
    try {
      const taken = await run(`listen unix ${live} as u2`);
      expect(!taken.ok && taken.error).toMatchObject({code: 'EADDRINUSE'});
      expect(labErr(taken)?.unixProblem).toBeUndefined();
    } finally {
      other.close();
    }
  });
});

describe('hosts outside loopback', () => {
  it('names the host, never a made-up port :0', async () => {
    for (const line of ['connect tcp 10.1.2.3:80 as c', 'listen tcp 192.168.7.7:0 as l', 'sendto udp 10.0.0.9:53 hi as u', 'scan 10.0.0.1 80']) {
      const o = await run(line);
      expect(!o.ok && o.error.code, line).toBe('ENOTLOOPBACK');
      const text = words(o);
      expect(text, line).toMatch(/is not a loopback address/);
      expect(text, line).not.toMatch(/:0\b/);
      expect(text, line).not.toMatch(/not on this machine/);
    }
  });

  it('0.0.0.0 and [::] are named the wildcard address, with --allow-remote as the way', async () => {
    for (const line of ['listen tcp 0.0.0.0:0 as l', 'bind udp [::]:0 as u']) {
      const o = await run(line);
      const text = words(o);
      expect(text, line).toMatch(/is the wildcard address/);
      expect(text, line).toMatch(/--allow-remote/);
      expect(text).not.toMatch(/not on this machine/);
      expect(words(o, 'fa')).toMatch(/wildcard/);
      expect(words(o, 'ru')).toMatch(/wildcard/);
    }
  });

  it('IPv4-mapped loopback in every spelling is loopback: accepted, and it reaches a 127.0.0.1 listener', async () => {
    const lab = newLab();
    const ex = createExecutor(lab);
    const l = await ex.run('listen tcp 127.0.0.1:0 as srv');
    const p = l.ok && l.result.verb === 'listen' ? port(l.result.socket) : 0;
    for (const host of ['[::ffff:7f00:1]', '[::ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]', '[::ffff:7f01:203]']) {
      const o = await ex.run(`connect tcp ${host}:${p} as c`);
      if (host === '[::ffff:7f01:203]') {
        // 127.1.2.3 is loopback too, but nothing listens there: refused, not "not loopback".
        expect(!o.ok && o.error.code, host).toBe('ECONNREFUSED');
        continue;
      }
      expect(o.ok, `${host}: ${words(o)}`).toBe(true);
      expect(o.ok && o.result.verb === 'connect' && o.result.accepted).toMatch(/^srv#/);
      expect((await ex.run('close c')).ok).toBe(true);
    }
    ex.dispose();
  });
});
