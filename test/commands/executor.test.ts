// The executor on a real lab: outcomes, typed errors with context, bounded waits.
import {afterEach, describe, expect, it} from 'vitest';
import {createExecutor, type Executor, type Outcome} from '../../src/commands/index.ts';
import {Lab} from '../../src/lab/index.ts';

let lab: Lab;
let ex: Executor;
function setup(options: {timeoutMs?: number} = {}) {
  lab = new Lab();
  ex = createExecutor(lab, options);
}
afterEach(async () => {
  ex?.dispose();
  await lab?.dispose();
  expect(lab.snapshot()).toEqual([]);
});

async function ok(line: string) {
  const o = await ex.run(line);
  if (!o.ok) throw new Error(`${line}: ${JSON.stringify(o.error)}`);
  return o.result;
}
async function fail(line: string) {
  const o: Outcome = await ex.run(line);
  if (o.ok) throw new Error(`${line} should fail, got ${JSON.stringify(o.result)}`);
  return o.error;
}

describe('executor', () => {
  it('names: unknown names list the known ones; taken names are refused before the OS is asked', async () => {
    setup();
    await ok('socket tcp as a');
    expect(await fail('close nope')).toMatchObject({kind: 'lab', code: 'ENAME', nameProblem: 'unknown', known: ['a'], socket: 'nope'});
    expect(await fail('socket udp as a')).toMatchObject({code: 'ENAME', nameProblem: 'taken', socket: 'a'});
    expect(await fail('listen tcp 0 as a')).toMatchObject({code: 'ENAME', nameProblem: 'taken'});
    expect(lab.snapshot().map((s) => s.name)).toEqual(['a']);
  });

  it('a socket a failed command created is gone again (the name can be reused)', async () => {
    setup();
    const srv = await ok('listen tcp 127.0.0.1:0 as srv');
    const port = srv.verb === 'listen' && srv.socket.local?.kind === 'inet' ? srv.socket.local.port : 0;
    // TCP bind only records the address; the kernel says no at listen time.
    expect(await ok(`bind tcp 127.0.0.1:${port} as b`)).toMatchObject({socket: {state: 'bound', requestedLocal: {port}}});
    expect(await fail('listen b')).toMatchObject({code: 'EADDRINUSE', socket: 'b'});
    // b existed before the failing command, so it stays.
    expect(lab.get('b')).toBeDefined();
    const u1 = await ok('bind udp 127.0.0.1:0 as u1');
    const uport = u1.verb === 'bind' && u1.socket.local?.kind === 'inet' ? u1.socket.local.port : 0;
    expect(await fail(`bind udp 127.0.0.1:${uport} as u2`)).toMatchObject({code: 'EADDRINUSE', holders: [{socket: 'u1'}]});
    expect(lab.get('u2')).toBeUndefined();
    expect(await fail(`listen tcp ${port} as dup`)).toMatchObject({code: 'EADDRINUSE', holders: [{socket: 'srv'}]});
    expect(lab.get('dup')).toBeUndefined();
    await ok('listen tcp 0 as dup');
  });

  it('non-loopback hosts are refused without the opt-in', async () => {
    setup();
    expect(await fail('connect tcp 192.0.2.1:80 as x')).toMatchObject({code: 'ENOTLOOPBACK'});
    expect(await fail('bind udp 10.0.0.1:0 as y')).toMatchObject({code: 'ENOTLOOPBACK'});
    expect(await fail('scan 192.0.2.1 80')).toMatchObject({code: 'ENOTLOOPBACK'});
    expect(lab.snapshot()).toEqual([]);
  });

  it('wrong kind of socket: ESTATE with the socket as it is', async () => {
    setup();
    await ok('listen tcp 0 as srv');
    expect(await fail('send srv hi')).toMatchObject({code: 'ESTATE', socket: 'srv'});
    expect(await fail('sendto srv 9 hi')).toMatchObject({code: 'ESTATE', socketProtocol: 'tcp', socketRole: 'passive'});
    await ok('socket udp as u');
    expect(await fail('send u hi')).toMatchObject({code: 'ESTATE'});
    expect(await fail('connect tcp u')).toMatchObject({code: 'ESTATE', noAddress: true});
    expect(await fail('listen u')).toMatchObject({code: 'ESTATE', socket: 'u'});
    await ok('listen unix as us');
    const wrong = await fail('connect tcp us');
    expect(wrong).toMatchObject({code: 'ESTATE', socket: 'us', socketProtocol: 'unix'});
    expect(wrong).not.toHaveProperty('noAddress');
    expect(await fail('connect unix srv')).toMatchObject({code: 'ESTATE', socket: 'srv', socketProtocol: 'tcp'});
  });

  it('bind then connect from a chosen local port; the accept is waited for', async () => {
    setup();
    await ok('listen tcp 127.0.0.1:0 as srv');
    const r = await ok('connect tcp srv from 127.0.0.1:0 as c');
    expect(r).toMatchObject({verb: 'connect', listener: 'srv', accepted: 'srv#1'});
    await ok('socket tcp as d');
    await ok('bind d 127.0.0.1:0');
    expect(await ok('connect d srv')).toMatchObject({verb: 'connect', created: false, accepted: 'srv#2'});
    expect(lab.get('srv#2')?.remote).toEqual(lab.get('d')?.local);
  });

  it('send both ways on a connection; shutdown and reset reach the peer', async () => {
    setup();
    await ok('listen tcp 0 as srv');
    await ok('connect tcp srv as c');
    expect(await ok('send srv#1 "reply\\n"')).toMatchObject({bytes: 6, receivedBy: 'c'});
    expect(await ok('shutdown c')).toMatchObject({verb: 'shutdown', peer: 'srv#1'});
    await ok('connect tcp srv as d');
    expect(await ok('reset d')).toMatchObject({verb: 'reset', peer: 'srv#2'});
    expect(lab.get('srv#2')).toBeUndefined();
  });

  it('shutdown leaves our own peer half-open (CLOSE_WAIT) until it is closed; close still closes the peer', async () => {
    setup();
    await ok('listen tcp 0 as srv');
    await ok('connect tcp srv as c');
    await ok('shutdown c');
    expect(lab.get('srv#1')?.state).toBe('half-closed');
    expect(await ok('send srv#1 "still open"')).toMatchObject({receivedBy: 'c'});
    expect(await ok('close srv#1')).toMatchObject({verb: 'close', peer: 'c'});
    expect(lab.get('c')).toBeUndefined();
    // A plain close is answered by the app closing the other end at once.
    await ok('connect tcp srv as d');
    expect(await ok('close d')).toMatchObject({verb: 'close', peer: 'srv#2'});
    expect(lab.get('srv#2')).toBeUndefined();
  });

  it('wait: sees events since the last socket command; consumes them; times out with context', async () => {
    setup();
    await ok('bind udp 0 as r');
    await ok('sendto udp r one as s');
    const first = await ok('wait message r 2000');
    expect(first).toMatchObject({verb: 'wait', event: {type: 'message', socket: 'r', preview: 'one'}});
    expect(await fail('wait message r 50')).toMatchObject({code: 'ETIMEDOUT', operation: 'wait', waitingFor: 'message', timeoutMs: 50, socket: 'r'});
  });

  it('scan: a range, names, owners; closed ports reported closed', async () => {
    setup();
    const a = await ok('listen tcp 0 as a');
    const port = a.verb === 'listen' && a.socket.local?.kind === 'inet' ? a.socket.local.port : 0;
    const r = await ok(`scan 127.0.0.1 ${port}-${port},a`);
    expect(r).toMatchObject({verb: 'scan', scan: {host: '127.0.0.1', ports: [{port, open: true}]}, owners: {[port]: ['a']}});
    const closed = await ok('scan 1');
    expect(closed).toMatchObject({scan: {ports: [{port: 1, open: false}]}});
  });

  it('commands run one at a time in call order, even when not awaited', async () => {
    setup();
    const runs = [ex.run('listen tcp 0 as s'), ex.run('connect tcp s as c'), ex.run('send c hi'), ex.run('sockets')];
    const outs = await Promise.all(runs);
    expect(outs.map((o) => o.ok)).toEqual([true, true, true, true]);
    const last = outs[3]!;
    expect(last.ok && last.result.verb === 'sockets' && last.result.sockets.map((s) => s.name).sort()).toEqual(['c', 's', 's#1']);
  });

  it('front-end verbs are results, not actions', async () => {
    setup();
    expect(await ok('help listen')).toEqual({verb: 'help', topic: 'listen'});
    expect(await ok('lang ru')).toEqual({verb: 'lang', lng: 'ru'});
    expect(await ok('clear')).toEqual({verb: 'clear'});
    expect(await ok('quit')).toEqual({verb: 'quit'});
    expect(await ex.run('lsiten tcp 0')).toMatchObject({ok: false, line: 'lsiten tcp 0', events: [], error: {kind: 'parse', code: 'UNKNOWN_VERB'}});
  });

  it('runs a Command object as well as a line (the lesson runner uses both)', async () => {
    setup();
    const o = await ex.run({verb: 'socket', protocol: 'udp', name: 'q'});
    expect(o).toMatchObject({ok: true, result: {verb: 'socket', socket: {name: 'q', protocol: 'udp'}}});
    expect(o.line).toBeUndefined();
    expect(o.events.map((e) => e.type)).toEqual(['socket']);
  });
});
