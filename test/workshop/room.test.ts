// The host's room as a state machine, without a network: inputs in, effects out.
import {describe, expect, it} from 'vitest';
import type {HostEvent} from '../../src/workshop/events.ts';
import {MAX_DROPPED_LINES, LINE_BURST} from '../../src/workshop/limits.ts';
import {pollCatalog} from '../../src/workshop/polls.ts';
import {parseHostLine} from '../../src/workshop/protocol.ts';
import {Room, type RoomConfig, type RoomEffect} from '../../src/workshop/room.ts';
import {keySpeaker} from './helpers.ts';

let tokens = 0;
function newRoom(extra: Partial<RoomConfig> = {}): Room {
  return new Room({
    code: 'K7Q2', address: '10.0.0.1', port: 4040, max: 200, private: false, lang: 'en',
    polls: pollCatalog(), speaker: keySpeaker, newToken: () => `tok${String(++tokens).padStart(6, '0')}`, ...extra,
  });
}

const sent = (effects: RoomEffect[], conn: number) =>
  effects.flatMap((e) => (e.kind === 'send' && e.conn === conn ? e.lines : []));
const events = (effects: RoomEffect[]) => effects.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
const closed = (effects: RoomEffect[]) => effects.flatMap((e) => (e.kind === 'close' ? [e.conn] : []));

/** Open connection `conn` from address:port and send its first line. */
function join(room: Room, conn: number, address: string, port: number, first = `K7Q2 user${conn}`, now = 0): RoomEffect[] {
  room.reduce({kind: 'open', conn, from: {address, port}, now});
  return room.reduce({kind: 'line', conn, text: first, now});
}

describe('joining', () => {
  it('greets every connection, welcomes the right code with a number, a token and the address it sees', () => {
    const room = newRoom();
    const opened = room.reduce({kind: 'open', conn: 1, from: {address: '10.0.0.5', port: 53122}, now: 0});
    expect(sent(opened, 1)).toEqual(['hello socket-lessons 1', '# en:greeting']);
    const effects = room.reduce({kind: 'line', conn: 1, text: 'k7q2 Alice', now: 5});
    const lines = sent(effects, 1);
    expect(lines[0]).toBe('welcome 1 tok' + String(tokens).padStart(6, '0'));
    expect(lines[1]).toBe('you 10.0.0.5:53122 main');
    expect(lines[2]).toMatch(/^# en:welcome/);
    expect(events(effects)).toContainEqual({type: 'join', learner: 1, nick: 'Alice', from: {address: '10.0.0.5', port: 53122}, conn: 1, resumed: false});
  });

  it('says no to a wrong code with a reason line, closes, and counts it for the grid', () => {
    const room = newRoom();
    const effects = join(room, 1, '10.0.0.5', 1000, 'ABCD bob');
    expect(sent(effects, 1)).toEqual(['# en:bye.wrong-code', 'bye wrong-code']);
    expect(closed(effects)).toEqual([1]);
    expect(events(effects)).toContainEqual(expect.objectContaining({type: 'connection', phase: 'rejected', reason: 'wrong-code'}));
    expect(room.failures).toEqual([expect.objectContaining({reason: 'wrong-code', from: {address: '10.0.0.5', port: 1000}})]);
    // Lines after the bye are ignored.
    expect(room.reduce({kind: 'line', conn: 1, text: 'K7Q2 bob', now: 1})).toEqual([]);
  });

  it('closes a connection that sends no code in time', () => {
    const room = newRoom();
    room.reduce({kind: 'open', conn: 1, from: {address: '10.0.0.5', port: 1000}, now: 0});
    const effects = room.reduce({kind: 'first-line-timeout', conn: 1, now: 10_000});
    expect(sent(effects, 1)).toContain('bye too-slow');
    // A joined learner's timer firing late changes nothing.
    join(room, 2, '10.0.0.6', 1000);
    expect(room.reduce({kind: 'first-line-timeout', conn: 2, now: 10_000})).toEqual([]);
  });

  it('turns away the learner after --max with room-full, and lets them in when someone leaves', () => {
    const room = newRoom({max: 2});
    join(room, 1, '10.0.0.1', 1);
    join(room, 2, '10.0.0.2', 1);
    expect(sent(join(room, 3, '10.0.0.3', 1), 3)).toContain('bye room-full');
    room.reduce({kind: 'closed', conn: 3, now: 1});
    room.reduce({kind: 'closed', conn: 1, now: 1});
    expect(sent(join(room, 4, '10.0.0.3', 2), 4)[0]).toMatch(/^welcome 3 /);
  });

  it('allows 4 connections from one address, 8 while everyone opens a second one', () => {
    const room = newRoom();
    for (let c = 1; c <= 4; c++) expect(sent(join(room, c, '10.0.0.9', 1000 + c), c)[0]).toMatch(/^welcome/);
    const fifth = room.reduce({kind: 'open', conn: 5, from: {address: '10.0.0.9', port: 1005}, now: 0});
    expect(sent(fifth, 5)).toContain('bye too-many-connections');
    room.reduce({kind: 'closed', conn: 5, now: 0});
    room.reduce({kind: 'start', experiment: 'second-connection', now: 0});
    for (let c = 6; c <= 9; c++) expect(sent(room.reduce({kind: 'open', conn: c, from: {address: '10.0.0.9', port: 1000 + c}, now: 0}), c)[0]).toBe('hello socket-lessons 1');
    expect(sent(room.reduce({kind: 'open', conn: 10, from: {address: '10.0.0.9', port: 1010}, now: 0}), 10)).toContain('bye too-many-connections');
  });

  it('exempts simulated learners sharing 127.0.0.1 from the per-address limit when told to', () => {
    const room = newRoom({perAddressExempt: (a) => a === '127.0.0.1'});
    for (let c = 1; c <= 6; c++) expect(sent(join(room, c, '127.0.0.1', 1000 + c), c)[0]).toMatch(/^welcome/);
  });

  it('drops lines over the rate limit, then closes a connection that keeps flooding', () => {
    const room = newRoom();
    join(room, 1, '10.0.0.5', 1000);
    let pongs = 0;
    let bye = false;
    for (let i = 0; i < LINE_BURST + MAX_DROPPED_LINES + 5; i++) {
      const lines = sent(room.reduce({kind: 'line', conn: 1, text: 'ping', now: 0}), 1);
      pongs += lines.filter((l) => l === 'pong').length;
      bye ||= lines.includes('bye too-fast');
    }
    expect(pongs).toBe(LINE_BURST - 1); // the first line (the code) took one token
    expect(bye).toBe(true);
    // After a second the bucket has refilled for a well-behaved learner.
    join(room, 2, '10.0.0.6', 1000);
    for (let i = 0; i < LINE_BURST - 1; i++) room.reduce({kind: 'line', conn: 2, text: 'ping', now: 0});
    expect(sent(room.reduce({kind: 'line', conn: 2, text: 'ping', now: 0}), 2)).toEqual([]);
    expect(sent(room.reduce({kind: 'line', conn: 2, text: 'ping', now: 1000}), 2)).toEqual(['pong']);
  });

  it('closes a connection on a line that is too long or not UTF-8, saying why', () => {
    const room = newRoom();
    join(room, 1, '10.0.0.5', 1000);
    expect(sent(room.reduce({kind: 'bad-stream', conn: 1, error: 'line-too-long', now: 0}), 1)).toContain('bye line-too-long');
    room.reduce({kind: 'open', conn: 2, from: {address: '10.0.0.6', port: 1}, now: 0});
    expect(sent(room.reduce({kind: 'bad-stream', conn: 2, error: 'not-utf8', now: 0}), 2)).toContain('bye not-utf8');
  });

  it('keeps escape sequences out of nicknames; an empty one becomes learner-N', () => {
    const room = newRoom();
    const e1 = join(room, 1, '10.0.0.5', 1, 'K7Q2 \u001b]0;pwned\u0007eve\u202E');
    expect(events(e1)).toContainEqual(expect.objectContaining({type: 'join', nick: ']0;pwnedeve'}));
    const e2 = join(room, 2, '10.0.0.6', 1, 'K7Q2 \u0007\u0008');
    expect(events(e2)).toContainEqual(expect.objectContaining({type: 'join', nick: 'learner-2'}));
  });

  it('a token brings a learner back on a new connection after they left; an unknown token is refused', () => {
    const room = newRoom();
    const welcome = sent(join(room, 1, '10.0.0.5', 1000), 1)[0]!;
    const token = welcome.split(' ')[2]!;
    room.reduce({kind: 'closed', conn: 1, now: 1});
    expect(room.learners.get(1)?.present).toBe(false);
    const back = join(room, 2, '10.0.0.5', 1001, `K7Q2 +${token}`);
    expect(events(back)).toContainEqual(expect.objectContaining({type: 'join', learner: 1, resumed: true}));
    expect(sent(join(room, 3, '10.0.0.7', 1, 'K7Q2 +nosuchtoken'), 3)).toContain('bye unknown-token');
    // A live learner's token on another connection outside the second-connection experiment: busy.
    expect(sent(join(room, 4, '10.0.0.5', 1002, `K7Q2 +${token}`), 4)).toContain('bye busy');
  });
});

describe('polls', () => {
  it('sends the question in each learner\'s language, counts answers as numbers, reveals, closes', () => {
    const room = newRoom();
    join(room, 1, '10.0.0.1', 1);
    join(room, 2, '10.0.0.2', 1);
    room.reduce({kind: 'line', conn: 2, text: 'lang fa', now: 0});
    const opened = room.reduce({kind: 'open-poll', id: 'second-connection', now: 0});
    expect(sent(opened, 1)).toEqual([
      'poll second-connection 3', 'q en:polls.second-connection.question',
      'c 1 en:polls.second-connection.choices.0', 'c 2 en:polls.second-connection.choices.1', 'c 3 en:polls.second-connection.choices.2',
    ]);
    expect(sent(opened, 2)[1]).toBe('q fa:polls.second-connection.question');
    expect(sent(room.reduce({kind: 'line', conn: 1, text: '2', now: 0}), 1)[0]).toBe('answered second-connection 2');
    room.reduce({kind: 'line', conn: 2, text: 'answer 3', now: 0});
    // A changed mind moves the vote.
    const changed = room.reduce({kind: 'line', conn: 2, text: '2', now: 0});
    expect(events(changed)).toContainEqual({type: 'poll', id: 'second-connection', phase: 'answer', learner: 2, choice: 2, counts: [0, 2, 0]});
    expect(sent(room.reduce({kind: 'line', conn: 1, text: '7', now: 0}), 1)).toEqual(['error bad-choice']);
    const revealed = room.reduce({kind: 'reveal', now: 0});
    expect(sent(revealed, 2)).toEqual(['reveal second-connection 2 0,2,0', 'explain fa:polls.second-connection.explain']);
    expect(events(revealed)).toContainEqual({type: 'poll', id: 'second-connection', phase: 'reveal', counts: [0, 2, 0], answer: 2});
    expect(sent(room.reduce({kind: 'line', conn: 1, text: '1', now: 0}), 1)).toEqual(['error poll-revealed']);
    // Someone joining late sees the poll and its answer.
    const late = sent(join(room, 3, '10.0.0.3', 1), 3);
    expect(late).toContain('reveal second-connection 2 0,2,0');
    expect(sent(room.reduce({kind: 'close-poll', now: 0}), 1)).toEqual(['poll-closed second-connection']);
  });

  it('opens a lesson\'s ask as a poll; an unknown id is an error event', () => {
    const room = newRoom({polls: new Map([['demo/1', {id: 'demo/1', ns: 'demo', question: 'q', choices: ['a', 'b'], answer: 0, explain: 'e'}]])});
    join(room, 1, '10.0.0.1', 1);
    expect(sent(room.reduce({kind: 'open-poll', id: 'demo/1', now: 0}), 1)[0]).toBe('poll demo/1 2');
    expect(events(room.reduce({kind: 'open-poll', id: 'nope', now: 0}))).toEqual([{type: 'error', code: 'unknown-poll', poll: 'nope'}]);
  });
});

describe('experiments', () => {
  function roomOf(n: number): {room: Room; tokens: string[]} {
    const room = newRoom();
    const toks: string[] = [];
    for (let i = 1; i <= n; i++) toks.push(sent(join(room, i, `10.0.0.${i}`, 40000 + i), i)[0]!.split(' ')[2]!);
    return {room, tokens: toks};
  }

  it('second connection: the token opens a second row for the same learner, with a new source port', () => {
    const {room, tokens: toks} = roomOf(2);
    const start = room.reduce({kind: 'start', experiment: 'second-connection', now: 0});
    expect(sent(start, 1)).toEqual(['exp second-connection start', '# en:exp.second-connection.start {"port":4040}']);
    const second = join(room, 10, '10.0.0.1', 50001, `K7Q2 +${toks[0]}`);
    expect(sent(second, 10)).toEqual(['you 10.0.0.1:50001 second']);
    expect(events(second)).toContainEqual(expect.objectContaining({type: 'experiment', id: 'second-connection', phase: 'result', learner: 1, port: 50001}));
    expect(room.counts()).toEqual({listening: 1, connections: 3, ports: 3, addresses: 2});
    const end = room.reduce({kind: 'end', now: 0});
    expect(events(end)).toContainEqual({type: 'experiment', id: 'second-connection', phase: 'end', summary: {learners: 1, connected: 1}});
  });

  it('refused: stops listening first, then tells the room; ends by listening again', () => {
    const {room} = roomOf(1);
    expect(room.reduce({kind: 'start', experiment: 'refused', now: 0})).toEqual([{kind: 'unlisten'}]);
    const running = room.reduce({kind: 'listening', listening: false, now: 1});
    expect(sent(running, 1)[0]).toBe('exp refused start');
    expect(room.counts().listening).toBe(0);
    const result = room.reduce({kind: 'line', conn: 1, text: 'result refused ECONNREFUSED', now: 2});
    expect(events(result)).toContainEqual({type: 'experiment', id: 'refused', phase: 'result', learner: 1, result: 'ECONNREFUSED'});
    expect(room.reduce({kind: 'end', now: 3})).toEqual([{kind: 'listen'}]);
    const ended = room.reduce({kind: 'listening', listening: true, now: 4});
    expect(sent(ended, 1)[0]).toBe('exp refused end');
    expect(events(ended)).toContainEqual({type: 'experiment', id: 'refused', phase: 'end', summary: {learners: 1, ECONNREFUSED: 1}});
    expect(room.counts().listening).toBe(1);
  });

  it('udp: one socket counts each learner\'s datagram; other datagrams are not counted', () => {
    const {room} = roomOf(2);
    expect(room.reduce({kind: 'start', experiment: 'udp', now: 0})).toEqual([{kind: 'udp-open'}]);
    expect(sent(room.reduce({kind: 'udp', port: 4040, now: 0}), 2)[0]).toBe('exp udp start 4040');
    const d = room.reduce({kind: 'datagram', from: {address: '10.0.0.2', port: 6000}, text: 'K7Q2 2', now: 1});
    expect(events(d)).toEqual([{type: 'experiment', id: 'udp', phase: 'datagram', from: {address: '10.0.0.2', port: 6000}, learner: 2}]);
    expect(events(room.reduce({kind: 'datagram', from: {address: '10.9.9.9', port: 1}, text: 'hello', now: 1}))).toEqual([]);
    expect(room.reduce({kind: 'end', now: 2})).toEqual([{kind: 'udp-close'}]);
    const end = room.reduce({kind: 'udp', now: 3});
    expect(sent(end, 1)[0]).toBe('exp udp end 1');
    expect(events(end)).toContainEqual({type: 'experiment', id: 'udp', phase: 'end', summary: {learners: 1, sent: 1, datagrams: 1}});
  });

  it('udp: a failed bind aborts the experiment with an error event', () => {
    const {room} = roomOf(1);
    room.reduce({kind: 'start', experiment: 'udp', now: 0});
    const failed = room.reduce({kind: 'udp', error: 'EACCES', now: 0});
    expect(events(failed)).toEqual([
      {type: 'error', code: 'udp-failed', experiment: 'udp', sysCode: 'EACCES'},
      {type: 'experiment', id: 'udp', phase: 'abort'},
    ]);
    expect(room.experiment).toBeUndefined();
  });

  it('close: odd learners close first, the host closes the even ones; they come back with their token', () => {
    const {room, tokens: toks} = roomOf(2);
    const start = room.reduce({kind: 'start', experiment: 'close', now: 0});
    expect(sent(start, 1)[0]).toBe('exp close start you');
    expect(sent(start, 2)[0]).toBe('exp close start host');
    expect(closed(start)).toEqual([2]);
    expect(events(start)[0]).toEqual({type: 'experiment', id: 'close', phase: 'start', closers: {you: [1], host: [2]}});
    // Both connections close; nobody leaves the room.
    expect(events(room.reduce({kind: 'closed', conn: 1, now: 1})).filter((e) => e.type === 'leave')).toEqual([]);
    room.reduce({kind: 'closed', conn: 2, now: 1});
    room.reduce({kind: 'tick', now: 2});
    expect(room.learners.get(1)?.present).toBe(true);
    join(room, 11, '10.0.0.1', 40101, `K7Q2 +${toks[0]}`);
    join(room, 12, '10.0.0.2', 40102, `K7Q2 +${toks[1]}`);
    room.reduce({kind: 'line', conn: 11, text: 'result close time-wait', now: 3});
    room.reduce({kind: 'line', conn: 12, text: 'result close peer-closed', now: 3});
    const end = room.reduce({kind: 'end', now: 4});
    expect(events(end)).toContainEqual({type: 'experiment', id: 'close', phase: 'end', summary: {learners: 2, 'time-wait': 1, 'peer-closed': 1}});
  });

  it('one experiment at a time', () => {
    const {room} = roomOf(1);
    room.reduce({kind: 'start', experiment: 'second-connection', now: 0});
    expect(events(room.reduce({kind: 'start', experiment: 'udp', now: 0}))).toEqual([{type: 'error', code: 'experiment-running', experiment: 'second-connection'}]);
  });
});

describe('the instructor and the wall', () => {
  it('kick: bye kicked, closed, left; the token no longer works', () => {
    const room = newRoom();
    const token = sent(join(room, 1, '10.0.0.5', 1000), 1)[0]!.split(' ')[2]!;
    const kicked = room.reduce({kind: 'kick', learner: 1, now: 0});
    expect(sent(kicked, 1)).toContain('bye kicked');
    expect(closed(kicked)).toEqual([1]);
    expect(events(kicked)).toContainEqual({type: 'leave', learner: 1, nick: 'user1', reason: 'kicked'});
    room.reduce({kind: 'closed', conn: 1, now: 0});
    expect(sent(join(room, 2, '10.0.0.5', 1001, `K7Q2 +${token}`), 2)).toContain('bye unknown-token');
  });

  it('each learner gets the counts and the rows around theirs, only when they change; --private masks the others', () => {
    const room = newRoom({private: true});
    for (let i = 1; i <= 8; i++) join(room, i, `192.168.1.${10 + i}`, 50000 + i);
    const tick = room.reduce({kind: 'tick', now: 1000});
    const mine = sent(tick, 5).map(parseHostLine);
    expect(mine[0]).toEqual({kind: 'wall', listening: 1, connections: 8, ports: 8, addresses: 8, rows: 5});
    const rows = mine.slice(1) as Extract<ReturnType<typeof parseHostLine>, {kind: 'row'}>[];
    expect(rows.map((r) => r.learner)).toEqual([3, 4, 5, 6, 7]);
    expect(rows.find((r) => r.learner === 5)?.address).toBe('192.168.1.15');
    expect(rows.find((r) => r.learner === 4)?.address).toBe('*.*.*.14');
    expect(sent(room.reduce({kind: 'tick', now: 2000}), 5)).toEqual([]);
  });

  it('stuck and step reach the grid as events', () => {
    const room = newRoom();
    join(room, 1, '10.0.0.5', 1000);
    expect(events(room.reduce({kind: 'line', conn: 1, text: 'stuck', now: 0}))).toEqual([{type: 'stuck', learner: 1, on: true}]);
    expect(room.learners.get(1)?.stuck).toBe(true);
    expect(events(room.reduce({kind: 'line', conn: 1, text: 'step udp', now: 0}))).toEqual([{type: 'step', learner: 1, step: 'udp'}]);
  });

  it('shutdown says host-ended to every connection and closes each', () => {
    const room = newRoom();
    join(room, 1, '10.0.0.5', 1000);
    room.reduce({kind: 'open', conn: 2, from: {address: '10.0.0.6', port: 1}, now: 0});
    const end = room.reduce({kind: 'shutdown', now: 0});
    expect(sent(end, 1)).toContain('bye host-ended');
    expect(sent(end, 2)).toContain('bye host-ended');
    expect(closed(end).sort()).toEqual([1, 2]);
    expect(events(end)).toContainEqual<HostEvent>({type: 'leave', learner: 1, nick: 'user1', reason: 'host-ended'});
  });
});
