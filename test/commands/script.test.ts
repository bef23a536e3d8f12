// Scripted runs (no terminal): exit codes, comments, bad input of every kind.
import {randomBytes} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {records, runText} from './helpers.ts';

describe('scripted runs', () => {
  it('exit 0 when every command succeeded; comments and blank lines are skipped; CRLF is fine', async () => {
    const run = await runText('# a demo\r\n\r\nlisten tcp 127.0.0.1:0 as srv   # passive\r\nconnect tcp srv as c\r\nsend c hi\r\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('srv accepted it and made the new socket srv#1.');
    expect(run.stdout).toContain('srv#1 received 2 bytes: "hi"');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('3 commands, 0 failed.');
  });

  it('exit 1 when any command failed, and the rest still run', async () => {
    const run = await runText('bogus\nsocket udp as u\nsend nobody x\nclose u\n', {json: true});
    expect(run.code).toBe(1);
    const results = records(run.stdout).filter((r) => r.kind === 'result');
    expect(results.map((r) => [r.lineNo, r.ok])).toEqual([[1, false], [2, true], [3, false], [4, true]]);
    expect(results[0]!.error).toMatchObject({kind: 'parse', code: 'UNKNOWN_VERB', at: 0, token: 'bogus'});
    expect(results[2]!.error).toMatchObject({kind: 'lab', code: 'ENAME', nameProblem: 'unknown', socket: 'nobody', known: ['u']});
    expect(records(run.stdout).at(-1)).toEqual({kind: 'summary', commands: 4, failed: 2, exitCode: 1});
  });

  it('exit 2 and a translated message when the script cannot be read', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'sl-')), 'nope.txt');
    const en = await runText('', {script: missing});
    expect(en).toMatchObject({code: 2, stdout: ''});
    expect(en.stderr).toContain('Cannot read the script');
    expect(en.stderr).toContain('ENOENT');
    const ru = await runText('', {script: missing, lng: 'ru'});
    expect(ru.stderr).toContain('Не удалось прочитать сценарий');
  });

  it('--script FILE reads the file, not stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-'));
    writeFileSync(join(dir, 's.txt'), 'socket tcp as t\nsockets\n');
    const run = await runText('bogus\n', {script: join(dir, 's.txt')});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('> sockets');
    expect(run.stdout).not.toContain('bogus');
  });

  it('quit stops the run; every socket is closed at the end either way', async () => {
    const run = await runText('listen tcp 0 as a\nquit\nbogus\n', {json: true});
    expect(run.code).toBe(0);
    const recs = records(run.stdout);
    expect(recs.filter((r) => r.kind === 'result').map((r) => r.line)).toEqual(['listen tcp 0 as a', 'quit']);
    expect(recs.some((r) => r.kind === 'event' && r.event.type === 'close' && r.event.socket === 'a')).toBe(true);
    const noQuit = await runText('listen tcp 0 as a\n', {json: true});
    expect(records(noQuit.stdout).some((r) => r.kind === 'event' && r.event.type === 'close' && r.event.socket === 'a')).toBe(true);
  });

  it('lang switches the language of everything after it', async () => {
    const run = await runText('socket tcp as a\nlang fa\nsocket udp as b\nlang ru\nsocket udp as c\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('a is a new TCP socket');
    expect(run.stdout).toContain('زبان: فارسی.');
    expect(run.stdout).toContain('b یک سوکت UDP تازه است');
    expect(run.stdout).toContain('c — новый сокет UDP');
  });

  it('Persian digits work in scripts', async () => {
    const run = await runText('bind udp 127.0.0.1:۰ as u\nsendto udp u "۱۲۳"\n', {json: true});
    expect(run.code).toBe(0);
    const msg = records(run.stdout).find((r) => r.kind === 'event' && r.event.type === 'message');
    expect(msg?.event.preview).toBe('۱۲۳');
  });
});

describe('bad input: a clear error, and the run goes on', () => {
  const after = 'socket tcp as ok\n';

  it('a 100,000-character line', async () => {
    const run = await runText(`${'x'.repeat(100_000)}\n${after}`, {json: true});
    const [first, second] = records(run.stdout).filter((r) => r.kind === 'result');
    expect(first!.error).toMatchObject({code: 'LINE_TOO_LONG', actual: 100_000});
    expect(second!.ok).toBe(true);
    expect(run.stdout.length).toBeLessThan(20_000); // the line is not echoed back whole
  });

  it('a huge line with no newline at all, arriving in pieces', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const run = await runText([...Array.from({length: 40}, () => chunk)], {json: true});
    const [only] = records(run.stdout).filter((r) => r.kind === 'result');
    expect(only!.error).toMatchObject({code: 'LINE_TOO_LONG', actual: 40 * 64 * 1024});
  });

  it('text over 64 KiB, control characters, bad quoting, out-of-range ports, non-loopback, duplicate names', async () => {
    const lines = [
      `send ok "${'z'.repeat(65 * 1024)}"`,
      'send ok a\u0007b',
      'send ok "open',
      'listen tcp 127.0.0.1:65536',
      'connect tcp 192.0.2.7:80 as far',
      'socket tcp as ok',
      'bind tcp',
      'sockets extra',
    ];
    const run = await runText(`${after}${lines.join('\n')}\n`, {json: true});
    const results = records(run.stdout).filter((r) => r.kind === 'result');
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual([
      'ok', 'TEXT_TOO_LONG', 'CONTROL_CHAR', 'UNTERMINATED_QUOTE', 'BAD_PORT', 'ENOTLOOPBACK', 'ENAME', 'MISSING', 'EXTRA',
    ]);
    for (const r of results.slice(1)) expect(r.text.length).toBeGreaterThan(10);
    expect(run.code).toBe(1);
  });

  it('binary garbage on stdin: every line is an error, nothing reaches the terminal raw', async () => {
    const garbage = Buffer.concat([randomBytes(20_000), Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0xff, 0xfe, 0x00, 0x0a]), Buffer.from(after)]);
    const plain = await runText(garbage);
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(plain.stdout).toContain('ok is a new TCP socket');
    const json = await runText(garbage, {json: true});
    for (const l of json.stdout.split('\n').filter(Boolean)) expect(() => JSON.parse(l)).not.toThrow();
  });
});
