// The host's room as a state machine: inputs (a connection opened, a line arrived, the
// instructor pressed a key, a second passed) in, effects (lines to send, connections to
// close, sockets to open or close, events for the screens) out. No sockets and no clock
// of its own, so every rule is tested without a network. State is changed in place —
// a room holds up to a thousand connections — and `version` counts the changes.
import {newToken as randomToken} from './code.ts';
import type {Addr, HostEvent, LeaveReason} from './events.ts';
import {closesFirst, type ExperimentId} from './experiments.ts';
import {
  AddressCounts, MAX_DROPPED_LINES, MAX_PER_ADDRESS, MAX_PER_ADDRESS_SECOND, TokenBucket,
} from './limits.ts';
import type {Poll} from './polls.ts';
import {maskAddress} from './privacy.ts';
import {hostLines, normalizeCode, parseFirstLine, parseLearnerLine, type ByeReason, type WallRowLine} from './protocol.ts';

/** The human lines (`# …`) for people who joined with nc, and poll text, in a learner's language. */
export interface Speaker {
  say(lang: string, key: SayKey, params?: Record<string, string | number>): string;
  poll(lang: string, poll: Poll): {question: string; choices: string[]; explain: string};
}

export type SayKey =
  | 'greeting'
  | 'welcome'
  | 'answered'
  | `bye.${ByeReason}`
  | `exp.${ExperimentId}.start`
  | `exp.${ExperimentId}.end`
  | 'exp.close.you'
  | 'exp.close.host';

export interface RoomConfig {
  code: string;
  address: string;
  port: number;
  max: number;
  private: boolean;
  /** Language of the `#` lines before a learner says which they read. */
  lang: string;
  polls: ReadonlyMap<string, Poll>;
  speaker: Speaker;
  /** Simulated learners on a system that puts them all on 127.0.0.1: no per-address limit for them. */
  perAddressExempt?: (address: string) => boolean;
  newToken?: () => string;
  /** Languages a learner may choose for the text the host sends. */
  languages?: readonly string[];
}

export type ConnRole = 'pending' | 'main' | 'second';

export interface Connection {
  id: number;
  /** The lab's name for the accepted socket. */
  socket?: string;
  from: Addr;
  role: ConnRole;
  learner?: number;
  openedAt: number;
  bucket: TokenBucket;
  dropped: number;
  /** Set once we said bye: lines after that are ignored. */
  closing: boolean;
}

export interface Learner {
  id: number;
  token: string;
  nick: string;
  lang: string;
  /** Announced itself as the app (`client …`): no `#` lines for it. */
  app: boolean;
  address: string;
  main?: number;
  second?: number;
  present: boolean;
  stuck: boolean;
  step?: string;
  joinedAt: number;
  leftAt?: number;
  leaveReason?: LeaveReason;
  kicked: boolean;
  /** Last experiment result reported, by experiment. */
  results: Partial<Record<ExperimentId, string>>;
  /** The wall window last sent, to send only changes. */
  lastWall?: string;
}

export interface PollState {
  poll: Poll;
  phase: 'open' | 'revealed';
  answers: Map<number, number>;
  counts: number[];
}

export interface ExperimentState {
  id: ExperimentId;
  /** 'preparing': waiting for a socket to close or open before telling the room. */
  phase: 'preparing' | 'running' | 'ending';
  startedAt: number;
  results: Map<number, string>;
  datagrams: number;
  closers?: {you: number[]; host: number[]};
}

/** A failed or refused attempt, for the instructor's grid. */
export interface Failure {
  from: Addr;
  reason: ByeReason;
  at: number;
  learner?: number;
}

export type RoomInput =
  | {kind: 'open'; conn: number; socket?: string; from: Addr; now: number}
  | {kind: 'line'; conn: number; text: string; now: number}
  | {kind: 'bad-stream'; conn: number; error: 'line-too-long' | 'not-utf8'; now: number}
  | {kind: 'closed'; conn: number; now: number}
  | {kind: 'first-line-timeout'; conn: number; now: number}
  | {kind: 'datagram'; from: Addr; text: string; now: number}
  | {kind: 'open-poll'; id: string; now: number}
  | {kind: 'reveal'; now: number}
  | {kind: 'close-poll'; now: number}
  | {kind: 'start'; experiment: ExperimentId; now: number}
  | {kind: 'end'; now: number}
  /** The runtime closed or reopened the listening socket (refused experiment). */
  | {kind: 'listening'; listening: boolean; error?: string; now: number}
  /** The runtime bound (port) or closed (no port) the UDP socket; error when the bind failed. */
  | {kind: 'udp'; port?: number; error?: string; now: number}
  | {kind: 'kick'; learner: number; now: number}
  | {kind: 'tick'; now: number}
  | {kind: 'shutdown'; now: number};

export type RoomEffect =
  | {kind: 'send'; conn: number; lines: string[]}
  /** Close gracefully (after what was sent): FIN, so the host is the side that closes first. */
  | {kind: 'close'; conn: number}
  | {kind: 'event'; event: HostEvent}
  | {kind: 'unlisten'}
  | {kind: 'listen'}
  | {kind: 'udp-open'}
  | {kind: 'udp-close'};

const MAX_FAILURES = 200;
/** A learner closed for the close experiment has this long to come back before counting as gone. */
export const RECONNECT_GRACE_MS = 30_000;

export class Room {
  readonly connections = new Map<number, Connection>();
  readonly learners = new Map<number, Learner>();
  readonly failures: Failure[] = [];
  poll: PollState | undefined;
  experiment: ExperimentState | undefined;
  listening = true;
  udpPort: number | undefined;
  version = 0;
  private nextLearner = 1;
  private readonly perAddress = new AddressCounts();
  private readonly byToken = new Map<string, number>();
  private readonly newToken: () => string;
  private out: RoomEffect[] = [];

  readonly config: RoomConfig;

  constructor(config: RoomConfig) {
    this.config = config;
    this.newToken = config.newToken ?? (() => randomToken());
  }

  /** One input; the effects to carry out, in order. */
  reduce(input: RoomInput): RoomEffect[] {
    this.out = [];
    this.version++;
    switch (input.kind) {
      case 'open':
        this.opened(input.conn, input.from, input.now, input.socket);
        break;
      case 'line':
        this.line(input.conn, input.text, input.now);
        break;
      case 'bad-stream':
        this.reject(input.conn, input.error, input.now);
        break;
      case 'first-line-timeout': {
        const c = this.connections.get(input.conn);
        if (c && c.role === 'pending' && !c.closing) this.reject(input.conn, 'too-slow', input.now);
        break;
      }
      case 'closed':
        this.closedConn(input.conn, input.now);
        break;
      case 'datagram':
        this.datagram(input.from, input.text);
        break;
      case 'open-poll':
        this.openPoll(input.id);
        break;
      case 'reveal':
        this.reveal();
        break;
      case 'close-poll':
        this.closePoll();
        break;
      case 'start':
        this.start(input.experiment, input.now);
        break;
      case 'end':
        this.end();
        break;
      case 'listening':
        this.listeningChanged(input.listening, input.error);
        break;
      case 'udp':
        this.udpChanged(input.port, input.error);
        break;
      case 'kick':
        this.kick(input.learner, input.now);
        break;
      case 'tick':
        this.tick(input.now);
        break;
      case 'shutdown':
        this.shutdown(input.now);
        break;
    }
    return this.out;
  }

  // --- Reading the room --------------------------------------------------------------

  /** Learners with a live connection. */
  presentCount(): number {
    let n = 0;
    for (const l of this.learners.values()) if (l.present) n++;
    return n;
  }

  /** The wall's counts: the listening socket, accepted connections, their source ports and addresses. */
  counts(): {listening: number; connections: number; ports: number; addresses: number} {
    const ports = new Set<number>();
    const addresses = new Set<string>();
    for (const c of this.connections.values()) {
      ports.add(c.from.port);
      addresses.add(c.from.address);
    }
    return {listening: this.listening ? 1 : 0, connections: this.connections.size, ports: ports.size, addresses: addresses.size};
  }

  /** Joined connections in the order they were accepted (the wall's rows). */
  joinedConnections(): Connection[] {
    const rows: Connection[] = [];
    for (const c of this.connections.values()) if (c.role !== 'pending' && c.learner !== undefined) rows.push(c);
    return rows;
  }

  // --- Connections -------------------------------------------------------------------

  private opened(id: number, from: Addr, now: number, socket?: string): void {
    const c: Connection = {id, from, role: 'pending', openedAt: now, bucket: new TokenBucket(undefined, undefined, now), dropped: 0, closing: false};
    if (socket !== undefined) c.socket = socket;
    this.connections.set(id, c);
    const n = this.perAddress.add(from.address);
    this.event({type: 'connection', phase: 'opened', conn: id, from});
    const cap = this.experiment?.id === 'second-connection' ? MAX_PER_ADDRESS_SECOND : MAX_PER_ADDRESS;
    if (n > cap && !this.config.perAddressExempt?.(from.address)) {
      this.reject(id, 'too-many-connections', now);
      return;
    }
    this.send(id, hostLines.hello(), hostLines.comment(this.config.speaker.say(this.config.lang, 'greeting')));
  }

  private closedConn(id: number, now: number): void {
    const c = this.connections.get(id);
    if (!c) return;
    this.connections.delete(id);
    this.perAddress.remove(c.from.address);
    const event: HostEvent = {type: 'connection', phase: 'closed', conn: id, from: c.from};
    if (c.learner !== undefined) event.learner = c.learner;
    if (c.role !== 'pending') event.role = c.role;
    this.event(event);
    const l = c.learner !== undefined ? this.learners.get(c.learner) : undefined;
    if (!l) return;
    if (l.second === id) {
      delete l.second;
      return;
    }
    if (l.main !== id) return;
    delete l.main;
    // Closed for the close experiment: the learner comes back with their token.
    if (this.experiment?.id === 'close' && this.experiment.phase === 'running' && !l.kicked) return;
    this.leave(l, l.kicked ? 'kicked' : 'closed', now);
  }

  private leave(l: Learner, reason: LeaveReason, now: number): void {
    if (!l.present) return;
    l.present = false;
    l.leftAt = now;
    l.leaveReason = reason;
    if (l.second !== undefined) this.bye(l.second, reason === 'kicked' ? 'kicked' : 'left');
    this.event({type: 'leave', learner: l.id, nick: l.nick, reason});
  }

  /** Say why, then close. */
  private bye(conn: number, reason: ByeReason): void {
    const c = this.connections.get(conn);
    if (!c || c.closing) return;
    c.closing = true;
    const l = c.learner !== undefined ? this.learners.get(c.learner) : undefined;
    const lines = [hostLines.bye(reason)];
    if (!l?.app) lines.unshift(hostLines.comment(this.config.speaker.say(l?.lang ?? this.config.lang, `bye.${reason}`)));
    this.out.push({kind: 'send', conn, lines}, {kind: 'close', conn});
  }

  /** Refuse a connection that never joined (or misbehaved): the grid shows who and why. */
  private reject(conn: number, reason: ByeReason, now: number): void {
    const c = this.connections.get(conn);
    if (!c || c.closing) return;
    const failure: Failure = {from: c.from, reason, at: now};
    if (c.learner !== undefined) failure.learner = c.learner;
    this.failures.push(failure);
    if (this.failures.length > MAX_FAILURES) this.failures.splice(0, this.failures.length - MAX_FAILURES);
    const event: HostEvent = {type: 'connection', phase: 'rejected', conn, from: c.from, reason};
    if (c.learner !== undefined) event.learner = c.learner;
    this.event(event);
    this.bye(conn, reason);
  }

  private line(conn: number, text: string, now: number): void {
    const c = this.connections.get(conn);
    if (!c || c.closing) return;
    if (!c.bucket.take(now)) {
      if (++c.dropped > MAX_DROPPED_LINES) this.reject(conn, 'too-fast', now);
      return;
    }
    if (c.role === 'pending') {
      this.firstLine(c, text, now);
      return;
    }
    const l = c.learner !== undefined ? this.learners.get(c.learner) : undefined;
    if (!l) return;
    const msg = parseLearnerLine(text);
    switch (msg.kind) {
      case 'empty':
        return;
      case 'answer':
        this.answer(l, c, msg.choice);
        return;
      case 'name':
        if (msg.nick !== '') l.nick = msg.nick;
        return;
      case 'lang':
        if ((this.config.languages ?? ['en', 'fa', 'ru']).includes(msg.lang)) l.lang = msg.lang;
        return;
      case 'client':
        l.app = true;
        return;
      case 'stuck':
        if (l.stuck !== msg.on) {
          l.stuck = msg.on;
          this.event({type: 'stuck', learner: l.id, on: msg.on});
        }
        return;
      case 'step':
        l.step = msg.step;
        this.event({type: 'step', learner: l.id, step: msg.step});
        return;
      case 'result':
        this.result(l, msg.experiment, msg.word, msg.port);
        return;
      case 'ping':
        this.send(conn, hostLines.pong());
        return;
      case 'bye':
        this.bye(conn, 'left');
        return;
      case 'unknown':
        this.send(conn, hostLines.error('unknown-command'));
        return;
    }
  }

  private firstLine(c: Connection, text: string, now: number): void {
    const first = parseFirstLine(text);
    if (!first || first.code !== normalizeCode(this.config.code)) {
      this.reject(c.id, 'wrong-code', now);
      return;
    }
    if ('token' in first) {
      this.another(c, first.token, now);
      return;
    }
    if (this.presentCount() >= this.config.max) {
      this.reject(c.id, 'room-full', now);
      return;
    }
    const id = this.nextLearner++;
    let token = this.newToken();
    while (this.byToken.has(token)) token = this.newToken();
    const l: Learner = {
      id, token, nick: first.nick || `learner-${id}`, lang: this.config.lang, app: false, address: c.from.address,
      main: c.id, present: true, stuck: false, joinedAt: now, kicked: false, results: {},
    };
    this.learners.set(id, l);
    this.byToken.set(token, id);
    c.role = 'main';
    c.learner = id;
    this.event({type: 'join', learner: id, nick: l.nick, from: c.from, conn: c.id, resumed: false});
    this.welcome(l, c);
  }

  /** A connection that names a learner by token: their second connection, or their way back. */
  private another(c: Connection, token: string, now: number): void {
    const id = this.byToken.get(token);
    const l = id !== undefined ? this.learners.get(id) : undefined;
    if (!l || l.kicked) {
      this.reject(c.id, 'unknown-token', now);
      return;
    }
    c.learner = l.id;
    if (l.main === undefined) {
      // Back after closing (the close experiment) or after a dropped connection.
      if (!l.present && this.presentCount() >= this.config.max) {
        this.reject(c.id, 'room-full', now);
        return;
      }
      c.role = 'main';
      l.main = c.id;
      l.present = true;
      delete l.leftAt;
      delete l.leaveReason;
      l.address = c.from.address;
      this.event({type: 'join', learner: l.id, nick: l.nick, from: c.from, conn: c.id, resumed: true});
      this.welcome(l, c);
      return;
    }
    if (this.experiment?.id !== 'second-connection' || l.second !== undefined) {
      this.reject(c.id, 'busy', now);
      return;
    }
    c.role = 'second';
    l.second = c.id;
    this.event({type: 'connection', phase: 'opened', conn: c.id, from: c.from, learner: l.id, role: 'second'});
    this.send(c.id, hostLines.you(c.from.address, c.from.port, 'second'));
    const main = this.connections.get(l.main);
    const result = main ? `${main.from.port},${c.from.port}` : String(c.from.port);
    this.experiment.results.set(l.id, result);
    this.event({type: 'experiment', id: 'second-connection', phase: 'result', learner: l.id, result: 'connected', port: c.from.port, from: c.from});
  }

  private welcome(l: Learner, c: Connection): void {
    const lines = [hostLines.welcome(l.id, l.token), hostLines.you(c.from.address, c.from.port, 'main')];
    if (!l.app) lines.push(hostLines.comment(this.config.speaker.say(l.lang, 'welcome', {learner: l.id, nick: l.nick, address: c.from.address, port: c.from.port})));
    this.send(c.id, ...lines);
    if (this.poll) this.sendPoll(l);
    l.lastWall = undefined;
  }

  // --- Polls -------------------------------------------------------------------------

  private openPoll(id: string): void {
    const poll = this.config.polls.get(id);
    if (!poll) {
      this.event({type: 'error', code: 'unknown-poll', poll: id});
      return;
    }
    if (this.poll) this.closePoll();
    this.poll = {poll, phase: 'open', answers: new Map(), counts: poll.choices.map(() => 0)};
    for (const l of this.learners.values()) if (l.present) this.sendPoll(l);
    this.event({type: 'poll', id, phase: 'open', counts: [...this.poll.counts]});
  }

  private sendPoll(l: Learner): void {
    const p = this.poll;
    if (!p || l.main === undefined) return;
    const text = this.config.speaker.poll(l.lang, p.poll);
    const lines = hostLines.poll(p.poll.id, text.question, text.choices);
    const mine = p.answers.get(l.id);
    if (mine !== undefined) lines.push(hostLines.answered(p.poll.id, mine));
    if (p.phase === 'revealed') lines.push(...hostLines.reveal(p.poll.id, p.poll.answer + 1, p.counts, text.explain));
    this.send(l.main, ...lines);
  }

  private answer(l: Learner, c: Connection, choice: number): void {
    const p = this.poll;
    if (!p) {
      this.send(c.id, hostLines.error('no-poll'));
      return;
    }
    if (p.phase !== 'open') {
      this.send(c.id, hostLines.error('poll-revealed'));
      return;
    }
    if (choice < 1 || choice > p.counts.length) {
      this.send(c.id, hostLines.error('bad-choice'));
      return;
    }
    const before = p.answers.get(l.id);
    if (before !== undefined) p.counts[before - 1]!--;
    p.answers.set(l.id, choice);
    p.counts[choice - 1]!++;
    const lines = [hostLines.answered(p.poll.id, choice)];
    if (!l.app) lines.push(hostLines.comment(this.config.speaker.say(l.lang, 'answered', {choice})));
    this.send(c.id, ...lines);
    this.event({type: 'poll', id: p.poll.id, phase: 'answer', learner: l.id, choice, counts: [...p.counts]});
  }

  private reveal(): void {
    const p = this.poll;
    if (!p || p.phase !== 'open') {
      this.event({type: 'error', code: 'no-poll'});
      return;
    }
    p.phase = 'revealed';
    for (const l of this.learners.values()) {
      if (!l.present || l.main === undefined) continue;
      const text = this.config.speaker.poll(l.lang, p.poll);
      this.send(l.main, ...hostLines.reveal(p.poll.id, p.poll.answer + 1, p.counts, text.explain));
    }
    this.event({type: 'poll', id: p.poll.id, phase: 'reveal', counts: [...p.counts], answer: p.poll.answer + 1});
  }

  private closePoll(): void {
    const p = this.poll;
    if (!p) return;
    this.poll = undefined;
    this.broadcast(() => [hostLines.pollClosed(p.poll.id)]);
    this.event({type: 'poll', id: p.poll.id, phase: 'close', counts: [...p.counts], answer: p.poll.answer + 1});
  }

  // --- Experiments -------------------------------------------------------------------

  private start(id: ExperimentId, now: number): void {
    if (this.experiment) {
      this.event({type: 'error', code: 'experiment-running', experiment: this.experiment.id});
      return;
    }
    this.experiment = {id, phase: 'preparing', startedAt: now, results: new Map(), datagrams: 0};
    switch (id) {
      case 'refused':
        // Stop listening first, so every learner's new connect meets a closed port.
        this.out.push({kind: 'unlisten'});
        return;
      case 'udp':
        this.out.push({kind: 'udp-open'});
        return;
      case 'second-connection':
        this.running();
        return;
      case 'close': {
        const closers = {you: [] as number[], host: [] as number[]};
        this.experiment.closers = closers;
        this.experiment.phase = 'running';
        this.event({type: 'experiment', id, phase: 'start', closers});
        for (const l of this.learners.values()) {
          if (!l.present || l.main === undefined) continue;
          const who = closesFirst(l.id);
          closers[who].push(l.id);
          const lines = [hostLines.exp('close', 'start', who)];
          if (!l.app) lines.push(hostLines.comment(this.config.speaker.say(l.lang, `exp.close.${who}`)));
          this.send(l.main, ...lines);
          // The host closes first for these: its side keeps the TIME_WAIT.
          if (who === 'host') this.out.push({kind: 'close', conn: l.main});
        }
        return;
      }
    }
  }

  /** The experiment's sockets are ready: tell the room. */
  private running(): void {
    const e = this.experiment;
    if (!e) return;
    e.phase = 'running';
    const args = e.id === 'udp' && this.udpPort !== undefined ? [this.udpPort] : [];
    this.broadcast((l) => {
      const lines = [hostLines.exp(e.id, 'start', ...args)];
      if (!l.app) lines.push(hostLines.comment(this.config.speaker.say(l.lang, `exp.${e.id}.start`, {port: this.udpPort ?? this.config.port})));
      return lines;
    });
    const event: HostEvent = {type: 'experiment', id: e.id, phase: 'start'};
    if (e.id === 'udp' && this.udpPort !== undefined) event.port = this.udpPort;
    this.event(event);
  }

  private end(): void {
    const e = this.experiment;
    if (!e || e.phase === 'ending') {
      this.event({type: 'error', code: 'no-experiment'});
      return;
    }
    if (e.phase === 'preparing') {
      // Never got going (e.g. the UDP bind is still pending): nothing to undo yet.
      e.phase = 'ending';
      return;
    }
    e.phase = 'ending';
    if (e.id === 'refused') this.out.push({kind: 'listen'});
    else if (e.id === 'udp') this.out.push({kind: 'udp-close'});
    else this.finish();
  }

  private finish(): void {
    const e = this.experiment;
    if (!e) return;
    this.experiment = undefined;
    const summary: Record<string, number> = {learners: e.results.size};
    for (const r of e.results.values()) {
      const word = e.id === 'second-connection' ? 'connected' : r;
      summary[word] = (summary[word] ?? 0) + 1;
    }
    if (e.id === 'udp') summary['datagrams'] = e.datagrams;
    const args = e.id === 'udp' ? [e.datagrams] : [];
    this.broadcast((l) => {
      const lines = [hostLines.exp(e.id, 'end', ...args)];
      if (!l.app) lines.push(hostLines.comment(this.config.speaker.say(l.lang, `exp.${e.id}.end`, {count: e.datagrams})));
      return lines;
    });
    this.event({type: 'experiment', id: e.id, phase: 'end', summary});
  }

  private abort(code: string, sysCode?: string): void {
    const e = this.experiment;
    if (!e) return;
    this.experiment = undefined;
    const event: HostEvent = {type: 'error', code, experiment: e.id};
    if (sysCode !== undefined) event.sysCode = sysCode;
    this.event(event);
    this.event({type: 'experiment', id: e.id, phase: 'abort'});
  }

  private listeningChanged(listening: boolean, error?: string): void {
    this.listening = listening;
    const e = this.experiment;
    if (error !== undefined) {
      // The port could not be listened on again (someone took it): the room says so.
      this.event({type: 'error', code: listening ? 'unlisten-failed' : 'listen-failed', sysCode: error});
      if (e?.id === 'refused') this.abort('listen-failed', error);
      return;
    }
    if (e?.id !== 'refused') return;
    if (!listening && e.phase === 'preparing') this.running();
    else if (!listening && e.phase === 'ending') this.out.push({kind: 'listen'});
    else if (listening && e.phase === 'ending') this.finish();
  }

  private udpChanged(port: number | undefined, error?: string): void {
    const e = this.experiment;
    if (error !== undefined) {
      this.udpPort = undefined;
      if (e?.id === 'udp') this.abort('udp-failed', error);
      return;
    }
    this.udpPort = port;
    if (e?.id !== 'udp') return;
    if (port !== undefined && e.phase === 'preparing') this.running();
    else if (port !== undefined && e.phase === 'ending') this.out.push({kind: 'udp-close'});
    else if (port === undefined && e.phase === 'ending') this.finish();
  }

  private result(l: Learner, id: ExperimentId, word: string, port?: number): void {
    const e = this.experiment;
    l.results[id] = word;
    if (!e || e.id !== id) return;
    // The host sees a second connection arrive itself; only a failure needs the learner's word.
    if (id === 'second-connection' && word === 'connected') return;
    if (id !== 'second-connection') e.results.set(l.id, word);
    const event: HostEvent = {type: 'experiment', id, phase: 'result', learner: l.id, result: word};
    if (port !== undefined) event.port = port;
    this.event(event);
  }

  private datagram(from: Addr, text: string): void {
    const e = this.experiment;
    if (e?.id !== 'udp' || e.phase !== 'running') return;
    // "CODE LEARNER": anything else on the port is counted by the OS, not by the room.
    const [code = '', who = ''] = text.trim().split(/\s+/);
    if (normalizeCode(code) !== normalizeCode(this.config.code) || !/^\d{1,6}$/.test(who)) return;
    const l = this.learners.get(Number(who));
    e.datagrams++;
    const event: HostEvent = {type: 'experiment', id: 'udp', phase: 'datagram', from};
    if (l && l.address === from.address) {
      event.learner = l.id;
      e.results.set(l.id, 'sent');
    }
    this.event(event);
  }

  // --- The instructor ----------------------------------------------------------------

  private kick(id: number, now: number): void {
    const l = this.learners.get(id);
    if (!l || !l.present) {
      this.event({type: 'error', code: 'unknown-learner', learner: id});
      return;
    }
    l.kicked = true;
    this.byToken.delete(l.token);
    if (l.main !== undefined) this.bye(l.main, 'kicked');
    if (l.second !== undefined) this.bye(l.second, 'kicked');
    this.leave(l, 'kicked', now);
  }

  private tick(now: number): void {
    // Learners closed for the close experiment who never came back.
    for (const l of this.learners.values()) {
      if (l.present && l.main === undefined && this.experiment?.id !== 'close') this.leave(l, 'gone', now);
    }
    if (this.experiment?.id === 'close' && now - this.experiment.startedAt > RECONNECT_GRACE_MS) {
      for (const l of this.learners.values()) if (l.present && l.main === undefined) this.leave(l, 'gone', now);
    }
    this.sendWalls();
  }

  /** Each learner's copy of the wall: the counts and the rows around their own, when they changed. */
  private sendWalls(): void {
    const rows = this.joinedConnections();
    const index = new Map<number, number>();
    rows.forEach((c, i) => {
      if (c.learner !== undefined && !index.has(c.learner)) index.set(c.learner, i);
    });
    const counts = this.counts();
    for (const l of this.learners.values()) {
      if (!l.present || l.main === undefined) continue;
      const at = index.get(l.id) ?? 0;
      const from = Math.max(0, Math.min(at - 2, rows.length - 5));
      const window = rows.slice(from, from + 5).map((c): WallRowLine => {
        const mine = c.learner === l.id;
        const other = c.learner !== undefined ? this.learners.get(c.learner) : undefined;
        return {
          learner: c.learner ?? 0,
          address: this.config.private && !mine ? maskAddress(c.from.address) : c.from.address,
          port: c.from.port,
          role: c.role === 'second' ? 'second' : 'main',
          nick: other?.nick ?? '',
        };
      });
      const lines = hostLines.wall(counts, window);
      const key = lines.join('\n');
      if (key === l.lastWall) continue;
      l.lastWall = key;
      this.send(l.main, ...lines);
    }
  }

  private shutdown(now: number): void {
    for (const c of this.connections.values()) {
      if (c.closing) continue;
      this.bye(c.id, 'host-ended');
    }
    for (const l of this.learners.values()) this.leave(l, 'host-ended', now);
    if (this.udpPort !== undefined) this.out.push({kind: 'udp-close'});
  }

  // --- Output ------------------------------------------------------------------------

  private send(conn: number, ...lines: string[]): void {
    const c = this.connections.get(conn);
    if (!c || c.closing) return;
    this.out.push({kind: 'send', conn, lines});
  }

  private broadcast(linesFor: (l: Learner) => string[]): void {
    for (const l of this.learners.values()) if (l.present && l.main !== undefined) this.send(l.main, ...linesFor(l));
  }

  private event(event: HostEvent): void {
    this.out.push({kind: 'event', event});
  }
}
