// host --json and join, as processes of the built CLI on loopback: the room record first,
// every join from its own 127.0.0.N, commands on standard input, both sides of an
// experiment, and nothing left listening or connected once the host ends (ss).
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasDeno} from '../e2e/pty-rig.ts';
import {startCli, tcpRows, type CliProcess} from './cli-rig.ts';

const started: CliProcess[] = [];
const start = (args: string[], options: Parameters<typeof startCli>[1] = {}) => {
  const p = startCli(args, options);
  started.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.dispose()));
});

type Rec = Record<string, unknown> & {type: string};
const is = (type: string, fields: Record<string, unknown> = {}) => (r: Record<string, unknown>) =>
  r['type'] === type && Object.entries(fields).every(([k, v]) => r[k] === v);

async function room(host: CliProcess): Promise<{port: number; code: string; address: string}> {
  const first = await host.waitFor(() => true);
  expect(first['type'], 'the room record comes first').toBe('room');
  return first as unknown as {port: number; code: string; address: string};
}

describe('host --json', () => {
  it('simulated learners from 127.0.0.2…, polls, an experiment, a real join, and a clean end', async () => {
    const host = start(['host', '--json', '--on', '127.0.0.1', '--port', '0', '--simulate', '5']);
    const {port, code, address} = await room(host);
    expect(address).toBe('127.0.0.1');
    expect(host.records()[0]).toMatchObject({simulated: {learners: 5, sharedAddress: false}, join: {nc: `nc 127.0.0.1 ${port}`}});
    const joins = await host.waitForCount(is('join'), 5);
    const from = joins.map((j) => (j['from'] as {address: string}).address).sort();
    expect(from).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6']);
    // The OS agrees: one listener and five accepted connections on the room's port.
    const rows = tcpRows(port);
    expect(rows.filter(([state]) => state === 'LISTEN')).toHaveLength(1);
    const peers = rows.filter(([state]) => state === 'ESTAB').map(([, , peer]) => peer);
    for (const j of joins) {
      const f = j['from'] as {address: string; port: number};
      expect(peers).toContain(`${f.address}:${f.port}`);
    }

    host.write('poll second-connection');
    await host.waitFor((r) => r['type'] === 'poll' && r['phase'] === 'answer' && (r['counts'] as number[]).reduce((a, b) => a + b, 0) === 5);
    host.write('reveal');
    await host.waitFor(is('poll', {phase: 'reveal', answer: 2}));

    host.write('run refused');
    await host.waitFor(is('experiment', {id: 'refused', phase: 'start'}));
    expect(tcpRows(port).filter(([state]) => state === 'LISTEN')).toEqual([]);
    const refused = await host.waitForCount(is('experiment', {id: 'refused', phase: 'result'}), 5);
    expect(refused.map((r) => r['result'])).toEqual(Array(5).fill('ECONNREFUSED'));
    // The accepted connections lived on without the listener.
    expect(tcpRows(port).filter(([state]) => state === 'ESTAB')).toHaveLength(5);
    host.write('end');
    await host.waitFor(is('experiment', {id: 'refused', phase: 'end'}));
    expect(tcpRows(port).filter(([state]) => state === 'LISTEN')).toHaveLength(1);

    // A real learner process joins, answers a poll typed on its standard input.
    const learner = start(['join', `127.0.0.1:${port}`, code, '--name', 'nika']);
    await learner.waitForLine((l) => l.includes('You are in the room'));
    const joined = (await host.waitFor(is('join', {nick: 'nika'}))) as Rec;
    // nika joined while the revealed second-connection poll was still up and is shown it
    // (its choices may print after this point): wait for the UDP poll's own choices.
    host.write('poll udp');
    const udpPoll = await learner.waitForLine((l) => l.startsWith('Poll:') && l.includes('UDP'));
    await learner.waitForLine((l) => l.startsWith('  3)'), undefined, learner.lines.indexOf(udpPoll));
    learner.write('1');
    await host.waitFor(is('poll', {phase: 'answer', learner: joined['learner'], choice: 1}));
    await learner.waitForLine((l) => l.includes('Your answer: 1'));

    host.child.kill('SIGTERM');
    await learner.waitForLine((l) => l.includes('The room has ended'));
    expect((await learner.exited).code).toBe(0);
    await host.waitFor(is('end', {reason: 'signal'}));
    expect((await host.exited).code).toBe(143);
    // Nothing listening, nothing connected: only TIME_WAIT may stay behind.
    expect(tcpRows(port).filter(([state]) => state !== 'TIME-WAIT')).toEqual([]);
  }, 60_000);

  it('quit on standard input ends the room; --record keeps no address unless asked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-rec-'));
    try {
      for (const keep of [false, true]) {
        const file = path.join(dir, `session-${keep}.json`);
        const host = start(['host', '--json', '--on', '127.0.0.1', '--port', '0', '--simulate', '2', '--record', file, ...(keep ? ['--record-addresses'] : [])]);
        const {port} = await room(host);
        await host.waitForCount(is('join'), 2);
        host.write('quit');
        expect((await host.exited).code).toBe(0);
        const record = JSON.parse(readFileSync(file, 'utf8')) as {learners: {nick: string}[]; room: {port: number}};
        expect(record.room.port).toBe(port);
        expect(record.learners.map((l) => l.nick).sort()).toEqual(['ava', 'babak']);
        expect(readFileSync(file, 'utf8').includes('127.0.0.')).toBe(keep);
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }, 40_000);

  it('--private masks learners\' addresses; a bad command is an error record', async () => {
    const host = start(['host', '--json', '--on', '127.0.0.1', '--port', '0', '--simulate', '1', '--private']);
    await room(host);
    expect(await host.waitFor(is('join'))).toMatchObject({from: {address: '*.*.*.2'}});
    host.write('frobnicate');
    expect(await host.waitFor(is('error'))).toEqual({type: 'error', code: 'bad-command', word: 'frobnicate'});
    host.write('polls');
    const polls = (await host.waitFor(is('polls')))['polls'] as {id: string}[];
    expect(polls.map((p) => p.id)).toEqual(expect.arrayContaining(['second-connection', 'refused', 'udp', 'close', 'passive-socket/1']));
  }, 30_000);

  it('the default port, or the next free one when it is taken (the room says so)', async () => {
    const a = start(['host', '--json', '--on', '127.0.0.1']);
    const first = await room(a);
    const b = start(['host', '--json', '--on', '127.0.0.1']);
    const second = await room(b);
    expect(second.port).not.toBe(first.port);
    expect(b.records()[0]).toMatchObject({portFallback: {wanted: 4040}});
  }, 30_000);

  it('refuses to listen on every interface, or on an address or interface this machine lacks', async () => {
    for (const [on, words] of [['0.0.0.0', 'every interface'], ['10.255.255.1', 'not an address of this machine'], ['nosuchif0', 'no interface called nosuchif0']] as const) {
      const host = start(['host', '--json', '--on', on]);
      expect((await host.exited).code).toBe(2);
      expect(host.stderr()).toContain(words);
      expect(host.lines).toEqual([]);
    }
  }, 30_000);
});

describe('join (plain and --json)', () => {
  it('the doctor: a wrong code is refused with its reason, a closed room is ECONNREFUSED', async () => {
    const host = start(['host', '--json', '--on', '127.0.0.1', '--port', '0']);
    const {port} = await room(host);
    const wrong = start(['join', `127.0.0.1:${port}`, 'ZZZZ', '--json']);
    const failed = await wrong.waitFor(is('failed'));
    expect(failed).toMatchObject({diagnosis: {kind: 'wrong-code'}});
    expect(String(failed['text'])).toContain('Wrong room code');
    expect((await wrong.exited).code).toBe(1);
    await host.waitFor((r) => r['type'] === 'connection' && r['reason'] === 'wrong-code');
    host.write('quit');
    await host.exited;
    const late = start(['join', `127.0.0.1:${port}`, 'ABCD', '--lang', 'ru']);
    await late.waitForLine((l) => l.includes('ECONNREFUSED'));
    expect(late.lines.join('\n')).toContain('В соединении отказано');
    expect((await late.exited).code).toBe(1);
  }, 30_000);

  it('a bad address or a missing code is a clear error, exit 2', async () => {
    const bad = start(['join', '127.0.0.1:99999', 'ABCD']);
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toContain('is not HOST:PORT');
    const noCode = start(['join', '127.0.0.1:4040']);
    expect((await noCode.exited).code).toBe(2);
    expect(noCode.stderr()).toContain('Give the room code');
  }, 20_000);
});

describe.skipIf(!hasDeno())('under Deno', () => {
  it('host --json with simulated learners, and a join, run under Deno too', async () => {
    const host = start(['host', '--json', '--on', '127.0.0.1', '--port', '0', '--simulate', '2'], {runtime: 'deno'});
    const {port, code} = await room(host);
    await host.waitForCount(is('join'), 2, 30_000);
    const learner = start(['join', `127.0.0.1:${port}`, code, '--json', '--name', 'deno'], {runtime: 'deno'});
    await learner.waitFor(is('joined'), 30_000);
    await host.waitFor(is('join', {nick: 'deno'}));
    host.write('quit');
    await learner.waitFor((r) => r['type'] === 'failed' && (r['diagnosis'] as {kind: string}).kind === 'host-ended');
    expect((await host.exited).code).toBe(0);
    expect(tcpRows(port).filter(([state]) => state !== 'TIME-WAIT')).toEqual([]);
  }, 90_000);
});
