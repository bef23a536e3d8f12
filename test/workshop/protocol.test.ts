import {describe, expect, it} from 'vitest';
import {
  cleanNick, encodeLine, hostLines, LineSplitter, MAX_LINE_BYTES, parseFirstLine, parseHostLine, parseLearnerLine,
} from '../../src/workshop/protocol.ts';
import {newRoomCode, newToken} from '../../src/workshop/code.ts';
import {maskAddress} from '../../src/workshop/privacy.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('LineSplitter', () => {
  it('gives whole lines across chunks, with \\n or \\r\\n', () => {
    const s = new LineSplitter();
    expect(s.push(bytes('K7Q2 al'))).toEqual({lines: []});
    expect(s.push(bytes('ice\r\nanswer 2\nstu'))).toEqual({lines: ['K7Q2 alice', 'answer 2']});
    expect(s.push(bytes('ck\n'))).toEqual({lines: ['stuck']});
  });

  it('keeps a character split between chunks whole', () => {
    const s = new LineSplitter();
    const b = bytes('سلام\n');
    expect(s.push(b.subarray(0, 3)).lines).toEqual([]);
    expect(s.push(b.subarray(3)).lines).toEqual(['سلام']);
  });

  it('takes a line of exactly 1 KiB and refuses one byte more, even before its line end arrives', () => {
    const ok = new LineSplitter();
    expect(ok.push(bytes(`${'a'.repeat(MAX_LINE_BYTES)}\r\n`)).lines).toEqual(['a'.repeat(MAX_LINE_BYTES)]);
    const long = new LineSplitter();
    expect(long.push(bytes('a'.repeat(MAX_LINE_BYTES + 1))).error).toBeUndefined(); // the \r may still come
    expect(long.push(bytes('b')).error).toBe('line-too-long');
    expect(new LineSplitter().push(bytes(`${'a'.repeat(MAX_LINE_BYTES + 1)}\n`)).error).toBe('line-too-long');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(new LineSplitter().push(new Uint8Array([0x41, 0xff, 0x0a])).error).toBe('not-utf8');
  });
});

describe('learner lines', () => {
  it('reads the first line: the code and a nickname, or +TOKEN', () => {
    expect(parseFirstLine('k7q2 alice  smith')).toEqual({code: 'K7Q2', nick: 'alice smith'});
    expect(parseFirstLine('K7Q2')).toEqual({code: 'K7Q2', nick: ''});
    expect(parseFirstLine('K7Q2 +abcDEF1234')).toEqual({code: 'K7Q2', token: 'abcDEF1234'});
    expect(parseFirstLine('۲۳AB x')).toEqual({code: '23AB', nick: 'x'});
    expect(parseFirstLine('   ')).toBeUndefined();
  });

  it('reads answers as choice numbers in any digits, and never acts on unknown words', () => {
    expect(parseLearnerLine('2')).toEqual({kind: 'answer', choice: 2});
    expect(parseLearnerLine('answer ۳')).toEqual({kind: 'answer', choice: 3});
    expect(parseLearnerLine('stuck')).toEqual({kind: 'stuck', on: true});
    expect(parseLearnerLine('stuck off')).toEqual({kind: 'stuck', on: false});
    expect(parseLearnerLine('result udp sent 5353')).toEqual({kind: 'result', experiment: 'udp', word: 'sent', port: 5353});
    expect(parseLearnerLine('result rm-rf sent')).toEqual({kind: 'unknown', word: 'result'});
    expect(parseLearnerLine('$(reboot)')).toEqual({kind: 'unknown', word: '$(reboot)'});
    expect(parseLearnerLine('')).toEqual({kind: 'empty'});
  });

  it('cleans nicknames: no control, bidi or zero-width characters, at most 20 characters', () => {
    expect(cleanNick('\u001b[2Jmallory\u0007')).toBe('[2Jmallory');
    expect(cleanNick('a\u202Eb\u200Bc\u2066d')).toBe('abcd');
    expect(cleanNick('  two   words ')).toBe('two words');
    expect([...cleanNick('x'.repeat(50))]).toHaveLength(20);
    expect(cleanNick('مریم')).toBe('مریم');
  });
});

describe('host lines', () => {
  it('every message the host writes reads back as itself', () => {
    const rows = [{learner: 3, address: '10.0.0.5', port: 53122, role: 'main' as const, nick: 'ali reza'}];
    const lines = [
      hostLines.hello(),
      hostLines.welcome(3, 'abcd1234XY'),
      hostLines.you('fe80::1', 40000, 'second'),
      ...hostLines.wall({listening: 1, connections: 27, ports: 27, addresses: 14}, rows),
      ...hostLines.poll('passive-socket/1', 'Which port?', ['one', 'two']),
      hostLines.answered('udp', 1),
      ...hostLines.reveal('udp', 1, [3, 0, 2], 'because'),
      hostLines.pollClosed('udp'),
      hostLines.exp('udp', 'start', 4040),
      hostLines.bye('room-full'),
    ];
    expect(lines.map(parseHostLine)).toEqual([
      {kind: 'hello', version: 1},
      {kind: 'welcome', learner: 3, token: 'abcd1234XY'},
      {kind: 'you', address: 'fe80::1', port: 40000, role: 'second'},
      {kind: 'wall', listening: 1, connections: 27, ports: 27, addresses: 14, rows: 1},
      {kind: 'row', ...rows[0]},
      {kind: 'poll', id: 'passive-socket/1', choices: 2},
      {kind: 'q', text: 'Which port?'},
      {kind: 'c', n: 1, text: 'one'},
      {kind: 'c', n: 2, text: 'two'},
      {kind: 'answered', id: 'udp', choice: 1},
      {kind: 'reveal', id: 'udp', answer: 1, counts: [3, 0, 2]},
      {kind: 'explain', text: 'because'},
      {kind: 'poll-closed', id: 'udp'},
      {kind: 'exp', id: 'udp', phase: 'start', args: ['4040']},
      {kind: 'bye', reason: 'room-full'},
    ]);
  });

  it('reads a masked address, and nothing it does not know', () => {
    expect(parseHostLine(`row 4 ${maskAddress('192.168.1.23')}:5000 main x`)).toMatchObject({address: '*.*.*.23', port: 5000});
    expect(parseHostLine(`row 4 [${maskAddress('2001:db8::1a2b')}]:5000 main x`)).toMatchObject({address: '*:1a2b'});
    expect(parseHostLine('exp format-disk start')).toEqual({kind: 'unknown', word: 'exp'});
    expect(parseHostLine('run rm -rf /')).toEqual({kind: 'unknown', word: 'run'});
  });

  it('cuts a line to 1 KiB at a character and never lets a line end through', () => {
    const line = encodeLine(`q ${'ж'.repeat(600)}\nbye kicked`);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(new TextEncoder().encode(line.slice(0, -1)).length).toBeLessThanOrEqual(MAX_LINE_BYTES);
  });
});

describe('room codes', () => {
  it('are 4 characters with no look-alikes, and differ between rooms', () => {
    const codes = Array.from({length: 200}, () => newRoomCode());
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBeGreaterThan(190);
    expect(newToken()).toMatch(/^[A-Za-z0-9]{10}$/);
  });
});
