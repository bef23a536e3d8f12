import {describe, expect, it} from 'vitest';
import {parseLine, isBlank, MAX_LINE_CHARS, MAX_TEXT_BYTES, VERBS, type Command, type ParseError} from '../../src/commands/index.ts';

function ok(line: string): Command {
  const r = parseLine(line);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(line)} to parse, got ${JSON.stringify(r.error)}`);
  return r.command;
}
function bad(line: string): ParseError {
  const r = parseLine(line);
  if (r.ok) throw new Error(`expected ${JSON.stringify(line)} to fail, got ${JSON.stringify(r.command)}`);
  return r.error;
}

describe('verbs', () => {
  it('socket', () => {
    expect(ok('socket tcp')).toEqual({verb: 'socket', protocol: 'tcp'});
    expect(ok('socket udp as u2')).toEqual({verb: 'socket', protocol: 'udp', name: 'u2'});
    expect(bad('socket unix')).toMatchObject({code: 'BAD_PROTOCOL', at: 7, allowed: ['tcp', 'udp']});
    expect(bad('socket')).toMatchObject({code: 'MISSING', expected: 'protocol-or-name'});
    expect(bad('socket tcp extra')).toMatchObject({code: 'EXTRA', token: 'extra', at: 11});
  });
  it('bind: new socket or existing name', () => {
    expect(ok('bind udp 127.0.0.1:0 as u1')).toEqual({
      verb: 'bind',
      target: {kind: 'new', protocol: 'udp', name: 'u1'},
      address: {kind: 'inet', host: '127.0.0.1', port: 0, family: 4},
    });
    expect(ok('bind u3 127.0.0.1:0')).toEqual({
      verb: 'bind',
      target: {kind: 'existing', name: 'u3'},
      address: {kind: 'inet', host: '127.0.0.1', port: 0, family: 4},
    });
    expect(bad('bind u3 127.0.0.1:0 as x')).toMatchObject({code: 'AS_NOT_ALLOWED', at: 20});
    expect(bad('bind unix /tmp/x')).toMatchObject({code: 'BAD_PROTOCOL'});
    expect(bad('bind udp')).toMatchObject({code: 'MISSING', expected: 'address'});
  });
  it('listen: tcp address, unix path or temp path, existing socket', () => {
    expect(ok('listen tcp 127.0.0.1:0 as srv')).toMatchObject({target: {kind: 'new', protocol: 'tcp', name: 'srv'}});
    expect(ok('listen tcp srv as dup')).toMatchObject({address: {kind: 'socket', name: 'srv'}});
    expect(ok('listen unix as us')).toEqual({verb: 'listen', target: {kind: 'new', protocol: 'unix', name: 'us'}});
    expect(ok('listen unix /tmp/a.sock')).toMatchObject({address: {kind: 'path', path: '/tmp/a.sock'}});
    expect(ok('listen unix "/tmp/with space.sock"')).toMatchObject({address: {kind: 'path', path: '/tmp/with space.sock'}});
    expect(bad('listen unix us')).toMatchObject({code: 'BAD_PATH', token: 'us'});
    expect(ok('listen t1')).toEqual({verb: 'listen', target: {kind: 'existing', name: 't1'}});
    expect(bad('listen udp 0')).toMatchObject({code: 'BAD_PROTOCOL', allowed: ['tcp', 'unix']});
    expect(bad('listen tcp')).toMatchObject({code: 'MISSING', expected: 'address'});
  });
  it('connect: tcp, udp, unix, existing, from', () => {
    expect(ok('connect tcp srv as c1')).toMatchObject({target: {kind: 'new', protocol: 'tcp', name: 'c1'}, address: {kind: 'socket', name: 'srv'}});
    expect(ok('connect u2 u1')).toEqual({verb: 'connect', target: {kind: 'existing', name: 'u2'}, address: {kind: 'socket', name: 'u1'}});
    expect(ok('connect unix us as uc')).toMatchObject({address: {kind: 'socket', name: 'us'}});
    expect(ok('connect unix /run/x.sock')).toMatchObject({address: {kind: 'path', path: '/run/x.sock'}});
    expect(ok('connect udp 9000 as u')).toMatchObject({target: {protocol: 'udp'}, address: {port: 9000}});
    expect(ok('connect tcp 8080 from 127.0.0.1:40000')).toMatchObject({from: {kind: 'inet', host: '127.0.0.1', port: 40000}});
    expect(bad('connect udp 8080 from 127.0.0.1:1')).toMatchObject({code: 'EXTRA'});
    expect(bad('connect unix 127.0.0.1:80')).toMatchObject({code: 'BAD_PATH'});
    expect(bad('connect 127.0.0.1:80')).toMatchObject({code: 'NOT_A_NAME', expected: 'protocol-or-name'});
  });
  it('send: bare words or quoted text', () => {
    expect(ok('send uc ping')).toEqual({verb: 'send', socket: 'uc', text: 'ping'});
    expect(ok('send c1 hello   world')).toEqual({verb: 'send', socket: 'c1', text: 'hello world'});
    expect(ok('send c1 "hello from c1"')).toEqual({verb: 'send', socket: 'c1', text: 'hello from c1'});
    expect(ok('send c1 ""')).toEqual({verb: 'send', socket: 'c1', text: ''});
    expect(ok('send c1 "a\\nb\\tc\\\\d\\"e"')).toEqual({verb: 'send', socket: 'c1', text: 'a\nb\tc\\d"e'});
    expect(ok('send c1 it as is')).toMatchObject({text: 'it as is'});
    expect(bad('send c1')).toMatchObject({code: 'MISSING', expected: 'text'});
    expect(bad('send tcp hi')).toMatchObject({code: 'NOT_A_NAME'});
  });
  it('sendto: existing or new udp socket', () => {
    expect(ok('sendto u2 u1 "hi"')).toEqual({verb: 'sendto', target: {kind: 'existing', name: 'u2'}, address: {kind: 'socket', name: 'u1'}, text: 'hi'});
    expect(ok('sendto udp 127.0.0.1:9 hi there as s')).toMatchObject({target: {kind: 'new', protocol: 'udp', name: 's'}, text: 'hi there'});
    expect(bad('sendto tcp 127.0.0.1:9 hi')).toMatchObject({code: 'BAD_PROTOCOL', allowed: ['udp']});
    expect(bad('sendto u2 u1')).toMatchObject({code: 'MISSING', expected: 'text'});
  });
  it('shutdown, close, reset take exactly one name', () => {
    for (const v of ['shutdown', 'close', 'reset'] as const) {
      expect(ok(`${v} c1`)).toEqual({verb: v, socket: 'c1'});
      expect(bad(v)).toMatchObject({code: 'MISSING', expected: 'name', verb: v});
      expect(bad(`${v} c1 c2`)).toMatchObject({code: 'EXTRA', token: 'c2'});
      expect(bad(`${v} c1 as x`)).toMatchObject({code: 'AS_NOT_ALLOWED'});
    }
  });
  it('verbs without arguments', () => {
    for (const v of ['sockets', 'os', 'clear', 'quit'] as const) {
      expect(ok(v)).toEqual({verb: v});
      expect(ok(v.toUpperCase())).toEqual({verb: v});
      expect(bad(`${v} now`)).toMatchObject({code: 'EXTRA', token: 'now', at: v.length + 1});
    }
  });
  it('scan: host, ports, ranges, names', () => {
    expect(ok('scan 127.0.0.1 srv')).toEqual({verb: 'scan', host: '127.0.0.1', hostFamily: 4, ports: [{kind: 'socket', name: 'srv'}]});
    expect(ok('scan ::1 8000-8010,22 srv')).toEqual({
      verb: 'scan',
      host: '::1',
      hostFamily: 6,
      ports: [{kind: 'range', from: 8000, to: 8010}, {kind: 'port', port: 22}, {kind: 'socket', name: 'srv'}],
    });
    expect(ok('scan 80')).toMatchObject({host: '127.0.0.1', ports: [{kind: 'port', port: 80}]});
    expect(bad('scan 127.0.0.1')).toMatchObject({code: 'MISSING', expected: 'ports'});
    expect(bad('scan 127.0.0.1 10-5')).toMatchObject({code: 'BAD_RANGE', token: '10-5'});
    expect(bad('scan 127.0.0.1 0')).toMatchObject({code: 'BAD_PORT'});
    expect(bad('scan 127.0.0.1 70000')).toMatchObject({code: 'BAD_PORT'});
    expect(bad('scan 127.0.0.1 1,,2')).toMatchObject({code: 'BAD_PORT'});
    expect(bad('scan 999.1.1.1 80')).toMatchObject({code: 'BAD_ADDRESS', token: '999.1.1.1'});
  });
  it('wait: event, optional socket, optional timeout', () => {
    expect(ok('wait accept srv 2000')).toEqual({verb: 'wait', event: 'accept', socket: 'srv', timeoutMs: 2000});
    expect(ok('wait message')).toEqual({verb: 'wait', event: 'message', timeoutMs: 10_000});
    expect(ok('wait data 500')).toEqual({verb: 'wait', event: 'data', timeoutMs: 500});
    expect(bad('wait accepted')).toMatchObject({code: 'BAD_EVENT', token: 'accepted'});
    expect(bad('wait accept srv 0')).toMatchObject({code: 'BAD_TIMEOUT'});
    expect(bad('wait accept srv 9999999')).toMatchObject({code: 'BAD_TIMEOUT'});
  });
  it('help, lang', () => {
    expect(ok('help')).toEqual({verb: 'help'});
    expect(ok('help sendto')).toEqual({verb: 'help', topic: 'sendto'});
    expect(bad('help sendd')).toMatchObject({code: 'UNKNOWN_VERB', suggestion: 'send'});
    expect(ok('lang fa')).toEqual({verb: 'lang', lng: 'fa'});
    expect(bad('lang de')).toMatchObject({code: 'BAD_LANGUAGE', allowed: ['en', 'fa', 'ru']});
    expect(bad('lang')).toMatchObject({code: 'MISSING', expected: 'language'});
  });
  it('every verb in VERBS has a test above', () => {
    expect([...VERBS].sort()).toEqual(
      ['socket', 'bind', 'listen', 'connect', 'send', 'sendto', 'shutdown', 'close', 'reset', 'sockets', 'os', 'scan', 'wait', 'help', 'lang', 'clear', 'quit'].sort(),
    );
  });
});

describe('address forms', () => {
  const addr = (a: string) => (ok(`bind tcp ${a}`) as Extract<Command, {verb: 'bind'}>).address;
  it('HOST:PORT, [IPv6]:PORT, bare PORT, NAME, localhost', () => {
    expect(addr('127.0.0.1:8080')).toEqual({kind: 'inet', host: '127.0.0.1', port: 8080, family: 4});
    expect(addr('[::1]:0')).toEqual({kind: 'inet', host: '::1', port: 0, family: 6});
    expect(addr('5000')).toEqual({kind: 'inet', host: '127.0.0.1', port: 5000, family: 4, bare: true});
    expect(addr('srv')).toEqual({kind: 'socket', name: 'srv'});
    expect(addr('localhost:1')).toEqual({kind: 'inet', host: '127.0.0.1', port: 1, family: 4});
    expect(addr('example.org:80')).toEqual({kind: 'inet', host: 'example.org', port: 80, family: 'hostname'});
    expect(addr('65535')).toMatchObject({port: 65535});
  });
  it('malformed addresses and ports out of range', () => {
    expect(bad('bind tcp 65536')).toMatchObject({code: 'BAD_PORT', token: '65536', at: 9});
    expect(bad('bind tcp 127.0.0.1:70000')).toMatchObject({code: 'BAD_PORT'});
    expect(bad('bind tcp 127.0.0.1:-1')).toMatchObject({code: 'BAD_PORT'});
    expect(bad('bind tcp 127.0.0.1:')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp 127.0.0.1:http')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp ::1:80')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp 300.0.0.1:80')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp [::1]')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp /tmp/x')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp "srv"')).toMatchObject({code: 'BAD_ADDRESS'});
    expect(bad('bind tcp 99999999999')).toMatchObject({code: 'BAD_ADDRESS'});
  });
  it('names: letters of any script; reserved words and bad characters rejected', () => {
    expect(ok('socket tcp as سرور')).toMatchObject({name: 'سرور'});
    expect(ok('socket tcp as сервер_1')).toMatchObject({name: 'сервер_1'});
    expect(bad('socket tcp as tcp')).toMatchObject({code: 'BAD_NAME', token: 'tcp'});
    expect(bad('socket tcp as 1abc')).toMatchObject({code: 'BAD_NAME'});
    expect(bad('socket tcp as a:b')).toMatchObject({code: 'BAD_NAME'});
    expect(bad('socket tcp as ' + 'x'.repeat(33))).toMatchObject({code: 'BAD_NAME'});
    expect(bad('socket tcp as')).toMatchObject({code: 'MISSING', expected: 'name'});
  });
});

describe('tokenizing', () => {
  it('Persian and Arabic-Indic digits anywhere outside quotes', () => {
    expect(ok('listen tcp ۱۲۷.۰.۰.۱:۸۰۸۰')).toMatchObject({address: {host: '127.0.0.1', port: 8080}});
    expect(ok('bind udp ٥٠٠٠')).toMatchObject({address: {port: 5000}});
    expect(ok('wait accept srv ۲۰۰۰')).toMatchObject({timeoutMs: 2000});
    expect(ok('scan ۸۰-۸۵')).toMatchObject({ports: [{kind: 'range', from: 80, to: 85}]});
    expect(ok('socket tcp as c۱')).toMatchObject({name: 'c1'});
    // Quoted text is data: sent as typed.
    expect(ok('send c1 "۱۲۳"')).toMatchObject({text: '۱۲۳'});
  });
  it('BiDi marks from RTL keyboards are ignored outside quotes', () => {
    expect(ok('\u200flisten tcp 127.0.0.1:0\u200e as srv')).toMatchObject({verb: 'listen', target: {name: 'srv'}});
  });
  it('comments, blank lines, CRLF', () => {
    expect(bad('')).toMatchObject({code: 'EMPTY'});
    expect(bad('   # only a comment')).toMatchObject({code: 'EMPTY'});
    expect(isBlank('  # c')).toBe(true);
    expect(isBlank('os')).toBe(false);
    expect(ok('close c1 # done with it')).toEqual({verb: 'close', socket: 'c1'});
    expect(ok('send c1 "a # b"')).toMatchObject({text: 'a # b'});
    expect(ok('send c1 a#b')).toMatchObject({text: 'a#b'});
    expect(ok('sockets\r\n')).toEqual({verb: 'sockets'});
  });
  it('quoting errors point at the column', () => {
    expect(bad('send c1 "abc')).toEqual({code: 'UNTERMINATED_QUOTE', at: 8});
    expect(bad('send c1 "a\\qb"')).toEqual({code: 'BAD_ESCAPE', at: 10, token: '\\q'});
    expect(bad('send c1 "a\\')).toMatchObject({code: 'BAD_ESCAPE'});
  });
  it('control characters are refused with their position', () => {
    expect(bad('send c1 a\u0000b')).toEqual({code: 'CONTROL_CHAR', at: 9, codePoint: 0});
    expect(bad('send c1 "\u001b[31m"')).toMatchObject({code: 'CONTROL_CHAR', codePoint: 0x1b});
    expect(bad('os\u007f')).toMatchObject({code: 'CONTROL_CHAR', at: 2});
    expect(ok('send\tc1\tx')).toMatchObject({text: 'x'});
  });
  it('unknown verbs get a suggestion when close', () => {
    expect(bad('lsiten tcp 1')).toEqual({code: 'UNKNOWN_VERB', at: 0, token: 'lsiten', suggestion: 'listen'});
    expect(bad('xyzzy')).toEqual({code: 'UNKNOWN_VERB', at: 0, token: 'xyzzy'});
    expect(bad('"listen" tcp 0')).toMatchObject({code: 'UNKNOWN_VERB'});
    expect(bad('گوش tcp 0')).toMatchObject({code: 'UNKNOWN_VERB'});
  });
  it('size limits: text over 64 KiB, very long lines', () => {
    const okText = 'a'.repeat(MAX_TEXT_BYTES);
    expect(ok(`send c1 "${okText}"`)).toMatchObject({verb: 'send'});
    expect(bad(`send c1 "${okText}b"`)).toMatchObject({code: 'TEXT_TOO_LONG', limit: MAX_TEXT_BYTES, actual: MAX_TEXT_BYTES + 1});
    // Bytes, not characters: 40,000 Persian letters are 80,000 bytes.
    expect(bad(`send c1 ${'س'.repeat(40_000)}`)).toMatchObject({code: 'TEXT_TOO_LONG'});
    expect(bad('x'.repeat(100_000))).toMatchObject({code: 'LINE_TOO_LONG', limit: MAX_LINE_CHARS, actual: 100_000});
  });
});

describe('the acceptance script parses line by line', () => {
  const script = `listen tcp 127.0.0.1:0 as srv
connect tcp srv as c1
connect tcp srv as c2
send c1 "hello from c1"
sockets
listen tcp srv as dup
connect tcp 127.0.0.1:1 as nobody
close c1
socket udp as u2
bind udp 127.0.0.1:0 as u1
sendto u2 u1 "hi"
connect u2 u1
send u2 "again"
socket udp as u3
bind u3 127.0.0.1:0
sendto u3 u1 "from u3"
listen unix as us
connect unix us as uc
send uc ping
scan 127.0.0.1 srv
os
quit`;
  it.each(script.split('\n'))('%s', (line) => {
    expect(parseLine(line).ok).toBe(true);
  });
});
