// Runs commands on a SocketLab. Each command waits for its outcome (a connect to our own
// listener waits for the accept too; a send to our own socket waits for it to arrive),
// every wait is bounded, and run() never throws: it returns a typed Outcome.

import {MAX_SCAN_PORTS} from '../lab/scan.ts';
import type {Endpoint, LabErrorInfo, LabEvent, Operation, SocketInfo, SocketLab} from '../lab/types.ts';
import type {CommandError, ErrorContext, Outcome, Result} from './outcome.ts';
import {parseLine} from './parse.ts';
import {listenerFor, mirrorPeer, reaches, sameEndpoint, udpReceiverFor} from './peers.ts';
import type {AddressArg, Command} from './types.ts';

export interface ExecutorOptions {
  /** Bound on each wait a command makes (default 10000 ms: an EADDRINUSE looks up the
   *  port's holders in the OS table, which can take seconds on a busy machine). */
  timeoutMs?: number;
  /** Bound on a whole scan (default 30000 ms). */
  scanTimeoutMs?: number;
}

export interface Executor {
  /** Parse (if given a line) and run one command. Commands run one at a time, in call order. */
  run(input: string | Command): Promise<Outcome>;
  /**
   * Stop what the running command is waiting for (Esc or Ctrl+C in the REPL): it ends at
   * once with ECANCELED. False when nothing was running. Commands queued after it still run.
   */
  cancel(): boolean;
  /** Stop following the lab's events. Does not close sockets: the lab's owner disposes it. */
  dispose(): void;
}

/** A failure raised inside a handler; run() turns it into an Outcome. */
class Fail {
  readonly error: CommandError;
  constructor(error: CommandError) {
    this.error = error;
  }
}

type Lab = {kind: 'lab'} & LabErrorInfo & ErrorContext;

function labFail(code: LabErrorInfo['code'], operation: Operation, extra: Partial<Lab> = {}): never {
  throw new Fail({kind: 'lab', code, operation, ...extra});
}

function isLabErrorInfo(e: unknown): e is LabErrorInfo {
  return typeof e === 'object' && e !== null && typeof (e as {code?: unknown}).code === 'string' && typeof (e as {operation?: unknown}).operation === 'string';
}

/** A LabError (or anything thrown) as a plain CommandError without undefined fields. */
function toError(err: unknown, operation: Operation): CommandError {
  if (err instanceof Fail) return err.error;
  if (isLabErrorInfo(err)) {
    const out: Lab = {kind: 'lab', code: err.code, operation: err.operation};
    if (err.socket !== undefined) out.socket = err.socket;
    if (err.address !== undefined) out.address = err.address;
    if (err.sysCode !== undefined) out.sysCode = err.sysCode;
    if (err.holders !== undefined) out.holders = err.holders;
    if (err.limit !== undefined) out.limit = err.limit;
    if (err.unixProblem !== undefined) out.unixProblem = err.unixProblem;
    return out;
  }
  const name = typeof err === 'object' && err !== null && typeof (err as {name?: unknown}).name === 'string' ? (err as {name: string}).name : typeof err;
  return {kind: 'lab', code: 'EOTHER', operation, sysCode: name};
}

const OPERATION: Record<Command['verb'], Operation> = {
  socket: 'socket', bind: 'bind', listen: 'listen', connect: 'connect', send: 'send', sendto: 'sendto',
  shutdown: 'end', close: 'close', reset: 'reset', sockets: 'socket', os: 'socket', scan: 'scan', wait: 'wait',
  help: 'socket', lang: 'socket', clear: 'socket', quit: 'socket',
};

/** Verbs that act on sockets: `wait` looks for events since the last of these began. */
const ACTING = new Set<Command['verb']>(['socket', 'bind', 'listen', 'connect', 'send', 'sendto', 'shutdown', 'close', 'reset', 'scan']);

const WILDCARD: Record<string, string> = {'0.0.0.0': '127.0.0.1', '::': '::1'};

function inetEndpoint(host: string, port: number): Endpoint {
  return {kind: 'inet', address: host, port, family: host.includes(':') ? 'IPv6' : 'IPv4'};
}

class CommandExecutor implements Executor {
  private readonly lab: SocketLab;
  private readonly timeoutMs: number;
  private readonly scanTimeoutMs: number;
  private readonly unsubscribe: () => void;
  private lastSeq: number;
  private waitSince: number;
  private current: LabEvent[] | undefined;
  /** Both ends of connections we made between our own sockets (Unix ones have no mirror). */
  private readonly pairs = new Map<string, string>();
  private chain: Promise<unknown> = Promise.resolve();
  /** Aborts the waits of the command running now. */
  private abort: AbortController | undefined;

  constructor(lab: SocketLab, options: ExecutorOptions) {
    this.lab = lab;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.scanTimeoutMs = options.scanTimeoutMs ?? 30_000;
    this.lastSeq = lab.history().at(-1)?.seq ?? 0;
    this.waitSince = this.lastSeq;
    this.unsubscribe = lab.subscribe((e) => {
      this.lastSeq = e.seq;
      this.current?.push(e);
      if (e.type === 'close') {
        const other = this.pairs.get(e.socket);
        this.pairs.delete(e.socket);
        if (other !== undefined && this.pairs.get(other) === e.socket) this.pairs.delete(other);
      }
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.abort?.abort();
  }

  cancel(): boolean {
    if (!this.abort || this.abort.signal.aborted) return false;
    this.abort.abort();
    return true;
  }

  run(input: string | Command): Promise<Outcome> {
    const next = this.chain.then(() => this.runNow(input));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runNow(input: string | Command): Promise<Outcome> {
    const line = typeof input === 'string' ? input : undefined;
    let command: Command;
    if (typeof input === 'string') {
      const parsed = parseLine(input);
      if (!parsed.ok) return {ok: false, line: input, error: {kind: 'parse', ...parsed.error}, events: []};
      command = parsed.command;
    } else command = input;
    const events: LabEvent[] = [];
    this.current = events;
    const startSeq = this.lastSeq;
    if (ACTING.has(command.verb)) this.waitSince = startSeq;
    this.abort = new AbortController();
    try {
      const result = await this.exec(command, startSeq, events);
      return line === undefined ? {ok: true, command, result, events} : {ok: true, line, command, result, events};
    } catch (err) {
      const error = toError(err, OPERATION[command.verb]);
      return line === undefined ? {ok: false, command, error, events} : {ok: false, line, command, error, events};
    } finally {
      this.current = undefined;
      this.abort = undefined;
    }
  }

  // ---- helpers -------------------------------------------------------------------------

  private bounded<T>(p: Promise<T>, operation: Operation, extra: Partial<Lab> = {}, ms = this.timeoutMs): Promise<T> {
    // A late rejection after we stopped waiting must not become an unhandled rejection.
    p.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const signal = this.abort?.signal;
    let onAbort: (() => void) | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Fail({kind: 'lab', code: 'ETIMEDOUT', operation, timeoutMs: ms, ...extra})), ms);
      onAbort = () => reject(new Fail({kind: 'lab', code: 'ECANCELED', operation, ...extra}));
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, {once: true});
    });
    return Promise.race([p, timeout]).finally(() => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    });
  }

  /** Wait for an event that completes the picture (the peer's side); never fails the command. */
  private async settle(predicate: (e: LabEvent) => boolean, since: number): Promise<LabEvent | undefined> {
    try {
      return await this.lab.waitFor(predicate, {since, timeoutMs: this.timeoutMs, ...(this.abort ? {signal: this.abort.signal} : {})});
    } catch {
      return undefined;
    }
  }

  private need(name: string, operation: Operation): SocketInfo {
    const s = this.lab.get(name);
    if (!s) labFail('ENAME', operation, {socket: name, nameProblem: 'unknown', known: this.lab.snapshot().map((x) => x.name)});
    return s;
  }

  private free(name: string | undefined, operation: Operation): void {
    if (name !== undefined && this.lab.get(name)) labFail('ENAME', operation, {socket: name, nameProblem: 'taken'});
  }

  private wrongKind(s: SocketInfo, operation: Operation, extra: Partial<Lab> = {}): never {
    labFail('ESTATE', operation, {socket: s.name, socketProtocol: s.protocol, socketRole: s.role, socketState: s.state, ...extra});
  }

  /** host and port for an inet address; a NAME is that socket's local address. */
  private inet(arg: AddressArg, operation: Operation, destination: boolean): {host: string; port: number} {
    if (arg.kind === 'inet') return {host: arg.host, port: arg.port};
    if (arg.kind === 'path') return labFail('EOTHER', operation, {sysCode: 'EINVAL'});
    const s = this.need(arg.name, operation);
    const local = s.local;
    // A Unix socket has a path, not an IP address and port: the wrong kind, not "no address".
    if (local?.kind === 'unix') this.wrongKind(s, operation);
    if (local?.kind !== 'inet' || local.port === 0) this.wrongKind(s, operation, {noAddress: true});
    // A socket bound to "any address" is reached through loopback.
    const host = destination ? (WILDCARD[local.address] ?? local.address) : local.address;
    return {host, port: local.port};
  }

  private unixPath(arg: AddressArg, operation: Operation): string {
    if (arg.kind === 'path') return arg.path;
    if (arg.kind === 'inet') return labFail('EOTHER', operation, {sysCode: 'EINVAL'});
    const s = this.need(arg.name, operation);
    if (s.local?.kind === 'inet') this.wrongKind(s, operation);
    if (s.local?.kind !== 'unix' || s.local.path === '') this.wrongKind(s, operation, {noAddress: true});
    return s.local.path;
  }

  /** A socket this command created is removed again when the command fails. */
  private async discard(name: string | undefined): Promise<void> {
    if (name === undefined || !this.lab.get(name)) return;
    try {
      await this.bounded(this.lab.close(name), 'close');
    } catch {
      // already gone or closing: nothing more to do
    }
  }

  private async creating<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await this.discard(name);
      throw err;
    }
  }

  /** After a connect to one of our passive sockets: wait for its accept. */
  private async accepted(client: SocketInfo, dest: Endpoint, since: number, created: boolean): Promise<{listener?: string; accepted?: string}> {
    if (client.protocol === 'udp') return {};
    const listener = listenerFor(this.lab.snapshot(), client.protocol, dest);
    if (!listener) return {};
    const unix = client.protocol === 'unix';
    // Its accept, or the sign that there will be none: the listener could not take it, or our end closed.
    const ev = await this.settle(
      (e) =>
        (e.type === 'accept' && e.socket === listener.name && (unix || sameEndpoint(e.remote, client.local))) ||
        (e.type === 'error' && e.socket === listener.name && e.error.code === 'ELIMIT') ||
        (e.type === 'close' && e.socket === client.name),
      since,
    );
    if (ev?.type === 'error' && ev.error.limit) {
      if (created) await this.discard(client.name);
      labFail('ELIMIT', 'accept', {socket: listener.name, limit: ev.error.limit});
    }
    // Our end was closed before our own listener, still listening, accepted it: the runtime
    // could not accept for want of a file descriptor (libuv then closes such connections).
    if (ev?.type === 'close' && this.lab.get(listener.name)?.state === 'listening') {
      labFail('ELIMIT', 'accept', {socket: listener.name, limit: {kind: 'descriptors'}});
    }
    if (ev?.type !== 'accept') return {listener: listener.name};
    this.pairs.set(client.name, ev.child);
    this.pairs.set(ev.child, client.name);
    return {listener: listener.name, accepted: ev.child};
  }

  private peerOf(s: SocketInfo): SocketInfo | undefined {
    const paired = this.pairs.get(s.name);
    if (paired !== undefined) return this.lab.get(paired);
    return mirrorPeer(this.lab.snapshot(), s);
  }

  // ---- commands ------------------------------------------------------------------------

  private async exec(cmd: Command, since: number, events: LabEvent[]): Promise<Result> {
    const lab = this.lab;
    switch (cmd.verb) {
      case 'socket':
        this.free(cmd.name, 'socket');
        return {verb: 'socket', socket: lab.socket(cmd.protocol, cmd.name)};

      case 'bind': {
        const addr = this.inet(cmd.address, 'bind', false);
        if (cmd.target.kind === 'existing') {
          this.need(cmd.target.name, 'bind');
          return {verb: 'bind', created: false, socket: await this.bounded(lab.bind(cmd.target.name, addr), 'bind', {socket: cmd.target.name})};
        }
        if (cmd.target.protocol === 'unix') return labFail('EUNSUPPORTED', 'bind');
        this.free(cmd.target.name, 'bind');
        const s = lab.socket(cmd.target.protocol, cmd.target.name);
        const socket = await this.creating(s.name, () => this.bounded(lab.bind(s.name, addr), 'bind', {socket: s.name}));
        return {verb: 'bind', created: true, socket};
      }

      case 'listen': {
        const t = cmd.target;
        if (t.kind === 'existing') {
          const s = this.need(t.name, 'listen');
          if (s.protocol !== 'tcp') this.wrongKind(s, 'listen');
          const addr = cmd.address ? this.inet(cmd.address, 'listen', false) : {};
          return {verb: 'listen', created: false, socket: await this.bounded(lab.listen({socket: t.name, ...addr}), 'listen', {socket: t.name})};
        }
        this.free(t.name, 'listen');
        if (t.protocol === 'unix') {
          const path = cmd.address ? this.unixPath(cmd.address, 'listen') : undefined;
          const target = {...(t.name !== undefined ? {name: t.name} : {}), ...(path !== undefined ? {path} : {})};
          const socket = await this.creating(t.name, () => this.bounded(lab.listenUnix(target), 'listen', {socket: t.name}));
          return {verb: 'listen', created: true, socket};
        }
        if (!cmd.address) return labFail('EOTHER', 'listen', {sysCode: 'EINVAL'});
        const addr = this.inet(cmd.address, 'listen', false);
        const target = {...addr, ...(t.name !== undefined ? {name: t.name} : {})};
        const socket = await this.creating(t.name, () => this.bounded(lab.listen(target), 'listen', {socket: t.name}));
        return {verb: 'listen', created: true, socket};
      }

      case 'connect': {
        const t = cmd.target;
        if (t.kind === 'new' && t.protocol === 'unix') {
          this.free(t.name, 'connect');
          const path = this.unixPath(cmd.address, 'connect');
          const target = {path, ...(t.name !== undefined ? {name: t.name} : {})};
          const socket = await this.creating(t.name, () => this.bounded(lab.connectUnix(target), 'connect', {socket: t.name}));
          const acc = await this.accepted(socket, {kind: 'unix', path}, since, true);
          return {verb: 'connect', created: true, socket: lab.get(socket.name) ?? socket, ...acc};
        }
        const addr = this.inet(cmd.address, 'connect', true);
        const dest = inetEndpoint(addr.host, addr.port);
        if (t.kind === 'new' && t.protocol === 'udp') {
          this.free(t.name, 'connect');
          const s = lab.socket('udp', t.name);
          const socket = await this.creating(s.name, () => this.bounded(lab.connectUdp(s.name, addr), 'connect', {socket: s.name}));
          return {verb: 'connect', created: true, socket};
        }
        if (t.kind === 'existing') {
          const s = this.need(t.name, 'connect');
          if (s.protocol === 'udp') {
            return {verb: 'connect', created: false, socket: await this.bounded(lab.connectUdp(s.name, addr), 'connect', {socket: s.name})};
          }
          if (s.protocol !== 'tcp') this.wrongKind(s, 'connect');
          const socket = await this.bounded(lab.connect({socket: s.name, ...addr}), 'connect', {socket: s.name});
          const acc = await this.accepted(socket, dest, since, false);
          return {verb: 'connect', created: false, socket: lab.get(socket.name) ?? socket, ...acc};
        }
        this.free(t.name, 'connect');
        const from = cmd.from ? this.inet(cmd.from, 'connect', false) : undefined;
        const target = {
          ...addr,
          ...(t.name !== undefined ? {name: t.name} : {}),
          ...(from ? {localHost: from.host, localPort: from.port} : {}),
        };
        const socket = await this.creating(t.name, () => this.bounded(lab.connect(target), 'connect', {socket: t.name}));
        const acc = await this.accepted(socket, dest, since, true);
        return {verb: 'connect', created: true, socket: lab.get(socket.name) ?? socket, ...acc};
      }

      case 'send': {
        const s = this.need(cmd.socket, 'send');
        const bytes = Buffer.byteLength(cmd.text, 'utf8');
        const report = await this.bounded(lab.send(s.name, cmd.text), 'send', {socket: s.name});
        const after = lab.get(s.name) ?? s;
        let receivedBy: string | undefined;
        if (report.queued !== undefined) {
          // The peer is not reading: nothing will arrive now, so wait for nothing.
          return {verb: 'send', socket: after, bytes, queued: report.queued};
        }
        if (bytes > 0 && s.protocol === 'udp' && after.remote) {
          const r = udpReceiverFor(lab.snapshot(), after.remote, s.name);
          if (r) receivedBy = (await this.settle((e) => e.type === 'message' && e.socket === r.name && reaches(after.local, e.from), since))?.socket;
        } else if (bytes > 0) {
          const peer = this.peerOf(after);
          if (peer) receivedBy = (await this.settle((e) => e.type === 'data' && e.socket === peer.name, since))?.socket;
        }
        return {verb: 'send', socket: lab.get(s.name) ?? after, bytes, ...(receivedBy !== undefined ? {receivedBy} : {})};
      }

      case 'sendto': {
        const t = cmd.target;
        let name: string;
        let created = false;
        if (t.kind === 'existing') {
          const s = this.need(t.name, 'sendto');
          if (s.protocol !== 'udp') this.wrongKind(s, 'sendto');
          name = s.name;
        } else {
          this.free(t.name, 'sendto');
          name = lab.socket('udp', t.name).name;
          created = true;
        }
        const bytes = Buffer.byteLength(cmd.text, 'utf8');
        const send = async () => {
          const addr = this.inet(cmd.address, 'sendto', true);
          await this.bounded(lab.sendto(name, addr, cmd.text), 'sendto', {socket: name});
          return addr;
        };
        const addr = created ? await this.creating(name, send) : await send();
        const sent = events.find((e) => e.type === 'send' && e.socket === name);
        const to = (sent?.type === 'send' ? sent.to : undefined) ?? inetEndpoint(addr.host, addr.port);
        const bound = events.find((e) => e.type === 'bind' && e.socket === name && e.implicit);
        const socket = lab.get(name);
        let receivedBy: string | undefined;
        const r = udpReceiverFor(lab.snapshot(), to, name);
        if (r && bytes >= 0 && socket) {
          receivedBy = (await this.settle((e) => e.type === 'message' && e.socket === r.name && reaches(socket.local, e.from), since))?.socket;
        }
        const result: Result = {verb: 'sendto', socket: lab.get(name) ?? socket ?? this.need(name, 'sendto'), created, to, bytes};
        if (bound?.local) result.implicitBind = bound.local;
        if (receivedBy !== undefined) result.receivedBy = receivedBy;
        return result;
      }

      case 'shutdown':
      case 'close':
      case 'reset': {
        const s = this.need(cmd.socket, OPERATION[cmd.verb]);
        const peer = this.peerOf(s);
        if (cmd.verb === 'shutdown') {
          if (s.protocol === 'udp') this.wrongKind(s, 'end');
          // Our own peer stays half-open (CLOSE_WAIT) until it is closed, as TCP allows.
          if (peer && (peer.state === 'connected' || peer.state === 'half-closed')) lab.holdOpen(peer.name);
          await this.bounded(lab.end(s.name), 'end', {socket: s.name});
        } else {
          await this.bounded(cmd.verb === 'close' ? lab.close(s.name) : lab.reset(s.name), OPERATION[cmd.verb], {socket: s.name});
        }
        if (peer) {
          const want = cmd.verb === 'shutdown' ? 'end' : 'close';
          await this.settle((e) => e.type === want && e.socket === peer.name, since);
        }
        const socket = lab.get(s.name) ?? {...s, state: 'closed' as const};
        return peer ? {verb: cmd.verb, socket, peer: peer.name} : {verb: cmd.verb, socket};
      }

      case 'sockets':
        return {verb: 'sockets', sockets: lab.snapshot()};

      case 'os':
        return {verb: 'os', view: await this.bounded(lab.osView(), 'socket', {waitingFor: 'os'})};

      case 'scan': {
        // Ranges are walked only up to the cap: `1-65535` written 7,000 times on one line
        // must cost a few thousand steps, not hundreds of millions.
        const ports = new Set<number>();
        const add = (n: number) => {
          ports.add(n);
          if (ports.size > MAX_SCAN_PORTS) labFail('ELIMIT', 'scan', {limit: {kind: 'scan-ports', max: MAX_SCAN_PORTS}});
        };
        for (const p of cmd.ports) {
          if (p.kind === 'port') add(p.port);
          else if (p.kind === 'range') for (let n = p.from; n <= p.to; n++) add(n);
          else add(this.inet({kind: 'socket', name: p.name}, 'scan', true).port);
        }
        const list = [...ports].sort((a, b) => a - b);
        const scan = await this.bounded(lab.scan(cmd.host, list), 'scan', {waitingFor: 'scan'}, this.scanTimeoutMs);
        const owners: Record<number, string[]> = {};
        const snapshot = lab.snapshot();
        for (const p of scan.ports) {
          if (!p.open) continue;
          const mine = snapshot.filter((s) => s.role === 'passive' && s.protocol === 'tcp' && s.local?.kind === 'inet' && s.local.port === p.port);
          if (mine.length > 0) owners[p.port] = mine.map((s) => s.name);
        }
        return {verb: 'scan', scan, owners};
      }

      case 'wait': {
        const {event: type, socket, timeoutMs} = cmd;
        let ev: LabEvent;
        try {
          const signal = this.abort?.signal;
          ev = await lab.waitFor((e) => e.type === type && (socket === undefined || e.socket === socket), {since: this.waitSince, timeoutMs, ...(signal ? {signal} : {})});
        } catch (err) {
          const e = toError(err, 'wait');
          if (e.kind === 'lab' && (e.code === 'ETIMEDOUT' || e.code === 'ECANCELED')) {
            labFail(e.code, 'wait', {waitingFor: type, timeoutMs, ...(socket !== undefined ? {socket} : {})});
          }
          throw err;
        }
        // Later waits look past this event: two `wait data` need two data events.
        this.waitSince = Math.max(this.waitSince, ev.seq);
        return {verb: 'wait', event: ev};
      }

      case 'help':
        return cmd.topic === undefined ? {verb: 'help'} : {verb: 'help', topic: cmd.topic};
      case 'lang':
        return {verb: 'lang', lng: cmd.lng};
      case 'clear':
        return {verb: 'clear'};
      case 'quit':
        return {verb: 'quit'};
    }
  }
}

export function createExecutor(lab: SocketLab, options: ExecutorOptions = {}): Executor {
  return new CommandExecutor(lab, options);
}
