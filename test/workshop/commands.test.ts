// The workshop's command lines: host/join arguments, the instructor's typed commands,
// HOST:PORT, and the learner's record stream.
import {describe, expect, it} from 'vitest';
import {parseCliArgs} from '../../src/cli/args.ts';
import {parseControlLine} from '../../src/workshop/control.ts';
import {LearnerRecords} from '../../src/workshop/learner-records.ts';
import {initialLearnerState, learnerReducer, type LearnerState} from '../../src/workshop/learner.ts';
import {parseHostLine} from '../../src/workshop/protocol.ts';
import {parseTarget} from '../../src/workshop/target.ts';

describe('host and join arguments', () => {
  it('host takes --on, --port, --max, --simulate, --record, --private', () => {
    expect(parseCliArgs(['host', '--on', 'wlan0', '--port', '0', '--max', '30', '--simulate', '5', '--record', 's.json', '--record-addresses', '--private', '--json'])).toMatchObject({
      ok: true,
      options: {mode: 'host', json: true, workshop: {on: 'wlan0', port: 0, max: 30, simulate: 5, record: 's.json', recordAddresses: true, private: true, discovery: true}},
    });
    expect(parseCliArgs(['host', '--port', '70000'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--port', value: '70000'}});
    expect(parseCliArgs(['host', '--max', '0'])).toMatchObject({ok: false, error: {option: '--max'}});
    expect(parseCliArgs(['host', '--simulate', 'many'])).toMatchObject({ok: false, error: {option: '--simulate'}});
  });

  it('join takes HOST:PORT CODE, or a code alone, or nothing (discovery)', () => {
    expect(parseCliArgs(['join', '192.168.1.23:4040', 'K7Q2', '--name', 'nika'])).toMatchObject({ok: true, options: {mode: 'join', workshop: {target: '192.168.1.23:4040', code: 'K7Q2', name: 'nika'}}});
    expect(parseCliArgs(['join', 'K7Q2'])).toMatchObject({ok: true, options: {workshop: {code: 'K7Q2'}}});
    expect(parseCliArgs(['join'])).toMatchObject({ok: true, options: {mode: 'join'}});
    expect(parseCliArgs(['join', 'a:1', 'B', 'C'])).toMatchObject({ok: false, error: {code: 'extra-argument', value: 'C'}});
  });

  it('host options elsewhere are refused by name', () => {
    expect(parseCliArgs(['repl', '--port', '5'])).toMatchObject({ok: false, error: {code: 'extra-argument', value: '--port'}});
    expect(parseCliArgs(['join', 'a:1', 'B', '--simulate', '3'])).toMatchObject({ok: false, error: {code: 'extra-argument', value: '--simulate'}});
    expect(parseCliArgs(['host', '--name', 'x'])).toMatchObject({ok: false, error: {code: 'extra-argument', value: '--name'}});
  });
});

describe('the instructor\'s typed commands', () => {
  it('reads each command, and names what it does not know', () => {
    expect(parseControlLine('poll passive-socket/1')).toEqual({kind: 'open-poll', id: 'passive-socket/1'});
    expect(parseControlLine('run udp')).toEqual({kind: 'start', experiment: 'udp'});
    expect(parseControlLine('kick ۱۲')).toEqual({kind: 'kick', learner: 12});
    expect(parseControlLine('  ')).toEqual({kind: 'empty'});
    expect(parseControlLine('run rm')).toEqual({kind: 'bad', word: 'run'});
    expect(parseControlLine('reveal now')).toEqual({kind: 'bad', word: 'reveal'});
    expect(parseControlLine('q')).toEqual({kind: 'quit'});
  });
});

describe('HOST:PORT', () => {
  it('reads IPv4, [IPv6] and names with a port', () => {
    expect(parseTarget('192.168.1.23:4040')).toEqual({ok: true, host: '192.168.1.23', port: 4040});
    expect(parseTarget('[fe80::1]:4040')).toEqual({ok: true, host: 'fe80::1', port: 4040});
    expect(parseTarget('room.local:80')).toEqual({ok: true, host: 'room.local', port: 80});
    for (const bad of ['192.168.1.23', ':4040', '1.2.3.4:0', '1.2.3.4:65536', 'a b:1']) expect(parseTarget(bad)).toEqual({ok: false});
  });
});

describe('the learner\'s records', () => {
  const feed = (lines: string[], start: LearnerState = initialLearnerState({host: '10.0.0.1', port: 4040, code: 'K7Q2', nick: 'x'})) => {
    const records = new LearnerRecords();
    let state = start;
    const out = [...records.next(state)];
    for (const line of lines) {
      state = learnerReducer(state, {kind: 'line', line: parseHostLine(line)});
      out.push(...records.next(state));
    }
    return out;
  };

  it('a poll shows once all its lines are in; a reveal once its explanation is', () => {
    const out = feed(['poll udp 2', 'q Which?', 'c 1 one', 'c 2 two', 'answered udp 2', 'reveal udp 1 3,1', 'explain because']);
    expect(out.map((r) => r.type)).toEqual(['poll', 'answered', 'reveal']);
    expect(out[0]).toEqual({type: 'poll', id: 'udp', question: 'Which?', choices: ['one', 'two']});
    expect(out[2]).toEqual({type: 'reveal', id: 'udp', answer: 1, counts: [3, 1], explain: 'because', mine: 2});
  });

  it('a wall copy shows once its rows are in', () => {
    const out = feed(['wall 1 2 2 2 2', 'row 1 10.0.0.5:5000 main a']);
    expect(out).toEqual([]);
    const full = feed(['wall 1 2 2 2 2', 'row 1 10.0.0.5:5000 main a', 'row 2 10.0.0.6:5000 main b']);
    expect(full).toEqual([{type: 'wall', listening: 1, connections: 2, ports: 2, addresses: 2, rows: [
      {learner: 1, address: '10.0.0.5', port: 5000, role: 'main', nick: 'a'},
      {learner: 2, address: '10.0.0.6', port: 5000, role: 'main', nick: 'b'},
    ]}]);
  });

  it('an experiment is told step by step', () => {
    const out = feed(['welcome 1 abcdef1234', 'exp udp start 4040', 'exp udp end 7']);
    expect(out.map((r) => (r.type === 'experiment' ? `${r.id}:${r.change}` : r.type))).toEqual(['joined', 'udp:start', 'udp:end']);
    expect(out.at(-1)).toMatchObject({view: {datagrams: 7, udpPort: 4040}});
  });

  it('text from the host loses control characters and bidi overrides', () => {
    const out = feed(['poll udp 2', 'q \u001b[2Jwhich\u202E?', 'c 1 a\u0007', 'c 2 b']);
    expect(out[0]).toMatchObject({question: '[2Jwhich?', choices: ['a', 'b']});
  });
});
