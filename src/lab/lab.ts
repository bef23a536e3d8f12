// The Lab: the SocketLab contract on top of the protocol files.
import {endpointKey, ipFamily, literal, sameEndpoint} from './address.ts';
import {registerLab, unregisterLab} from './cleanup.ts';
import {LabCore, type Entry, type Holder} from './core.ts';
import {labError} from './errors.ts';
import type {EventInput} from './event-bus.ts';
import {diffOs, OsReader, type OsScope} from './os-view/index.ts';
import {changesOsTable, nextTimerMs, OS_POLL_MS, OsWatchSchedule, type OsPollResult} from './os-watch.ts';
import {scanPorts} from './scan.ts';
import {connectTo, listenOn, streamClose, streamEnd, streamReset, streamSend} from './tcp.ts';
import {LabError, type LabEvent, type LabOptions, type OsSocket, type OsView, type ScanResult, type SendReport, type SocketInfo, type SocketLab} from './types.ts';
import {udpBind, udpClose, udpConnect, udpDisconnect, udpSend, udpSendTo} from './udp.ts';
import {DropWatch} from './udp-drops.ts';
import {checkNet, checkUnix} from './permissions.ts';
import {assertUnix, UnixFiles} from './unix.ts';

// The OS view is read at most 4 times a second, only while watched, and only when
// something can have changed it (os-watch.ts).
export {OS_POLL_MS};

const encoder = new TextEncoder();
const bytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? encoder.encode(data) : data);

/**
 * The operations a flood or a churn calls thousands of times (connect, close, send,
 * sendto, end, reset) return their promise as it is instead of being `async`: an async
 * function that returns a promise adopts it through extra microtask turns and objects,
 * a fifth of the lab's own cost per connection (bench/lab-overhead.mjs). A check that
 * throws still reaches the caller as a rejection, as it would from an async function.
 */
function settle<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return operation();
  } catch (err) {
    return Promise.reject(err);
  }
}

function checkPort(port: number, operation: 'bind' | 'listen' | 'connect' | 'sendto', socket?: string): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LabError({code: 'EOTHER', operation, socket, sysCode: 'ERR_SOCKET_BAD_PORT'});
}

export class Lab extends LabCore implements SocketLab {
  private readonly unix = new UnixFiles();
  private readonly os = new OsReader();
  private osWatchers = 0;
  private readonly osSchedule = new OsWatchSchedule(() => this.pollOs());
  private osUnsubscribe: (() => void) | undefined;
  private osRows = new Map<string, OsSocket>();
  private disposing: Promise<void> | undefined;
  /** Kernel drops on the lab's UDP sockets, read while they receive (udp-drops.ts). */
  private readonly drops = new DropWatch({
    udpEntries: () => [...this.table.values()].filter((e) => e.info.protocol === 'udp'),
    readUdp: (ports) => this.os.read(() => true, {udp: ports, owners: false, preferProc: true}),
    dropped: (e, count, total) => {
      const i = e.info;
      this.bus.emit({type: 'drop', count, total, socket: i.name, protocol: 'udp', local: i.local, remote: i.remote});
    },
  });

  constructor(options: LabOptions = {}) {
    super(options);
    registerLab(this);
    this.bus.subscribe((event) => {
      if (event.type === 'message') this.drops.noteDatagram();
    });
  }

  /** Reads of the kernel's drop counts so far (tests). */
  get dropReads(): number {
    return this.drops.reads;
  }

  /** Sequence number of the last event so far (0 before the first): pass it as waitFor's `since`. */
  get lastSeq(): number {
    return this.bus.lastSeq;
  }

  socket(protocol: 'tcp' | 'udp', name?: string): SocketInfo {
    if (protocol !== 'tcp' && protocol !== 'udp') throw labError('EUNSUPPORTED', 'socket', name);
    const entry = this.create(protocol, protocol === 'udp' ? 'datagram' : 'active', name, 'socket');
    this.emitSocket(entry);
    return this.copy(entry);
  }

  async bind(name: string, address: {host: string; port: number}): Promise<SocketInfo> {
    const entry = this.lookup(name, 'bind');
    this.checkHost(address.host, 'bind', name);
    checkPort(address.port, 'bind', name);
    if (entry.info.protocol === 'udp') checkNet(literal(address.host), address.port, 'bind', name);
    if (entry.info.protocol === 'udp') return udpBind(this, entry, address.host, address.port);
    if (entry.info.protocol !== 'tcp' || entry.info.state !== 'new') throw labError('ESTATE', 'bind', name);
    // TCP: node binds at listen/connect; remember the address until then.
    entry.info.requestedLocal = {host: literal(address.host), port: address.port};
    entry.info.state = 'bound';
    return this.copy(entry);
  }

  async listen(target: {name?: string; socket?: string; host?: string; port?: number; backlog?: number}): Promise<SocketInfo> {
    let entry: Entry;
    const existing = target.socket !== undefined ? this.lookup(target.socket, 'listen') : undefined;
    const host = target.host ?? existing?.info.requestedLocal?.host ?? '127.0.0.1';
    const port = target.port ?? existing?.info.requestedLocal?.port ?? 0;
    this.checkHost(host, 'listen', target.socket ?? target.name);
    checkPort(port, 'listen', target.socket ?? target.name);
    checkNet(literal(host), port, 'listen', target.socket ?? target.name);
    if (existing) {
      entry = existing;
      const st = entry.info.state;
      if (entry.info.protocol !== 'tcp' || (st !== 'new' && st !== 'bound')) throw labError('ESTATE', 'listen', entry.info.name);
    } else {
      entry = this.create('tcp', 'passive', target.name, 'listen');
      this.emitSocket(entry);
    }
    try {
      return await listenOn(this, entry, {host: literal(host), port, backlog: target.backlog});
    } catch (err) {
      if (!existing) this.closed(entry, true);
      throw err;
    }
  }

  async listenUnix(target: {name?: string; path?: string}): Promise<SocketInfo> {
    assertUnix('listen', target.name);
    const entry = this.create('unix', 'passive', target.name, 'listen');
    let file: string;
    try {
      file = target.path ?? this.unix.freshPath(entry.info.name, 'listen');
    } catch (err) {
      this.table.delete(entry.info.name);
      throw err;
    }
    try {
      checkUnix(file, 'listen', entry.info.name);
    } catch (err) {
      this.table.delete(entry.info.name);
      throw err;
    }
    this.emitSocket(entry);
    try {
      const info = await listenOn(this, entry, {path: file});
      entry.unixFile = file;
      this.unix.files.add(file);
      return info;
    } catch (err) {
      this.closed(entry, true);
      throw err;
    }
  }

  connect(target: {name?: string; socket?: string; host: string; port: number; localHost?: string; localPort?: number}): Promise<SocketInfo> {
    return settle(() => this.connectNow(target));
  }

  private connectNow(target: {name?: string; socket?: string; host: string; port: number; localHost?: string; localPort?: number}): Promise<SocketInfo> {
    const label = target.socket ?? target.name;
    this.checkHost(target.host, 'connect', label);
    checkPort(target.port, 'connect', label);
    if (target.localHost !== undefined) this.checkHost(target.localHost, 'bind', label);
    if (target.localPort !== undefined) checkPort(target.localPort, 'bind', label);
    checkNet(literal(target.host), target.port, 'connect', label);
    let entry: Entry;
    const existing = target.socket !== undefined;
    // A connect to our own listener makes two sockets (ours and the accepted one): refuse it
    // now if the second would not fit, instead of connecting and then dropping the accept.
    const accepts = this.listensOn(literal(target.host), target.port) ? 1 : 0;
    if (existing) {
      entry = this.lookup(target.socket!, 'connect');
      const st = entry.info.state;
      if (entry.info.protocol !== 'tcp' || (st !== 'new' && st !== 'bound')) throw labError('ESTATE', 'connect', entry.info.name);
      if (this.table.size + accepts > this.maxSockets) throw this.socketLimit('connect', label);
    } else {
      if (!this.disposed && this.table.size + 1 + accepts > this.maxSockets) throw this.socketLimit('connect', label);
      entry = this.create('tcp', 'active', target.name, 'connect');
      this.emitSocket(entry);
    }
    const req = entry.info.requestedLocal;
    const to: {host: string; port: number; localHost?: string; localPort?: number} = {host: literal(target.host), port: target.port};
    const localHost = target.localHost ?? req?.host;
    const localPort = target.localPort ?? req?.port;
    if (localHost !== undefined) to.localHost = literal(localHost);
    if (localPort !== undefined && localPort !== 0) to.localPort = localPort;
    if (to.localPort !== undefined && to.localHost === undefined) to.localHost = ipFamily(to.host) === 6 ? '::' : '0.0.0.0';
    if ((localHost !== undefined || localPort !== undefined) && !req) entry.info.requestedLocal = {host: to.localHost ?? '', port: localPort ?? 0};
    return connectTo(this, entry, to, !existing);
  }

  async connectUnix(target: {name?: string; path: string}): Promise<SocketInfo> {
    assertUnix('connect', target.name);
    checkUnix(target.path, 'connect', target.name);
    const ours = [...this.table.values()].some((e) => e.info.role === 'passive' && e.info.local?.kind === 'unix' && e.info.local.path === target.path);
    if (!this.disposed && this.table.size + (ours ? 2 : 1) > this.maxSockets) throw this.socketLimit('connect', target.name);
    const entry = this.create('unix', 'active', target.name, 'connect');
    this.emitSocket(entry);
    return connectTo(this, entry, {path: target.path}, true);
  }

  async connectUdp(name: string, address: {host: string; port: number}): Promise<SocketInfo> {
    const entry = this.udpEntry(name, 'connect');
    this.checkHost(address.host, 'connect', name);
    checkPort(address.port, 'connect', name);
    checkNet(literal(address.host), address.port, 'connect', name);
    return udpConnect(this, entry, address.host, address.port);
  }

  disconnectUdp(name: string): SocketInfo {
    return udpDisconnect(this, this.udpEntry(name, 'disconnect'));
  }

  send(name: string, data: string | Uint8Array): Promise<SendReport> {
    return settle(() => {
      const entry = this.lookup(name, 'send');
      if (entry.info.protocol === 'udp') return udpSend(this, entry, bytes(data)).then(() => ({}));
      return streamSend(this, entry, bytes(data));
    });
  }

  sendto(name: string, address: {host: string; port: number}, data: string | Uint8Array): Promise<void> {
    return settle(() => {
      const entry = this.udpEntry(name, 'sendto');
      this.checkHost(address.host, 'sendto', name);
      checkPort(address.port, 'sendto', name);
      checkNet(literal(address.host), address.port, 'sendto', name);
      return udpSendTo(this, entry, address.host, address.port, bytes(data));
    });
  }

  end(name: string): Promise<void> {
    return settle(() => {
      const entry = this.lookup(name, 'end');
      if (entry.info.protocol === 'udp') throw labError('ESTATE', 'end', name);
      return streamEnd(this, entry);
    });
  }

  holdOpen(name: string): void {
    const entry = this.lookup(name, 'end');
    if (entry.info.protocol === 'udp' || !entry.stream) throw labError('ESTATE', 'end', name);
    // Read at the peer's FIN (Node and Deno streams), so setting it now is enough.
    entry.stream.allowHalfOpen = true;
  }

  close(name: string): Promise<void> {
    return settle(() => this.closeEntry(this.lookup(name, 'close')));
  }

  reset(name: string): Promise<void> {
    return settle(() => streamReset(this, this.lookup(name, 'reset')));
  }

  read(name: string, reader: (chunk: Uint8Array) => void): () => void {
    const entry = this.lookup(name, 'recv');
    if (entry.info.protocol === 'udp') throw labError('ESTATE', 'recv', name);
    entry.reader = reader;
    return () => {
      if (entry.reader === reader) entry.reader = undefined;
    };
  }

  async scan(host: string, ports: number[], options?: {concurrency?: number; timeoutMs?: number}): Promise<ScanResult> {
    this.checkHost(host, 'scan');
    if (this.disposed) throw labError('ESTATE', 'scan');
    for (const p of new Set(ports)) if (Number.isInteger(p) && p > 0 && p < 65536) checkNet(literal(host), p, 'scan');
    return scanPorts(literal(host), ports, options);
  }

  get(name: string): SocketInfo | undefined {
    const entry = this.table.get(name);
    return entry ? this.copy(entry) : undefined;
  }

  snapshot(): SocketInfo[] {
    return [...this.table.values()].map((e) => this.copy(e));
  }

  history(): readonly LabEvent[] {
    return this.bus.history();
  }

  subscribe(listener: (event: LabEvent) => void): () => void {
    return this.bus.subscribe(listener);
  }

  waitFor(predicate: (event: LabEvent) => boolean, options?: {timeoutMs?: number; since?: number; signal?: AbortSignal}): Promise<LabEvent> {
    return this.bus.waitFor(predicate, options);
  }

  async osView(options?: {all?: boolean}): Promise<OsView> {
    return options?.all ? this.os.read() : this.os.read(this.ours, this.osScope());
  }

  /** Only the tables the lab has used, only on its ports: the kernel filters the rest out. */
  private osScope(): OsScope {
    return {tcp: this.tcpPorts, udp: this.udpPorts, unix: this.unixPaths.size > 0};
  }

  /** Rows on the lab's ports and paths (every port it ever used, so TIME_WAIT rows show). */
  private readonly ours = (s: OsSocket): boolean => {
    if (s.local.kind === 'unix') return s.local.path !== '' && this.unixPaths.has(s.local.path);
    const ports = s.protocol === 'tcp' || s.protocol === 'tcp6' ? this.tcpPorts : this.udpPorts;
    return (s.local.port > 0 && ports.has(s.local.port)) || (s.remote?.kind === 'inet' && ports.has(s.remote.port));
  };

  override async kernelSendQueue(entry: Entry): Promise<number | undefined> {
    const {local, remote, protocol} = entry.info;
    if (protocol !== 'tcp' || local?.kind !== 'inet' || remote?.kind !== 'inet') return undefined;
    const view = await this.os.read((s) => s.protocol.startsWith('tcp') && sameEndpoint(s.local, local) && sameEndpoint(s.remote, remote), {
      tcp: new Set([local.port]),
      owners: false,
    });
    return view.available ? view.sockets[0]?.sendQueue : undefined;
  }

  override async osHolders(protocol: 'tcp' | 'udp', port: number): Promise<Holder[]> {
    const view = await this.os.read(
      (s) => s.local.kind === 'inet' && s.local.port === port && s.protocol.startsWith(protocol) && (protocol === 'udp' || s.state === 'LISTEN'),
      {[protocol]: new Set([port])},
    );
    if (!view.available) return [];
    const out: Holder[] = [];
    for (const s of view.sockets) if (s.pid !== undefined) out.push({pid: s.pid, program: s.program});
    return out;
  }

  /** Reads of the OS view the watcher has made so far (tests, the benchmark). */
  get osReads(): number {
    return this.osSchedule.reads;
  }

  watchOs(): () => void {
    if (++this.osWatchers === 1 && !this.disposed) {
      this.osUnsubscribe = this.bus.subscribe((event) => {
        if (changesOsTable(event)) this.osSchedule.changed();
      });
      this.osSchedule.start();
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      if (--this.osWatchers === 0) this.stopWatching();
    };
  }

  private stopWatching(): void {
    if (this.disposed) this.drops.stop();
    this.osSchedule.stop();
    this.osUnsubscribe?.();
    this.osUnsubscribe = undefined;
    this.osRows = new Map();
  }

  /** One read: diff against the last one, emit 'os' events; says when to read again. */
  private async pollOs(): Promise<OsPollResult | undefined> {
    const view = await this.os.read(this.ours, this.osScope());
    if (this.osWatchers === 0 || !view.available) return undefined;
    const {next, changes} = diffOs(this.osRows, view.sockets);
    this.osRows = next;
    const timerMs = nextTimerMs(next.values());
    if (changes.length > 0) {
      const names = new Map<string, string>();
      for (const e of this.table.values()) names.set(`${e.info.protocol} ${endpointKey(e.info.local)} ${endpointKey(e.info.remote)}`, e.info.name);
      for (const c of changes) {
        const r = c.entry;
        const protocol = r.protocol === 'unix' ? 'unix' : r.protocol.startsWith('tcp') ? 'tcp' : 'udp';
        const name = r.protocol === 'unix' ? '' : (names.get(`${protocol} ${endpointKey(r.local)} ${endpointKey(r.remote)}`) ?? '');
        const ev: EventInput = {type: 'os', change: c.change, entry: r, socket: name, protocol, local: r.local, remote: r.remote};
        if (c.previousState !== undefined) ev.previousState = c.previousState;
        this.bus.emit(ev);
      }
    }
    return {changed: changes.length > 0, timerMs};
  }

  private udpEntry(name: string, operation: 'connect' | 'disconnect' | 'sendto'): Entry {
    const entry = this.lookup(name, operation);
    if (entry.info.protocol !== 'udp') throw labError('ESTATE', operation, name);
    return entry;
  }

  private closeEntry(entry: Entry): Promise<void> {
    const done = entry.info.protocol === 'udp' ? udpClose(this, entry) : streamClose(this, entry);
    const file = entry.unixFile;
    return file === undefined ? done : done.then(() => this.unix.remove(file));
  }

  async dispose(): Promise<void> {
    this.disposing ??= (async () => {
      this.disposed = true;
      this.stopWatching();
      // Listeners first, so nothing new is accepted while the rest close.
      const entries = [...this.table.values()].sort((a, b) => Number(b.info.role === 'passive') - Number(a.info.role === 'passive'));
      await Promise.all(entries.map((e) => this.closeEntry(e).catch(() => {})));
      // Anything accepted meanwhile.
      await Promise.all([...this.table.values()].map((e) => this.closeEntry(e).catch(() => {})));
      this.unix.removeAll();
      unregisterLab(this);
    })();
    return this.disposing;
  }

  /**
   * Close every socket now, synchronously (for 'exit' and signal handlers): destroys the
   * handles, so the OS closes the descriptors, and removes the Unix socket files.
   */
  disposeSync(): void {
    this.disposed = true;
    this.stopWatching();
    for (const entry of [...this.table.values()]) {
      try {
        entry.server?.close();
        entry.stream?.destroy();
        entry.udp?.close();
      } catch {
        // closing anyway
      }
    }
    this.unix.removeAll();
    unregisterLab(this);
  }
}
