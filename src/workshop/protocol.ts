// The workshop's line protocol (docs/workshop-protocol.md): UTF-8 text lines over one TCP
// connection, each at most 1 KiB. Parsing and writing lines only; no sockets, no prose.
import {toAsciiDigits} from '../i18n/digits.ts';
import {isExperimentId, type ExperimentId} from './experiments.ts';

export const PROTOCOL_VERSION = 1;
/** The longest line either side may send, in bytes, without its line end. */
export const MAX_LINE_BYTES = 1024;
/** A new connection has this long to send the room code. */
export const FIRST_LINE_MS = 10_000;
/** The port `host` tries first: fixed so a room's join line can be written down in advance. */
export const DEFAULT_PORT = 4040;
/** Longest nickname, in characters. */
export const MAX_NICK_CHARS = 20;

/** Why a side closes a connection: the word after `bye`. */
export const BYE_REASONS = [
  'wrong-code', 'room-full', 'too-many-connections', 'too-slow', 'line-too-long', 'not-utf8', 'too-fast',
  'kicked', 'host-ended', 'busy', 'unknown-token', 'left',
] as const;
export type ByeReason = (typeof BYE_REASONS)[number];

export function isByeReason(value: string): value is ByeReason {
  return (BYE_REASONS as readonly string[]).includes(value);
}

/** Bytes in, whole lines out. A line longer than the limit or not UTF-8 is an error, not a line. */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly decoder = new TextDecoder('utf-8', {fatal: true});

  private readonly maxBytes: number;

  constructor(maxBytes = MAX_LINE_BYTES) {
    this.maxBytes = maxBytes;
  }

  /** The complete lines in this chunk (without \n or \r\n), or the first error. */
  push(chunk: Uint8Array): {lines: string[]; error?: 'line-too-long' | 'not-utf8'} {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      const piece = chunk.subarray(start, nl);
      // +1: a \r before the \n is not part of the line.
      if (this.size + piece.length > this.maxBytes + 1) return {lines, error: 'line-too-long'};
      const bytes = this.take(piece);
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
      if (end > this.maxBytes) return {lines, error: 'line-too-long'};
      try {
        lines.push(this.decoder.decode(bytes.subarray(0, end)));
      } catch {
        return {lines, error: 'not-utf8'};
      }
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (this.size + rest.length > this.maxBytes + 1) return {lines, error: 'line-too-long'};
    if (rest.length > 0) {
      this.parts.push(rest.slice());
      this.size += rest.length;
    }
    return {lines};
  }

  private take(last: Uint8Array): Uint8Array {
    if (this.parts.length === 0) return last;
    const out = new Uint8Array(this.size + last.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    out.set(last, at);
    this.parts = [];
    this.size = 0;
    return out;
  }
}

const encoder = new TextEncoder();

/** One line to send: the line end added, cut (at a character) to the byte limit. */
export function encodeLine(line: string): string {
  // Poll text may come from a pack: no control character reaches a learner's terminal.
  let text = line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : '?'));
  if (encoder.encode(text).length > MAX_LINE_BYTES) {
    let out = '';
    let bytes = 0;
    for (const ch of text) {
      const n = encoder.encode(ch).length;
      if (bytes + n > MAX_LINE_BYTES) break;
      out += ch;
      bytes += n;
    }
    text = out;
  }
  return `${text}\n`;
}

// --- Nicknames -------------------------------------------------------------------------

// Control, format (bidi controls, zero-width), private-use, unassigned, surrogates, and
// line/paragraph separators: none of these reaches another screen from a nickname.
const NOT_IN_NICK = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** A nickname as the room keeps it: visible characters only, spaces collapsed, at most 20 characters; '' when nothing is left. */
export function cleanNick(raw: string): string {
  const text = raw.replace(NOT_IN_NICK, '').replace(/\s+/gu, ' ').trim();
  return [...text].slice(0, MAX_NICK_CHARS).join('').trim();
}

/**
 * Text from the host for the learner's screen (questions, explanations, # lines): no
 * control characters and no bidi embeddings or overrides, which could reorder the line
 * around them. Joiners and marks (ZWNJ, LRM) stay: Persian needs them.
 */
export function cleanText(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

// --- Learner → host --------------------------------------------------------------------

/** The first line: the room code, then a nickname (a new learner) or +TOKEN (another connection of one). */
export type FirstLine = {code: string; nick: string} | {code: string; token: string};

export function parseFirstLine(line: string): FirstLine | undefined {
  const words = line.trim().split(/\s+/u);
  const code = normalizeCode(words[0] ?? '');
  if (code === '') return undefined;
  const rest = words.slice(1);
  if (rest.length === 1 && /^\+[A-Za-z0-9]{4,32}$/.test(rest[0]!)) return {code, token: rest[0]!.slice(1)};
  return {code, nick: cleanNick(rest.join(' '))};
}

/** Codes are compared as upper-case ASCII; Persian and Arabic-Indic digits count as digits. */
export function normalizeCode(text: string): string {
  return toAsciiDigits(text).toUpperCase();
}

/** Experiment results a learner reports: one word each, from a fixed list. */
export const RESULT_WORDS = [
  'connected', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', 'failed', 'sent', 'time-wait', 'no-time-wait', 'peer-closed', 'closed',
] as const;
export type ResultWord = (typeof RESULT_WORDS)[number];

export type LearnerLine =
  | {kind: 'answer'; choice: number}
  | {kind: 'name'; nick: string}
  | {kind: 'lang'; lang: string}
  | {kind: 'client'; name: string}
  | {kind: 'stuck'; on: boolean}
  | {kind: 'step'; step: string}
  | {kind: 'result'; experiment: ExperimentId; word: ResultWord; port?: number}
  | {kind: 'ping'}
  | {kind: 'bye'}
  | {kind: 'empty'}
  | {kind: 'unknown'; word: string};

const STEP = /^[a-z0-9][a-z0-9:._-]{0,47}$/i;

/** One line after the first, as the host reads it. Unknown words are reported, never acted on. */
export function parseLearnerLine(line: string): LearnerLine {
  const words = toAsciiDigits(line).trim().split(/\s+/u).filter((w) => w !== '');
  const [first = '', ...rest] = words;
  const word = first.toLowerCase();
  if (word === '') return {kind: 'empty'};
  if (/^\d{1,2}$/.test(word) && rest.length === 0) return {kind: 'answer', choice: Number(word)};
  switch (word) {
    case 'answer': {
      const n = rest[0];
      return n !== undefined && /^\d{1,2}$/.test(n) ? {kind: 'answer', choice: Number(n)} : {kind: 'unknown', word};
    }
    case 'name':
    case 'nick':
      return {kind: 'name', nick: cleanNick(line.trim().slice(first.length))};
    case 'lang':
      return rest[0] ? {kind: 'lang', lang: rest[0].toLowerCase().slice(0, 8)} : {kind: 'unknown', word};
    case 'client':
      return {kind: 'client', name: (rest[0] ?? '').slice(0, 40).replace(/[^\w.@/-]/g, '')};
    case 'stuck':
      return {kind: 'stuck', on: rest[0]?.toLowerCase() !== 'off'};
    case 'unstuck':
      return {kind: 'stuck', on: false};
    case 'step':
      return rest[0] && STEP.test(rest[0]) ? {kind: 'step', step: rest[0]} : {kind: 'unknown', word};
    case 'result': {
      const [id = '', w = '', p] = rest;
      if (!isExperimentId(id) || !(RESULT_WORDS as readonly string[]).includes(w)) return {kind: 'unknown', word};
      const out: LearnerLine = {kind: 'result', experiment: id, word: w as ResultWord};
      if (p !== undefined && /^\d{1,5}$/.test(p) && Number(p) <= 65535) out.port = Number(p);
      return out;
    }
    case 'ping':
      return {kind: 'ping'};
    case 'bye':
    case 'quit':
      return {kind: 'bye'};
    default:
      return {kind: 'unknown', word: word.slice(0, 20)};
  }
}

// --- Host → learner --------------------------------------------------------------------

export interface WallRowLine {
  learner: number;
  address: string;
  port: number;
  role: 'main' | 'second';
  nick: string;
}

export type HostLine =
  | {kind: 'hello'; version: number}
  | {kind: 'comment'; text: string}
  | {kind: 'welcome'; learner: number; token: string}
  | {kind: 'you'; address: string; port: number; role: 'main' | 'second'}
  | {kind: 'wall'; listening: number; connections: number; ports: number; addresses: number; rows: number}
  | ({kind: 'row'} & WallRowLine)
  | {kind: 'poll'; id: string; choices: number}
  | {kind: 'q'; text: string}
  | {kind: 'c'; n: number; text: string}
  | {kind: 'answered'; id: string; choice: number}
  | {kind: 'reveal'; id: string; answer: number; counts: number[]}
  | {kind: 'explain'; text: string}
  | {kind: 'poll-closed'; id: string}
  | {kind: 'exp'; id: ExperimentId; phase: 'start' | 'end'; args: string[]}
  | {kind: 'bye'; reason: string}
  | {kind: 'error'; reason: string}
  | {kind: 'pong'}
  | {kind: 'unknown'; word: string};

const POLL_ID = /^[a-z0-9][a-z0-9/._-]{0,63}$/i;

/** Address:port as a protocol word: [v6]:port or v4:port (a private wall sends *.*.*.N). */
export function addressWord(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export function parseAddressWord(word: string): {address: string; port: number} | undefined {
  const m = /^(?:\[([0-9a-fA-F:.%*\w]+)\]|([0-9*.]+)):(\d{1,5})$/.exec(word);
  if (!m) return undefined;
  const port = Number(m[3]);
  return port <= 65535 ? {address: m[1] ?? m[2]!, port} : undefined;
}

const int = (w: string | undefined): number | undefined => (w !== undefined && /^\d{1,9}$/.test(w) ? Number(w) : undefined);

/** One line from the host, as a learner reads it. Anything unexpected is 'unknown'. */
export function parseHostLine(line: string): HostLine {
  if (line.startsWith('#')) return {kind: 'comment', text: cleanText(line.slice(1).trim())};
  const space = line.indexOf(' ');
  const word = space < 0 ? line : line.slice(0, space);
  const tail = space < 0 ? '' : line.slice(space + 1);
  const w = tail.split(' ');
  const unknown: HostLine = {kind: 'unknown', word: word.slice(0, 20)};
  switch (word) {
    case 'hello': {
      const v = int(w[1]);
      return w[0] === 'socket-lessons' && v !== undefined ? {kind: 'hello', version: v} : unknown;
    }
    case 'welcome': {
      const learner = int(w[0]);
      return learner !== undefined && w[1] && /^[A-Za-z0-9]{4,32}$/.test(w[1]) ? {kind: 'welcome', learner, token: w[1]} : unknown;
    }
    case 'you': {
      const a = parseAddressWord(w[0] ?? '');
      const role = w[1] === 'second' ? 'second' : 'main';
      return a ? {kind: 'you', ...a, role} : unknown;
    }
    case 'wall': {
      const n = w.slice(0, 5).map(int);
      if (n.length < 5 || n.some((x) => x === undefined)) return unknown;
      const [listening, connections, ports, addresses, rows] = n as number[];
      return {kind: 'wall', listening: listening!, connections: connections!, ports: ports!, addresses: addresses!, rows: Math.min(rows!, 20)};
    }
    case 'row': {
      const learner = int(w[0]);
      const a = parseAddressWord(w[1] ?? '');
      const role = w[2] === 'second' ? 'second' : w[2] === 'main' ? 'main' : undefined;
      if (learner === undefined || !a || !role) return unknown;
      return {kind: 'row', learner, address: a.address, port: a.port, role, nick: cleanNick(w.slice(3).join(' '))};
    }
    case 'poll': {
      const choices = int(w[1]);
      return w[0] && POLL_ID.test(w[0]) && choices !== undefined && choices >= 2 && choices <= 9 ? {kind: 'poll', id: w[0], choices} : unknown;
    }
    case 'q':
      return {kind: 'q', text: cleanText(tail)};
    case 'c': {
      const n = int(w[0]);
      return n !== undefined && n >= 1 && n <= 9 ? {kind: 'c', n, text: cleanText(w.slice(1).join(' '))} : unknown;
    }
    case 'answered': {
      const choice = int(w[1]);
      return w[0] && POLL_ID.test(w[0]) && choice !== undefined ? {kind: 'answered', id: w[0], choice} : unknown;
    }
    case 'reveal': {
      const answer = int(w[1]);
      const counts = (w[2] ?? '').split(',').map(int);
      if (!w[0] || !POLL_ID.test(w[0]) || answer === undefined || counts.length > 9 || counts.some((c) => c === undefined)) return unknown;
      return {kind: 'reveal', id: w[0], answer, counts: counts as number[]};
    }
    case 'explain':
      return {kind: 'explain', text: cleanText(tail)};
    case 'poll-closed':
      return w[0] && POLL_ID.test(w[0]) ? {kind: 'poll-closed', id: w[0]} : unknown;
    case 'exp': {
      const [id = '', phase = '', ...args] = w;
      if (!isExperimentId(id) || (phase !== 'start' && phase !== 'end')) return unknown;
      return {kind: 'exp', id, phase, args: args.slice(0, 4).filter((a) => /^[\w.:-]{1,40}$/.test(a))};
    }
    case 'bye':
      return {kind: 'bye', reason: (w[0] ?? '').slice(0, 32)};
    case 'error':
      return {kind: 'error', reason: (w[0] ?? '').slice(0, 32)};
    case 'pong':
      return {kind: 'pong'};
    default:
      return unknown;
  }
}

/** The lines of one host message, to send as they are. */
export const hostLines = {
  hello: () => `hello socket-lessons ${PROTOCOL_VERSION}`,
  comment: (text: string) => `# ${text}`,
  welcome: (learner: number, token: string) => `welcome ${learner} ${token}`,
  you: (address: string, port: number, role: 'main' | 'second') => `you ${addressWord(address, port)} ${role}`,
  wall: (c: {listening: number; connections: number; ports: number; addresses: number}, rows: readonly WallRowLine[]) => [
    `wall ${c.listening} ${c.connections} ${c.ports} ${c.addresses} ${rows.length}`,
    ...rows.map((r) => `row ${r.learner} ${addressWord(r.address, r.port)} ${r.role} ${r.nick}`),
  ],
  poll: (id: string, question: string, choices: readonly string[]) => [
    `poll ${id} ${choices.length}`,
    `q ${question}`,
    ...choices.map((c, i) => `c ${i + 1} ${c}`),
  ],
  answered: (id: string, choice: number) => `answered ${id} ${choice}`,
  reveal: (id: string, answer: number, counts: readonly number[], explain: string) => [`reveal ${id} ${answer} ${counts.join(',')}`, `explain ${explain}`],
  pollClosed: (id: string) => `poll-closed ${id}`,
  exp: (id: ExperimentId, phase: 'start' | 'end', ...args: (string | number)[]) => ['exp', id, phase, ...args].join(' '),
  bye: (reason: ByeReason) => `bye ${reason}`,
  error: (reason: string) => `error ${reason}`,
  pong: () => 'pong',
};
