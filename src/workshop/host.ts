// The host at run time: the room's sockets, opened and watched through a lab that may
// use exactly one address outside loopback (the room's). Lab events and received lines
// go into the Room; its effects come back out as sends, closes and socket changes.
import {Lab} from '../lab/index.ts';
import type {LabEvent, LabError} from '../lab/types.ts';
import {newRoomCode} from './code.ts';
import type {Addr, HostEvent, JoinLines} from './events.ts';
import type {ExperimentId} from './experiments.ts';
import {DEFAULT_MAX_LEARNERS} from './limits.ts';
import type {Poll} from './polls.ts';
import {DEFAULT_PORT, encodeLine, FIRST_LINE_MS, LineSplitter} from './protocol.ts';
import {Room, type RoomEffect, type RoomInput, type Speaker} from './room.ts';

export const LISTENER = 'room';
export const UDP_SOCKET = 'room-udp';
/** How long ending the room waits for learners' sockets to take their goodbye. */
export const STOP_GRACE_MS = 2000;
/** A connection we half-closed is closed for after this long if the peer keeps its side open. */
export const CLOSE_GRACE_MS = 3000;
/** How often learners' copies of the wall are brought up to date. */
export const WALL_TICK_MS = 1000;

export interface HostOptions {
  address: string;
  /** Default DEFAULT_PORT, with a fallback to a free port; 0: the OS chooses. */
  port?: number;
  /** --port given: a taken port is an error, not a fallback. */
  portExplicit?: boolean;
  code?: string;
  max?: number;
  private?: boolean;
  lang: string;
  polls: ReadonlyMap<string, Poll>;
  speaker: Speaker;
  /** Simulated learners sharing 127.0.0.1: exempt from the per-address limit. */
  perAddressExempt?: (address: string) => boolean;
  /** How long a new connection has to send the room code (default FIRST_LINE_MS). */
  firstLineMs?: number;
  /** Extra sockets beyond two per learner (pending connections, the listener, UDP). */
  spareSockets?: number;
}

export type InstructorInput =
  | {kind: 'open-poll'; id: string}
  | {kind: 'reveal'}
  | {kind: 'close-poll'}
  | {kind: 'start'; experiment: ExperimentId}
  | {kind: 'end'}
  | {kind: 'kick'; learner: number};

export type RoomRecord = Extract<HostEvent, {type: 'room'}>;

export class HostStartError extends Error {
  readonly error: LabError;
  readonly port: number;
  constructor(error: LabError, port: number) {
    super(`listen ${port}: ${error.code}`);
    this.error = error;
    this.port = port;
    this.name = 'HostStartError';
  }
}

interface ConnRecord {
  id: number;
  socket: string;
  splitter: LineSplitter;
  timer?: ReturnType<typeof setTimeout>;
  /** Half-closed by us: the deadline for the peer to close its side. */
  ending?: ReturnType<typeof setTimeout>;
}

/** The three ways to join, as commands to copy (addresses and ports stay ASCII). */
export function joinLines(address: string, port: number, code: string): JoinLines {
  const hostPort = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  return {
    node: `npx socket-lessons join ${hostPort} ${code}`,
    deno: `deno run -A npm:socket-lessons join ${hostPort} ${code}`,
    nc: `nc ${address} ${port}`,
  };
}

export class WorkshopHost {
  readonly lab: Lab;
  readonly room: Room;
  readonly code: string;
  port = 0;
  private readonly options: HostOptions;
  private readonly conns = new Map<number, ConnRecord>();
  private readonly bySocket = new Map<string, number>();
  private nextConn = 1;
  private readonly eventListeners = new Set<(event: HostEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private readonly t0 = performance.now();
  private roomEvent: RoomRecord | undefined;

  constructor(options: HostOptions) {
    this.options = options;
    this.code = options.code ?? newRoomCode();
    const max = options.max ?? DEFAULT_MAX_LEARNERS;
    this.lab = new Lab({allowHosts: [options.address], maxSockets: max * 2 + (options.spareSockets ?? 64), historySize: 200});
    this.room = new Room({
      code: this.code,
      address: options.address,
      port: 0,
      max,
      private: options.private ?? false,
      lang: options.lang,
      polls: options.polls,
      speaker: options.speaker,
      ...(options.perAddressExempt ? {perAddressExempt: options.perAddressExempt} : {}),
    });
  }

  now(): number {
    return performance.now() - this.t0;
  }

  /** Listen on the room's address; resolves with the `room` record (also sent to event listeners). */
  async start(extra: Partial<RoomRecord> = {}, prepare?: (port: number) => Promise<Partial<RoomRecord>>): Promise<RoomRecord> {
    this.unsubscribe = this.lab.subscribe((e) => this.onLab(e));
    const wanted = this.options.port ?? DEFAULT_PORT;
    let fallback = false;
    try {
      await this.listen(wanted);
    } catch (error) {
      const e = error as LabError;
      if (this.options.portExplicit || wanted === 0 || (e.code !== 'EADDRINUSE' && e.code !== 'EACCES')) {
        await this.lab.dispose();
        throw new HostStartError(e, wanted);
      }
      fallback = true;
      try {
        await this.listen(0);
      } catch (again) {
        await this.lab.dispose();
        throw new HostStartError(again as LabError, 0);
      }
    }
    this.room.config.port = this.port;
    this.ticker = setInterval(() => this.apply({kind: 'tick', now: this.now()}), WALL_TICK_MS);
    this.ticker.unref?.();
    // Whatever must be known before the room is announced (e.g. whether discovery works).
    const prepared = prepare ? await prepare(this.port) : {};
    const record: RoomRecord = {
      type: 'room',
      address: this.options.address,
      port: this.port,
      code: this.code,
      max: this.room.config.max,
      private: this.room.config.private,
      join: joinLines(this.options.address, this.port, this.code),
      ...(fallback ? {portFallback: {wanted}} : {}),
      ...extra,
      ...prepared,
    };
    this.roomEvent = record;
    this.emit(record);
    return record;
  }

  /** The `room` record, once started (and with what was added to it since). */
  roomRecord(): RoomRecord | undefined {
    return this.roomEvent;
  }

  /** Add to the room record (discovery, simulation) and tell listeners again. */
  amendRoom(extra: Partial<RoomRecord>): void {
    if (!this.roomEvent) return;
    Object.assign(this.roomEvent, extra);
    this.notify();
  }

  private async listen(port: number): Promise<void> {
    const info = await this.lab.listen({name: LISTENER, host: this.options.address, port, backlog: 511});
    const local = info.local;
    this.port = local?.kind === 'inet' ? local.port : port;
  }

  onEvent(listener: (event: HostEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called after anything in the room changed (throttle before drawing). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  command(input: InstructorInput): void {
    if (this.stopping) return;
    this.apply({...input, now: this.now()} as RoomInput);
  }

  /** Tell every learner, close every socket, stop listening. Idempotent. */
  stop(reason: Extract<HostEvent, {type: 'end'}>['reason'] = 'quit'): Promise<void> {
    this.stopping ??= (async () => {
      if (this.ticker !== undefined) clearInterval(this.ticker);
      // Listener first: nobody new arrives while the room says goodbye.
      await this.lab.close(LISTENER).catch(() => {});
      this.apply({kind: 'shutdown', now: this.now()});
      await this.queue;
      // Every connection got its bye and our FIN; learners close their side. A peer that
      // does not (nc waiting for its own input) is closed for after a moment.
      await this.whenNoConnections(STOP_GRACE_MS);
      await Promise.all([...this.conns.values()].map((c) => this.lab.close(c.socket).catch(() => {})));
      for (const c of this.conns.values()) {
        if (c.timer) clearTimeout(c.timer);
        if (c.ending) clearTimeout(c.ending);
      }
      this.emit({type: 'end', reason});
      this.unsubscribe?.();
      await this.lab.dispose();
    })();
    return this.stopping;
  }

  private whenNoConnections(ms: number): Promise<void> {
    if (this.conns.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const off = this.onChange(() => {
        if (this.conns.size === 0) done();
      });
    });
  }

  get stopped(): boolean {
    return this.stopping !== undefined;
  }

  private apply(input: RoomInput): void {
    const effects = this.room.reduce(input);
    for (const effect of effects) this.run(effect);
    this.notify();
  }

  private notify(): void {
    for (const l of this.changeListeners) l();
  }

  private emit(event: HostEvent): void {
    for (const l of this.eventListeners) {
      try {
        l(event);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  private run(effect: RoomEffect): void {
    switch (effect.kind) {
      case 'event':
        this.emit(effect.event);
        return;
      case 'send': {
        const c = this.conns.get(effect.conn);
        if (c) this.lab.send(c.socket, effect.lines.map(encodeLine).join('')).catch(() => {});
        return;
      }
      case 'close': {
        const c = this.conns.get(effect.conn);
        if (c) this.closeGracefully(c);
        return;
      }
      case 'unlisten':
        this.later(async () => {
          try {
            await this.lab.close(LISTENER);
            this.apply({kind: 'listening', listening: false, now: this.now()});
          } catch (error) {
            this.apply({kind: 'listening', listening: true, error: (error as LabError).code, now: this.now()});
          }
        });
        return;
      case 'listen':
        this.later(async () => {
          try {
            await this.listen(this.port);
            this.apply({kind: 'listening', listening: true, now: this.now()});
          } catch (error) {
            const e = error as LabError;
            this.apply({kind: 'listening', listening: false, error: e.sysCode ?? e.code, now: this.now()});
          }
        });
        return;
      case 'udp-open':
        this.later(async () => {
          this.lab.socket('udp', UDP_SOCKET);
          // The TCP port's number if it is free: TCP 4040 and UDP 4040 are different ports (C3).
          for (const port of [this.port, 0]) {
            try {
              const info = await this.lab.bind(UDP_SOCKET, {host: this.options.address, port});
              this.apply({kind: 'udp', port: info.local?.kind === 'inet' ? info.local.port : port, now: this.now()});
              return;
            } catch (error) {
              if (port === 0 || (error as LabError).code !== 'EADDRINUSE') {
                await this.lab.close(UDP_SOCKET).catch(() => {});
                this.apply({kind: 'udp', error: (error as LabError).code, now: this.now()});
                return;
              }
            }
          }
        });
        return;
      case 'udp-close':
        this.later(async () => {
          await this.lab.close(UDP_SOCKET).catch(() => {});
          this.apply({kind: 'udp', now: this.now()});
        });
        return;
    }
  }

  /**
   * Send FIN and keep reading until the peer closes too: the host is the side that closed
   * first (TIME_WAIT stays here), and a line the peer sends meanwhile is read, not answered
   * with a reset that could destroy the goodbye. A peer that never closes is closed for.
   */
  private closeGracefully(c: ConnRecord): void {
    if (c.ending) return;
    c.ending = setTimeout(() => void this.lab.close(c.socket).catch(() => {}), CLOSE_GRACE_MS);
    c.ending.unref?.();
    this.lab.end(c.socket).catch(() => void this.lab.close(c.socket).catch(() => {}));
  }

  /** Socket changes happen one after another, in the order the room asked for them. */
  private later(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch(() => {});
  }

  private onLab(e: LabEvent): void {
    switch (e.type) {
      case 'accept':
        if (e.socket === LISTENER && e.remote?.kind === 'inet') this.accepted(e.child, {address: e.remote.address, port: e.remote.port});
        return;
      case 'close': {
        const id = this.bySocket.get(e.socket);
        if (id === undefined) return;
        const c = this.conns.get(id);
        if (c?.timer) clearTimeout(c.timer);
        if (c?.ending) clearTimeout(c.ending);
        this.conns.delete(id);
        this.bySocket.delete(e.socket);
        this.apply({kind: 'closed', conn: id, now: this.now()});
        return;
      }
      case 'message':
        if (e.socket === UDP_SOCKET && e.from.kind === 'inet') {
          this.apply({kind: 'datagram', from: {address: e.from.address, port: e.from.port}, text: e.bytes <= 64 ? e.preview : '', now: this.now()});
        }
        return;
      case 'error':
        // A failed listen is reported by whoever asked for it; accepting is what can fail unasked.
        if (e.error.operation === 'accept') this.emit({type: 'error', code: e.error.code, ...(e.error.sysCode ? {sysCode: e.error.sysCode} : {})});
        return;
      default:
        return;
    }
  }

  private accepted(socket: string, from: Addr): void {
    const id = this.nextConn++;
    const record: ConnRecord = {id, socket, splitter: new LineSplitter()};
    this.conns.set(id, record);
    this.bySocket.set(socket, id);
    record.timer = setTimeout(() => {
      record.timer = undefined;
      this.apply({kind: 'first-line-timeout', conn: id, now: this.now()});
    }, this.options.firstLineMs ?? FIRST_LINE_MS);
    record.timer.unref?.();
    this.lab.read(socket, (chunk) => this.received(record, chunk));
    this.apply({kind: 'open', conn: id, socket, from, now: this.now()});
  }

  private received(record: ConnRecord, chunk: Uint8Array): void {
    const {lines, error} = record.splitter.push(chunk);
    for (const text of lines) {
      this.apply({kind: 'line', conn: record.id, text, now: this.now()});
      if (record.timer && this.room.connections.get(record.id)?.role !== 'pending') {
        clearTimeout(record.timer);
        record.timer = undefined;
      }
    }
    if (error) this.apply({kind: 'bad-stream', conn: record.id, error, now: this.now()});
  }

  /** The lab socket of a connection (for the wall's byte counts). */
  socketOf(conn: number): string | undefined {
    return this.conns.get(conn)?.socket;
  }
}
