// Line → typed Command, or a typed ParseError pointing at the word that is wrong.
// Grammar: VERB [PROTOCOL|NAME] ARGS… [as NAME]. A protocol after the verb makes a new
// socket; a NAME acts on an existing one (resolved when the command runs, not here).

import {isName, parseAddress, parseHost, parsePorts, short, type AddressForms} from './address.ts';
import {tokenize, type Token} from './tokenize.ts';
import type {AddressArg, Command, Expectation, ParseError, ParseResult, Target} from './types.ts';
import {CREATING_VERBS, LANGUAGES, VERBS, WAIT_EVENTS, isVerb, type Language, type Verb} from './verbs.ts';

/** Largest text a send/sendto carries, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 64 * 1024;
export const DEFAULT_WAIT_MS = 10_000;
export const MAX_WAIT_MS = 600_000;

type Proto = 'tcp' | 'udp' | 'unix';

/** Thrown inside the parser only; parseLine turns it into {ok:false}. */
class Fail {
  readonly error: ParseError;
  constructor(error: ParseError) {
    this.error = error;
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The verb nearest to a mistyped word, if one is close enough to be a typo. */
export function suggestVerb(word: string): Verb | undefined {
  const w = word.toLowerCase();
  if (w.length > 12) return undefined;
  let best: Verb | undefined;
  let bestD = 3;
  for (const v of VERBS) {
    const d = editDistance(w, v);
    if (d < bestD || (d === bestD && best === undefined && d <= 2)) {
      best = v;
      bestD = d;
    }
  }
  return bestD <= Math.min(2, Math.floor(w.length / 2)) ? best : undefined;
}

class Args {
  private i = 0;
  readonly verb: Verb;
  private readonly toks: Token[];
  /** Where a missing word would go, for errors about missing words. */
  private readonly end: number;
  constructor(verb: Verb, toks: Token[], end: number) {
    this.verb = verb;
    this.toks = toks;
    this.end = end;
  }
  fail(code: ParseError['code'], tok: Token | undefined, extra: Partial<ParseError> = {}): never {
    const at = tok ? tok.at : this.end;
    const err: ParseError = {code, at, verb: this.verb, ...extra};
    if (tok) err.token = short(tok.text);
    throw new Fail(err);
  }
  peek(): Token | undefined {
    return this.toks[this.i];
  }
  next(expected: Expectation): Token {
    const tok = this.toks[this.i++];
    if (!tok) this.fail('MISSING', undefined, {expected});
    return tok;
  }
  rest(): Token[] {
    const r = this.toks.slice(this.i);
    this.i = this.toks.length;
    return r;
  }
  done(): void {
    const tok = this.toks[this.i];
    if (tok) this.fail('EXTRA', tok);
  }
  keyword(tok: Token | undefined, word: string): boolean {
    return !!tok && !tok.quoted && tok.text.toLowerCase() === word;
  }
  /** PROTOCOL (one of `allowed`) → new socket; NAME → existing socket. */
  target(allowed: readonly Proto[], name: string | undefined): Target {
    const tok = this.next('protocol-or-name');
    const word = tok.text.toLowerCase();
    if (!tok.quoted && (word === 'tcp' || word === 'udp' || word === 'unix')) {
      if (!allowed.includes(word)) this.fail('BAD_PROTOCOL', tok, {allowed});
      return name === undefined ? {kind: 'new', protocol: word} : {kind: 'new', protocol: word, name};
    }
    if (tok.quoted || !isName(tok.text)) this.fail('NOT_A_NAME', tok, {expected: 'protocol-or-name', allowed});
    return {kind: 'existing', name: tok.text};
  }
  socketName(): string {
    const tok = this.next('name');
    if (tok.quoted || !isName(tok.text)) this.fail('NOT_A_NAME', tok, {expected: 'name'});
    return tok.text;
  }
  address(forms: AddressForms, expected: Expectation = 'address'): AddressArg {
    const tok = this.next(expected);
    const r = parseAddress(tok, forms);
    if (!r.ok) throw new Fail({...r.error, verb: this.verb});
    return r.address;
  }
  text(): string {
    const toks = this.rest();
    if (toks.length === 0) this.fail('MISSING', undefined, {expected: 'text'});
    const text = toks.map((t) => t.text).join(' ');
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_TEXT_BYTES) this.fail('TEXT_TOO_LONG', toks[0], {limit: MAX_TEXT_BYTES, actual: bytes});
    return text;
  }
}

const INET: AddressForms = {inet: true, name: true, path: false};

function parseVerb(a: Args, name: string | undefined): Command {
  switch (a.verb) {
    case 'socket': {
      const tok = a.next('protocol-or-name');
      const word = tok.text.toLowerCase();
      if (tok.quoted || (word !== 'tcp' && word !== 'udp')) a.fail('BAD_PROTOCOL', tok, {allowed: ['tcp', 'udp']});
      a.done();
      return name === undefined ? {verb: 'socket', protocol: word} : {verb: 'socket', protocol: word, name};
    }
    case 'bind': {
      const target = a.target(['tcp', 'udp'], name);
      const address = a.address(INET);
      a.done();
      return {verb: 'bind', target, address};
    }
    case 'listen': {
      const target = a.target(['tcp', 'unix'], name);
      let address: AddressArg | undefined;
      if (target.kind === 'new' && target.protocol === 'unix') {
        if (a.peek()) address = a.address({inet: false, name: false, path: true}, 'path');
      } else if (target.kind === 'new' || a.peek()) {
        address = a.address(INET);
      }
      a.done();
      return address ? {verb: 'listen', target, address} : {verb: 'listen', target};
    }
    case 'connect': {
      const target = a.target(['tcp', 'udp', 'unix'], name);
      const unix = target.kind === 'new' && target.protocol === 'unix';
      const address = unix ? a.address({inet: false, name: true, path: true}, 'path') : a.address(INET);
      if (a.keyword(a.peek(), 'from')) {
        const fromTok = a.next('address');
        if (target.kind !== 'new' || target.protocol !== 'tcp') a.fail('EXTRA', fromTok);
        const from = a.address({inet: true, name: false, path: false});
        a.done();
        return {verb: 'connect', target, address, from};
      }
      a.done();
      return {verb: 'connect', target, address};
    }
    case 'send': {
      const socket = a.socketName();
      return {verb: 'send', socket, text: a.text()};
    }
    case 'sendto': {
      const target = a.target(['udp'], name);
      const address = a.address(INET);
      return {verb: 'sendto', target, address, text: a.text()};
    }
    case 'shutdown':
    case 'close':
    case 'reset': {
      const socket = a.socketName();
      a.done();
      return {verb: a.verb, socket};
    }
    case 'sockets':
    case 'os':
    case 'clear':
    case 'quit':
      a.done();
      return {verb: a.verb};
    case 'scan': {
      const first = a.next('ports');
      let host = '127.0.0.1';
      let hostFamily: 4 | 6 | 'hostname' = 4;
      let portToks: Token[];
      if (a.peek()) {
        const h = parseHost(first);
        if (!h.ok) throw new Fail({...h.error, verb: 'scan'});
        host = h.host;
        hostFamily = h.family;
        portToks = a.rest();
      } else {
        // One word: ports on 127.0.0.1 — unless it is clearly a host with no ports.
        if (parseHost(first).ok && !/^\d+$/.test(first.text) && !isName(first.text)) {
          a.fail('MISSING', undefined, {expected: 'ports'});
        }
        portToks = [first];
      }
      const ports = portToks.flatMap((tok) => {
        const r = parsePorts(tok);
        if (!r.ok) throw new Fail({...r.error, verb: 'scan'});
        return r.ports;
      });
      return {verb: 'scan', host, hostFamily, ports};
    }
    case 'wait': {
      const tok = a.next('event');
      const event = WAIT_EVENTS.find((e) => e === tok.text.toLowerCase());
      if (!event || tok.quoted) return a.fail('BAD_EVENT', tok, {allowed: WAIT_EVENTS});
      let socket: string | undefined;
      let timeoutMs = DEFAULT_WAIT_MS;
      let nextTok = a.peek();
      if (nextTok && !/^\d/.test(nextTok.text)) {
        socket = a.socketName();
        nextTok = a.peek();
      }
      if (nextTok) {
        a.next('timeout');
        const ms = /^\d{1,7}$/.test(nextTok.text) ? Number(nextTok.text) : NaN;
        if (!(ms >= 1 && ms <= MAX_WAIT_MS)) a.fail('BAD_TIMEOUT', nextTok, {limit: MAX_WAIT_MS});
        timeoutMs = ms;
      }
      a.done();
      return socket === undefined ? {verb: 'wait', event, timeoutMs} : {verb: 'wait', event, socket, timeoutMs};
    }
    case 'help': {
      const tok = a.peek();
      if (!tok) return {verb: 'help'};
      a.next('verb');
      a.done();
      const word = tok.text.toLowerCase();
      if (!isVerb(word)) {
        const suggestion = suggestVerb(word);
        return a.fail('UNKNOWN_VERB', tok, suggestion ? {suggestion} : {});
      }
      return {verb: 'help', topic: word};
    }
    case 'lang': {
      const tok = a.next('language');
      const lng = LANGUAGES.find((l) => l === tok.text.toLowerCase());
      if (!lng) return a.fail('BAD_LANGUAGE', tok, {allowed: LANGUAGES});
      a.done();
      return {verb: 'lang', lng: lng as Language};
    }
  }
}

/** Parse one line of the command language. Never throws. */
export function parseLine(line: string): ParseResult {
  const tokenized = tokenize(line);
  if (!tokenized.ok) return tokenized;
  const toks = tokenized.tokens;
  const first = toks[0];
  if (!first) return {ok: false, error: {code: 'EMPTY', at: 0}};
  const word = first.text.toLowerCase();
  if (first.quoted || !isVerb(word)) {
    const suggestion = first.quoted ? undefined : suggestVerb(word);
    const error: ParseError = {code: 'UNKNOWN_VERB', at: first.at, token: short(first.text)};
    if (suggestion) error.suggestion = suggestion;
    return {ok: false, error};
  }
  const verb = word;
  let args = toks.slice(1);
  let name: string | undefined;
  const asAt = args.length - 2;
  const isAs = (t: Token | undefined) => !!t && !t.quoted && t.text.toLowerCase() === 'as';
  try {
    const lastTok = args[args.length - 1];
    if (verb !== 'send' && isAs(lastTok)) {
      throw new Fail({code: 'MISSING', at: lastTok!.at + 3, verb, expected: 'name'});
    }
    if (verb !== 'send' && asAt >= 0 && isAs(args[asAt])) {
      const asTok = args[asAt]!;
      const nameTok = args[asAt + 1]!;
      if (!CREATING_VERBS.has(verb)) throw new Fail({code: 'AS_NOT_ALLOWED', at: asTok.at, verb, token: 'as'});
      // '#' is how the lab names accepted sockets (srv#1); a chosen name may not use it.
      if (nameTok.quoted || !isName(nameTok.text) || nameTok.text.includes('#')) {
        throw new Fail({code: 'BAD_NAME', at: nameTok.at, verb, token: short(nameTok.text)});
      }
      name = nameTok.text;
      args = args.slice(0, asAt);
    }
    // Where a missing word would have gone: right after the last word given.
    const lastArg = args[args.length - 1] ?? first;
    const command = parseVerb(new Args(verb, args, lastArg.at + lastArg.text.length + 1), name);
    // `as NAME` names a new socket; on an existing one it would silently do nothing.
    if (name !== undefined && 'target' in command && command.target.kind === 'existing') {
      const asTok = toks[toks.length - 2]!;
      return {ok: false, error: {code: 'AS_NOT_ALLOWED', at: asTok.at, verb, token: 'as'}};
    }
    return {ok: true, command};
  } catch (e) {
    if (e instanceof Fail) return {ok: false, error: e.error};
    throw e;
  }
}

/** True when a line has nothing to run (blank or only a comment). */
export function isBlank(line: string): boolean {
  const r = tokenize(line);
  return r.ok && r.tokens.length === 0;
}
