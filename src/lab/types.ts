// The lab's public vocabulary. Everything above src/lab speaks only these types.

export type Protocol = 'tcp' | 'udp' | 'unix';

/** An internet endpoint exactly as the OS reports it, or a Unix socket path. */
export type Endpoint =
  | {kind: 'inet'; address: string; port: number; family: 'IPv4' | 'IPv6'}
  | {kind: 'unix'; path: string};

/** passive: listening; active: one end of a connection; datagram: UDP, no connection. */
export type Role = 'passive' | 'active' | 'datagram';

export type SocketState =
  | 'new' // exists, no address yet
  | 'bound'
  | 'listening'
  | 'connecting'
  | 'connected' // TCP connection up, or UDP default peer recorded
  | 'half-closed' // we or the peer sent FIN
  | 'closed';

export interface SocketInfo {
  name: string;
  protocol: Protocol;
  role: Role;
  state: SocketState;
  local?: Endpoint;
  remote?: Endpoint;
  /** For accepted sockets: the passive socket that made them. */
  parent?: string;
  bytesIn: number;
  bytesOut: number;
  datagramsIn: number;
  datagramsOut: number;
  /**
   * UDP (Linux): datagrams the kernel dropped for this socket because its receive buffer
   * was full, as last read from the kernel's count (absent until it has dropped any).
   */
  dropped?: number;
  createdAt: number;
  /** TCP: the address given to bind(); the kernel binds it at listen/connect. */
  requestedLocal?: {host: string; port: number};
}

export type LabErrorCode =
  | 'EADDRINUSE'
  | 'EACCES'
  | 'EADDRNOTAVAIL'
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'EPIPE'
  | 'ENOENT'
  | 'EMSGSIZE'
  | 'ETIMEDOUT'
  | 'EPERM' // includes Deno permission denials
  | 'EUNSUPPORTED' // e.g. Unix sockets where the platform has none
  | 'ENOTLOOPBACK' // a non-loopback host without opt-in
  | 'ELIMIT' // too many sockets, too much buffered data, too many ports
  | 'ENAME' // unknown or duplicate socket name
  | 'ESTATE' // operation makes no sense in the socket's state
  | 'ECANCELED' // the learner stopped a command (Esc, Ctrl+C) before its outcome
  | 'EOTHER';

export type Operation =
  | 'socket'
  | 'bind'
  | 'listen'
  | 'connect'
  | 'accept'
  | 'send'
  | 'sendto'
  | 'end'
  | 'close'
  | 'reset'
  | 'disconnect'
  | 'scan'
  // Added with the lab implementation:
  | 'recv' // an error that arrived while reading (e.g. the peer reset the connection)
  | 'wait'; // waitFor timed out

/**
 * Which limit an ELIMIT hit: the lab's own (sockets held at once, bytes waiting to be
 * taken by the OS for one socket, ports in one scan) or the OS's (file descriptors).
 */
export interface LabLimit {
  kind: 'sockets' | 'buffered' | 'scan-ports' | 'descriptors';
  /** The limit's value, when the lab knows it. */
  max?: number;
}

/** A typed failure. Carries data only; the UI turns it into words. */
export interface LabErrorInfo {
  code: LabErrorCode;
  operation: Operation;
  socket?: string;
  address?: Endpoint;
  /** The system error code when it is not one of ours (e.g. 'EHOSTUNREACH'). */
  sysCode?: string;
  /** For EADDRINUSE: who holds the address, when the lab or the OS view knows. */
  holders?: {socket?: string; pid?: number; program?: string}[];
  /** For ELIMIT: which limit. */
  limit?: LabLimit;
  /** A Unix socket path that failed: what is wrong with it, found by looking at the path. */
  unixProblem?: UnixProblem;
}

export interface UnixProblem {
  kind: 'no-directory' | 'not-a-directory' | 'not-a-socket' | 'stale-socket' | 'no-permission';
  /** The directory the socket file would be in. */
  dir: string;
}

export class LabError extends Error implements LabErrorInfo {
  readonly code: LabErrorCode;
  readonly operation: Operation;
  readonly socket?: string;
  readonly address?: Endpoint;
  readonly sysCode?: string;
  readonly holders?: {socket?: string; pid?: number; program?: string}[];
  readonly limit?: LabLimit;
  readonly unixProblem?: UnixProblem;
  constructor(info: LabErrorInfo) {
    super(`${info.operation} ${info.socket ?? ''}: ${info.code}${info.sysCode ? ` (${info.sysCode})` : ''}`);
    this.name = 'LabError';
    this.code = info.code;
    this.operation = info.operation;
    if (info.socket !== undefined) this.socket = info.socket;
    if (info.address !== undefined) this.address = info.address;
    if (info.sysCode !== undefined) this.sysCode = info.sysCode;
    if (info.holders !== undefined) this.holders = info.holders;
    if (info.limit !== undefined) this.limit = info.limit;
    if (info.unixProblem !== undefined) this.unixProblem = info.unixProblem;
  }
  toJSON(): LabErrorInfo {
    const {code, operation, socket, address, sysCode, holders, limit, unixProblem} = this;
    return {code, operation, socket, address, sysCode, holders, limit, unixProblem};
  }
}

/** One row of the operating system's socket table. */
export interface OsSocket {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6' | 'unix';
  local: Endpoint;
  remote?: Endpoint;
  /** LISTEN, ESTABLISHED, TIME_WAIT, CLOSE_WAIT, UNCONN, … as the kernel names it. */
  state: string;
  sendQueue: number;
  recvQueue: number;
  inode: number;
  pid?: number;
  program?: string;
  /** UDP (Linux): datagrams the kernel dropped for this socket (receive buffer full). */
  drops?: number;
  /** Linux: milliseconds left on the row's kernel timer (TIME_WAIT…), when the reader sees it. */
  timerMs?: number;
}

/** reason: 'unsupported-platform' | 'permission-denied' | 'lsof-missing' | 'read-failed' (codes, not prose). */
export type OsView = {available: true; sockets: OsSocket[]} | {available: false; reason: string};

interface EventBase {
  /** Monotonic milliseconds since the lab was created. */
  t: number;
  /** Sequence number, strictly increasing per lab. */
  seq: number;
  socket: string;
  protocol: Protocol;
  local?: Endpoint;
  remote?: Endpoint;
}

export type LabEvent = EventBase &
  (
    | {type: 'socket'; role: Role}
    | {type: 'bind'; implicit: boolean}
    | {type: 'listen'; backlog: number}
    | {type: 'connect'}
    /** UDP: the default peer was forgotten (connect to AF_UNSPEC). */
    | {type: 'disconnect'}
    | {type: 'accept'; child: string}
    | {type: 'data'; bytes: number; preview: string}
    /**
     * queued (TCP, Unix): bytes written so far that the peer has not taken yet, when its
     * receive window is full and they wait in this program and in the kernel's send queue.
     */
    | {type: 'send'; bytes: number; to?: Endpoint; queued?: number}
    | {type: 'message'; bytes: number; from: Endpoint; preview: string}
    /** UDP: the kernel dropped `count` more datagrams for this socket (receive buffer full); `total` since it was bound. */
    | {type: 'drop'; count: number; total: number}
    | {type: 'end'; by: 'local' | 'peer'}
    /** dropped: bytes still queued in this program (the peer never took them), thrown away by the close. */
    | {type: 'close'; hadError: boolean; dropped?: number}
    | {type: 'error'; error: LabErrorInfo}
    | {type: 'os'; change: 'added' | 'removed' | 'state'; entry: OsSocket; previousState?: string}
  );

export type LabEventType = LabEvent['type'];

export interface SendReport {
  /** Bytes not yet taken by the peer (its receive window is full); absent when all went out. */
  queued?: number;
}

export interface ScanResult {
  host: string;
  ports: {port: number; open: boolean; error?: string}[];
}

export interface LabOptions {
  /** Allow hosts outside 127.0.0.0/8 and ::1. */
  allowNonLoopback?: boolean;
  /**
   * IP literals outside loopback this lab may use even without allowNonLoopback: a
   * workshop's one chosen address (the host's own, or the host a learner joins).
   */
  allowHosts?: readonly string[];
  /** Most sockets one lab may hold (default 256). */
  maxSockets?: number;
  /** Bytes a socket may have queued in the lab, not yet taken by the OS (default 4 MiB). */
  maxBufferedBytes?: number;
  /** Events kept in history (default 1000). */
  historySize?: number;
  /** Bytes of payload kept in `preview` (default 64). */
  previewBytes?: number;
  /** UDP: SO_RCVBUF for the lab's sockets, in bytes (the kernel doubles it); default: the system's. */
  udpReceiveBuffer?: number;
  /**
   * TCP: when the peer sends FIN, keep our side open (CLOSE_WAIT) until close() is called.
   * Default false: the lab answers with its own FIN and the socket closes, as most servers
   * do; holdOpen() makes the exception for one socket.
   */
  halfOpen?: boolean;
}

/**
 * What every layer above the lab may call. Every method that touches the OS resolves
 * once the kernel has done it (listening, connected, bound, sent) and rejects with a
 * LabError; no socket ever emits an unhandled 'error'.
 */
export interface SocketLab {
  /** TCP: an object with no address yet; UDP: an unbound datagram socket. */
  socket(protocol: 'tcp' | 'udp', name?: string): SocketInfo;
  /** UDP: bind now. TCP: record the local address; the kernel binds at listen/connect. */
  bind(name: string, address: {host: string; port: number}): Promise<SocketInfo>;
  /**
   * New passive TCP socket (name given) or listen on an existing TCP socket. host/port
   * default to the address given to bind(), else 127.0.0.1:0.
   */
  listen(target: {name?: string; socket?: string; host?: string; port?: number; backlog?: number}): Promise<SocketInfo>;
  /** Unix passive socket; path omitted means a fresh path in a private temp dir. */
  listenUnix(target: {name?: string; path?: string}): Promise<SocketInfo>;
  /** TCP connect; resolves when connected (the accept on our own listener may come after). */
  connect(target: {name?: string; socket?: string; host: string; port: number; localHost?: string; localPort?: number}): Promise<SocketInfo>;
  connectUnix(target: {name?: string; path: string}): Promise<SocketInfo>;
  /** UDP connect: records a default peer, no packet is exchanged. */
  connectUdp(name: string, address: {host: string; port: number}): Promise<SocketInfo>;
  disconnectUdp(name: string): SocketInfo;
  /**
   * TCP/Unix write, or UDP send to the default peer. Resolves when handed to the OS, or at
   * once when the OS cannot take it all because the peer stopped reading: then `queued`
   * says how many bytes wait (they still go out, in order, when the peer reads).
   */
  send(name: string, data: string | Uint8Array): Promise<SendReport>;
  /** UDP send to an address; an unbound socket gets an implicit bind (its own 'bind' event). */
  sendto(name: string, address: {host: string; port: number}, data: string | Uint8Array): Promise<void>;
  /** Half-close: send FIN, keep reading. */
  end(name: string): Promise<void>;
  /**
   * TCP/Unix: when this socket's peer sends FIN, keep it open (half-closed; CLOSE_WAIT in
   * the OS) until close(), whatever `halfOpen` says. Used when the peer is one of ours and
   * shuts down, so the learner can watch CLOSE_WAIT.
   */
  holdOpen(name: string): void;
  close(name: string): Promise<void>;
  /** Abortive close (RST). */
  reset(name: string): Promise<void>;
  /**
   * Hand every chunk a TCP socket reads to `reader` as well (events carry only a preview):
   * a protocol on top of the lab (the workshop's lines) reads the whole stream this way.
   * One reader per socket; returns a function that removes it.
   */
  read(name: string, reader: (chunk: Uint8Array) => void): () => void;
  scan(host: string, ports: number[], options?: {concurrency?: number; timeoutMs?: number}): Promise<ScanResult>;

  get(name: string): SocketInfo | undefined;
  snapshot(): SocketInfo[];
  /** Events so far (bounded ring buffer). */
  history(): readonly LabEvent[];
  /** seq of the last event so far (0 before any): pass it as waitFor's `since`. Cheaper than history(). */
  readonly lastSeq: number;
  subscribe(listener: (event: LabEvent) => void): () => void;
  /**
   * Resolves with the first matching event: one already in history with seq > `since`, or
   * else a future one (only future ones when `since` is omitted). Rejects with a LabError
   * ETIMEDOUT (operation 'wait') after timeoutMs (default 10 s), or ECANCELED when `signal` aborts.
   */
  waitFor(predicate: (event: LabEvent) => boolean, options?: {timeoutMs?: number; since?: number; signal?: AbortSignal}): Promise<LabEvent>;

  /** The OS view: one read now; only the lab's ports and paths unless `all`. */
  osView(options?: {all?: boolean}): Promise<OsView>;
  /** Poll the OS view (≤ 4 Hz) while subscribed; changes become 'os' events. */
  watchOs(): () => void;

  /** Close every socket, remove every Unix socket file the lab made. Idempotent. */
  dispose(): Promise<void>;
}
