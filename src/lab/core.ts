// The lab's table of live sockets, limits, names and the helpers every protocol file uses.
import type dgram from 'node:dgram';
import type net from 'node:net';
import {isLoopback, inet, unmapped} from './address.ts';
import {labError, limitError, toLabError} from './errors.ts';
import {EventBus} from './event-bus.ts';
import {Names} from './names.ts';
import {accepting, unixPathProblem} from './unix.ts';
import {LabError as LabErrorClass} from './types.ts';
import type {Endpoint, LabError, LabErrorInfo, LabOptions, Operation, Protocol, Role, SocketInfo} from './types.ts';

export interface Entry {
  info: SocketInfo;
  server?: net.Server;
  stream?: net.Socket;
  udp?: dgram.Socket;
  /** UDP: an explicit bind() is in progress, so 'listening' is not an implicit bind. */
  binding?: boolean;
  acceptCount: number;
  /** A Unix socket file this lab created (removed on close). */
  unixFile?: string;
  /** While a connect, listen or bind is pending: abandon it (the socket is being closed). */
  abortPending?: () => void;
  /** Datagrams from a non-loopback sender, dropped unseen (the lab was not given --allow-remote). */
  foreignDropped?: number;
  /** Queued bytes a close threw away (the peer was not reading): told in the 'close' event. */
  droppedOnClose?: number;
  /** Resolvers waiting for this socket's close. */
  closeWaiters?: (() => void)[];
  /** Whoever reads this stream's bytes in full (lab.read). */
  reader?: (chunk: Uint8Array) => void;
  /** UDP: the last sendto's destination as given, and its endpoint (reused while it is the same). */
  lastToHost?: string;
  lastTo?: Endpoint;
}

export type Holder = NonNullable<LabErrorInfo['holders']>[number];

export class LabCore {
  readonly bus: EventBus;
  readonly table = new Map<string, Entry>();
  readonly names = new Names();
  readonly allowNonLoopback: boolean;
  readonly allowHosts: ReadonlySet<string>;
  readonly maxSockets: number;
  readonly maxBufferedBytes: number;
  readonly previewBytes: number;
  readonly halfOpen: boolean;
  readonly udpReceiveBuffer: number | undefined;
  /** Every port and path the lab ever used, so the OS view can follow them (TIME_WAIT…). */
  readonly tcpPorts = new Set<number>();
  readonly udpPorts = new Set<number>();
  readonly unixPaths = new Set<string>();
  disposed = false;

  constructor(options: LabOptions = {}) {
    this.allowNonLoopback = options.allowNonLoopback ?? false;
    this.allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase()));
    this.maxSockets = options.maxSockets ?? 256;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.previewBytes = options.previewBytes ?? 64;
    this.halfOpen = options.halfOpen ?? false;
    this.udpReceiveBuffer = options.udpReceiveBuffer;
    this.bus = new EventBus(options.historySize ?? 1000);
  }

  readonly taken = (name: string): boolean => this.table.has(name);

  /** A new table entry (no OS object yet). Throws ENAME / ELIMIT / ESTATE after dispose. */
  create(protocol: Protocol, role: Role, name: string | undefined, operation: Operation, extra?: Partial<SocketInfo>, trustedName = false): Entry {
    if (this.disposed) throw labError('ESTATE', operation, name);
    if (name !== undefined && !trustedName) this.names.check(name, this.taken, operation);
    if (this.table.size >= this.maxSockets) throw this.socketLimit(operation, name);
    const info: SocketInfo = {
      name: name ?? this.names.auto(this.taken),
      protocol,
      role,
      state: 'new',
      bytesIn: 0,
      bytesOut: 0,
      datagramsIn: 0,
      datagramsOut: 0,
      createdAt: this.bus.now(),
      ...extra,
    };
    const entry: Entry = {info, acceptCount: 0};
    this.table.set(info.name, entry);
    return entry;
  }

  /** ELIMIT: the lab holds as many sockets as it may. */
  socketLimit(operation: Operation, socket?: string): LabError {
    return limitError({kind: 'sockets', max: this.maxSockets}, operation, socket);
  }

  lookup(name: string, operation: Operation): Entry {
    const entry = this.table.get(name);
    if (!entry) throw labError('ENAME', operation, name);
    return entry;
  }

  /**
   * Whether a peer may reach a socket bound to `local`: loopback peers always; others with
   * allowNonLoopback, or when the socket is bound to one of allowHosts (a workshop room
   * listens on its one LAN address precisely so that the room's laptops reach it).
   */
  acceptsFrom(local: Endpoint | undefined, remoteAddress: string): boolean {
    if (this.allowNonLoopback || isLoopback(remoteAddress)) return true;
    return local?.kind === 'inet' && this.allowHosts.has(local.address.toLowerCase());
  }

  /** ENOTLOOPBACK unless the host is loopback, one of allowHosts, or the lab was created with allowNonLoopback. */
  checkHost(host: string, operation: Operation, socket?: string): void {
    if (!this.allowNonLoopback && !isLoopback(host) && !this.allowHosts.has(host.toLowerCase())) {
      throw labError('ENOTLOOPBACK', operation, socket, inet(host, 0));
    }
  }

  remember(entry: Entry): void {
    for (const e of [entry.info.local, entry.info.remote]) {
      if (!e) continue;
      if (e.kind === 'unix') {
        if (e.path) this.unixPaths.add(e.path);
      } else if (e.port > 0) (entry.info.protocol === 'udp' ? this.udpPorts : this.tcpPorts).add(e.port);
    }
  }

  emitSocket(entry: Entry): void {
    const i = entry.info;
    this.bus.emit({type: 'socket', role: i.role, socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
  }

  /** Map an OS error, emit it as this socket's 'error' event, return it for rejecting. */
  fail(entry: Entry, err: unknown, operation: Operation, address?: Endpoint): LabError {
    const e = toLabError(err, operation, entry.info.name, address);
    const i = entry.info;
    this.bus.emit({type: 'error', error: e.toJSON(), socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
    return e;
  }

  /** OS-view owners of a port; the Lab overrides this where an OS view exists. */
  async osHolders(_protocol: 'tcp' | 'udp', _port: number): Promise<Holder[]> {
    return [];
  }

  /** Bytes in the kernel's send queue of a connected TCP socket; the Lab overrides this where an OS view exists. */
  async kernelSendQueue(_entry: Entry): Promise<number | undefined> {
    return undefined;
  }

  /** A failed Unix listen or connect, with what is wrong with its path when the path shows it. */
  unixError(err: unknown, operation: Operation, socket: string, path: string): LabError {
    const e = toLabError(err, operation, socket, {kind: 'unix', path});
    const problem = unixPathProblem(path, e.sysCode ?? e.code, operation);
    if (!problem) return e;
    const info = {...e.toJSON(), unixProblem: problem};
    // Node says EACCES for a missing directory; the kernel's answer is ENOENT.
    if (problem.kind === 'no-directory') {
      info.code = 'ENOENT';
      delete info.sysCode;
    }
    return new LabErrorClass(info);
  }

  /** Like fail(), but an EADDRINUSE is first filled with who holds the port, and a Unix path is looked at. */
  async failBind(entry: Entry, err: unknown, operation: Operation, address: Endpoint | undefined): Promise<LabError> {
    if (address?.kind === 'unix') {
      let e = this.unixError(err, operation, entry.info.name, address.path);
      // A socket file is there: leftover, unless a program really accepts on it.
      if (e.unixProblem?.kind === 'stale-socket' && (await accepting(address.path))) {
        const {unixProblem: _, ...rest} = e.toJSON();
        e = new LabErrorClass(rest);
      }
      return this.fail(entry, e, operation, address);
    }
    let e = toLabError(err, operation, entry.info.name, address);
    if (e.code === 'EADDRINUSE' && address?.kind === 'inet' && address.port > 0) {
      const proto = entry.info.protocol === 'udp' ? 'udp' : 'tcp';
      const holders = this.labHolders(proto, address.port).filter((h) => h.socket !== entry.info.name);
      try {
        for (const h of await this.osHolders(proto, address.port)) {
          const same = holders.find((x) => x.pid === h.pid && x.program === undefined);
          if (same) same.program = h.program;
          else if (!holders.some((x) => x.pid === h.pid)) holders.push(h);
        }
      } catch {
        // the OS view is optional here
      }
      e = new LabErrorClass({...e.toJSON(), holders});
    }
    return this.fail(entry, e, operation, address);
  }

  /** The socket is gone: mark it, emit 'close', drop it from the table, wake close waiters. */
  closed(entry: Entry, hadError: boolean): void {
    const i = entry.info;
    if (i.state === 'closed') return;
    i.state = 'closed';
    this.table.delete(i.name);
    const dropped = entry.droppedOnClose;
    this.bus.emit({type: 'close', hadError, ...(dropped ? {dropped} : {}), socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
    const waiters = entry.closeWaiters;
    entry.closeWaiters = undefined;
    if (waiters) for (const w of waiters) w();
  }

  whenClosed(entry: Entry): Promise<void> {
    if (entry.info.state === 'closed') return Promise.resolve();
    return new Promise((resolve) => (entry.closeWaiters ??= []).push(resolve));
  }

  /**
   * Does a TCP connect to host:port reach one of our own listeners? Then its accept needs a
   * place in the table too, and a connect that cannot get one is refused before it starts.
   */
  listensOn(host: string, port: number): boolean {
    const bare = unmapped;
    const to = bare(host);
    for (const e of this.table.values()) {
      const l = e.info.local;
      if (e.info.role !== 'passive' || e.info.protocol !== 'tcp' || l?.kind !== 'inet' || l.port !== port) continue;
      if (bare(l.address) === to || l.address === '::' || (l.address === '0.0.0.0' && !to.includes(':'))) return true;
    }
    return false;
  }

  /** Lab sockets holding a port (for EADDRINUSE). */
  labHolders(protocol: 'tcp' | 'udp', port: number): Holder[] {
    const on: Entry[] = [];
    for (const entry of this.table.values()) {
      const l = entry.info.local;
      if (entry.info.protocol === protocol && l?.kind === 'inet' && l.port === port) on.push(entry);
    }
    // TCP: the listener is the holder; its accepted sockets share the port but do not block a bind.
    const passive = on.filter((e) => e.info.role === 'passive');
    return (passive.length > 0 ? passive : on).map((e) => ({socket: e.info.name, pid: process.pid}));
  }

  copy(entry: Entry): SocketInfo {
    return {...entry.info};
  }
}
