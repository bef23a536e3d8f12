// The workshop for real: one host and six learners, each in its own network namespace on
// one bridge (a LAN made by this test). Five learners are `socket-lessons join` processes
// (four on Node, one on Deno, one of them finding the room by discovery), the sixth is
// plain nc. Assertions are on the host's --json stream, the learners' --json streams and
// `ss` inside the host's namespace. Then the faults: client isolation, a stopped host, a
// wrong code — each after the working path has been shown to work.
import {spawn} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno} from '../e2e/pty-rig.ts';
import {startCli, tcpRows, type CliProcess} from './cli-rig.ts';
import {makeLan, type Lan, type Machine} from './netns.ts';

type Rec = Record<string, unknown>;
const is = (type: string, fields: Rec = {}) => (r: Rec) => r['type'] === type && Object.entries(fields).every(([k, v]) => r[k] === v);
const addr = (r: Rec, key = 'from') => r[key] as {address: string; port: number};

let lan: Lan;
beforeAll(() => {
  lan = makeLan(6);
});
afterAll(() => lan?.remove());

const running: CliProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.dispose()));
});
const run = (machine: Machine, args: string[], runtime: 'node' | 'deno' = 'node') => {
  const p = startCli(args, {netns: machine.ns, runtime});
  running.push(p);
  return p;
};

/** A person with nc in a namespace: lines in, lines out. */
function ncLearner(machine: Machine, address: string, port: number) {
  const child = spawn('ip', ['netns', 'exec', machine.ns, 'nc', address, String(port)], {stdio: ['pipe', 'pipe', 'pipe']});
  let out = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    for (const w of waiters) w();
  });
  child.stdin.on('error', () => {});
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    exited,
    send: (line: string) => child.stdin.write(`${line}\n`),
    text: () => out,
    waitFor: (test: RegExp, ms = 15_000) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const m = test.exec(out);
          if (m) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => reject(new Error(`nc: no ${test} in ${ms} ms; got:\n${out}`)), ms);
        waiters.add(check);
        check();
      }),
  };
}

async function openRoom(): Promise<{host: CliProcess; port: number; code: string}> {
  const host = run(lan.host, ['host', '--json']);
  const room = await host.waitFor(() => true);
  expect(room).toMatchObject({type: 'room', address: lan.host.address});
  return {host, port: room['port'] as number, code: room['code'] as string};
}

describe('a room across six namespaces', () => {
  it('joins, the mirror, a poll, all four experiments on both sides, and a clean end', async () => {
    const {host, port, code} = await openRoom();
    expect(host.records()[0]).toMatchObject({discovery: 'announced'});
    const apps = lan.learners.slice(0, 5);
    const runtimes: ('node' | 'deno')[] = apps.map((_, i) => (i === 4 && hasDeno() ? 'deno' : 'node'));
    // Learner 0 finds the room by discovery (no address on its command line).
    const learners = apps.map((m, i) =>
      run(m, ['join', ...(i === 0 ? [] : [`${lan.host.address}:${port}`]), code, '--json', '--name', `ns${i}`], runtimes[i]),
    );
    const nc = ncLearner(lan.learners[5]!, lan.host.address, port);
    await nc.waitFor(/hello socket-lessons 1/);
    nc.send(`${code} plain-nc`);
    await nc.waitFor(/welcome \d+ \S+\nyou [\d.]+:\d+ main/);
    expect(await learners[0]!.waitFor(is('rooms'), 20_000)).toMatchObject({rooms: [{address: lan.host.address, port}]});

    // Every learner joined from its own address; the mirror matches what the host saw.
    const joined = await Promise.all(learners.map((l) => l.waitFor(is('joined'), 30_000)));
    const joins = await host.waitForCount(is('join'), 6, 30_000);
    const byNick = new Map(joins.map((j) => [j['nick'] as string, j]));
    for (const [i, l] of learners.entries()) {
      const j = byNick.get(`ns${i}`)!;
      expect(addr(j).address).toBe(apps[i]!.address);
      expect(addr(joined[i]!, 'local')).toEqual(addr(j));
      expect(await l.waitFor(is('mirror'))).toMatchObject({same: true, seenAs: addr(j)});
    }
    expect(addr(byNick.get('plain-nc')!).address).toBe(lan.learners[5]!.address);
    // ss inside the host's namespace: one listener, and each learner's 4-tuple.
    let rows = tcpRows(port, lan.host.ns);
    expect(rows.filter(([s]) => s === 'LISTEN').map(([, local]) => local)).toEqual([`${lan.host.address}:${port}`]);
    const peers = rows.filter(([s]) => s === 'ESTAB').map(([, , peer]) => peer).sort();
    expect(peers).toEqual(joins.map((j) => `${addr(j).address}:${addr(j).port}`).sort());
    const learnerOf = new Map(joins.map((j) => [j['nick'] as string, j['learner'] as number]));

    // A poll: answers travel as numbers, whatever each learner's language.
    host.write('poll second-connection');
    await Promise.all(learners.map((l) => l.waitFor(is('poll', {id: 'second-connection'}))));
    await nc.waitFor(/c 3 /);
    learners.forEach((l, i) => l.child.stdin!.write(`${(i % 3) + 1}\n`));
    nc.send('2');
    const last = await host.waitFor((r) => r['type'] === 'poll' && r['phase'] === 'answer' && (r['counts'] as number[]).reduce((a, b) => a + b, 0) === 6);
    expect(last['counts']).toEqual([2, 3, 1]);
    host.write('reveal');
    await Promise.all(learners.map((l) => l.waitFor(is('reveal', {answer: 2}))));
    host.write('close-poll');

    // Second connection: same address, a new source port, on both sides and in ss.
    host.write('run second-connection');
    const seconds = await host.waitForCount(is('experiment', {id: 'second-connection', phase: 'result'}), 5, 20_000);
    for (const r of seconds) {
      const j = joins.find((x) => x['learner'] === r['learner'])!;
      expect(addr(r).address).toBe(addr(j).address);
      expect(addr(r).port).not.toBe(addr(j).port);
    }
    for (const l of learners) await l.waitFor((r) => r['type'] === 'experiment' && r['change'] === 'secondSeenAs');
    rows = tcpRows(port, lan.host.ns);
    for (const m of apps) expect(rows.filter(([s, , peer]) => s === 'ESTAB' && peer!.startsWith(`${m.address}:`))).toHaveLength(2);
    host.write('end');
    await host.waitFor(is('experiment', {id: 'second-connection', phase: 'end'}));

    // Stop listening: a wave of ECONNREFUSED, the old connections live on.
    host.write('run refused');
    const refused = await host.waitForCount(is('experiment', {id: 'refused', phase: 'result'}), 5, 20_000);
    expect(refused.map((r) => r['result'])).toEqual(Array(5).fill('ECONNREFUSED'));
    expect(tcpRows(port, lan.host.ns).filter(([s]) => s === 'LISTEN')).toEqual([]);
    for (const l of learners) expect(await l.waitFor((r) => r['type'] === 'experiment' && r['change'] === 'outcome')).toMatchObject({view: {outcome: 'ECONNREFUSED'}});
    host.write('end');
    await host.waitFor(is('experiment', {id: 'refused', phase: 'end'}));
    expect(tcpRows(port, lan.host.ns).filter(([s]) => s === 'LISTEN')).toHaveLength(1);

    // UDP: one socket, one datagram from each learner's own address, no accept.
    host.write('run udp');
    const grams = await host.waitForCount((r) => r['type'] === 'experiment' && r['phase'] === 'datagram', 5, 20_000);
    expect(grams.map((g) => addr(g).address).sort()).toEqual(apps.map((m) => m.address).sort());
    for (const l of learners) await l.waitFor((r) => r['type'] === 'experiment' && r['change'] === 'sentFrom');
    host.write('end');
    for (const l of learners) expect(await l.waitFor((r) => r['type'] === 'experiment' && r['id'] === 'udp' && r['change'] === 'end')).toMatchObject({view: {datagrams: 5}});

    // Close: whoever closes first keeps TIME_WAIT; everyone comes back from a new port.
    host.write('run close');
    const start = await host.waitFor(is('experiment', {id: 'close', phase: 'start'}));
    const closers = start['closers'] as {you: number[]; host: number[]};
    const results = await host.waitForCount(is('experiment', {id: 'close', phase: 'result'}), 5, 30_000);
    for (const [i, l] of learners.entries()) {
      const n = learnerOf.get(`ns${i}`)!;
      const mine = results.find((r) => r['learner'] === n)!;
      expect(mine['result']).toBe(closers.you.includes(n) ? 'time-wait' : 'peer-closed');
      expect(await l.waitFor((r) => r['type'] === 'experiment' && r['change'] === 'timeWait')).toMatchObject({view: {timeWait: closers.you.includes(n)}});
    }
    // The host's own table: TIME-WAIT for the connections it closed first.
    const hostClosed = joins.filter((j) => closers.host.includes(j['learner'] as number) && j['nick'] !== 'plain-nc');
    rows = tcpRows(port, lan.host.ns);
    for (const j of hostClosed) expect(rows).toContainEqual(['TIME-WAIT', `${lan.host.address}:${port}`, `${addr(j).address}:${addr(j).port}`]);
    host.write('end');
    await host.waitFor(is('experiment', {id: 'close', phase: 'end'}));

    // The end: every learner told, every socket closed, nothing listening.
    host.write('quit');
    for (const l of learners) {
      await l.waitFor((r) => r['type'] === 'failed' && (r['diagnosis'] as {kind: string}).kind === 'host-ended');
      expect((await l.exited).code).toBe(0);
    }
    await nc.waitFor(/bye host-ended/);
    nc.child.stdin.end();
    await nc.exited;
    expect((await host.exited).code).toBe(0);
    expect(tcpRows(port, lan.host.ns).filter(([s]) => s !== 'TIME-WAIT')).toEqual([]);
  }, 180_000);
});

describe('faults, after the working path', () => {
  it('client isolation: join reports the timeout diagnosis', async () => {
    const {host, port, code} = await openRoom();
    const [a] = lan.learners;
    const ok = run(a!, ['join', `${lan.host.address}:${port}`, code, '--json']);
    await ok.waitFor(is('joined'));
    ok.write('quit');
    expect((await ok.exited).code).toBe(0);
    // The access point stops forwarding between its clients (ARP is answered, as by proxy ARP).
    lan.knowNeighbour(a!, lan.host);
    lan.isolate([lan.host, a!], true);
    try {
      const cut = run(a!, ['join', `${lan.host.address}:${port}`, code, '--json']);
      const failed = await cut.waitFor(is('failed'), 20_000);
      expect(failed).toMatchObject({diagnosis: {kind: 'timeout'}});
      expect(String(failed['text'])).toContain('client isolation');
      expect((await cut.exited).code).toBe(1);
    } finally {
      lan.isolate([lan.host, a!], false);
    }
    host.write('quit');
    await host.exited;
  }, 60_000);

  it('a stopped host: refused; a wrong code: refused with the reason', async () => {
    const {host, port, code} = await openRoom();
    const [, b] = lan.learners;
    const ok = run(b!, ['join', `${lan.host.address}:${port}`, code, '--json']);
    await ok.waitFor(is('joined'));
    const wrong = run(b!, ['join', `${lan.host.address}:${port}`, 'WXYZ', '--json', '--lang', 'fa']);
    const failed = await wrong.waitFor(is('failed'));
    expect(failed).toMatchObject({diagnosis: {kind: 'wrong-code', reason: 'wrong-code'}});
    expect(String(failed['text'])).toContain('کد اتاق نادرست است');
    await host.waitFor((r) => r['type'] === 'connection' && r['phase'] === 'rejected' && r['reason'] === 'wrong-code' && addr(r).address === b!.address);
    host.write('quit');
    await host.exited;
    await ok.exited;
    const late = run(b!, ['join', `${lan.host.address}:${port}`, code, '--json', '--lang', 'ru']);
    const refused = await late.waitFor(is('failed'));
    expect(refused).toMatchObject({diagnosis: {kind: 'refused', code: 'ECONNREFUSED'}});
    expect(String(refused['text'])).toContain('В соединении отказано');
    expect((await late.exited).code).toBe(1);
  }, 60_000);
});
