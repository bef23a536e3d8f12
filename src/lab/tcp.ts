// Stream sockets (TCP, and Unix through the same code): listen, connect, accept, data,
// half-close, close and reset.
import net from 'node:net';
import {inet, ipFamily, isLoopback, unixEndpoint} from './address.ts';
import type {Entry, LabCore} from './core.ts';
import {labError, limitError} from './errors.ts';
import {LabError, type Endpoint, type Operation, type SendReport, type SocketInfo} from './types.ts';

function streamLocal(s: net.Socket, unixPath?: string): Endpoint | undefined {
  if (unixPath !== undefined) return unixEndpoint(unixPath);
  return s.localAddress !== undefined && s.localPort !== undefined ? inet(s.localAddress, s.localPort, s.localFamily) : undefined;
}

function streamRemote(s: net.Socket, unixPath?: string): Endpoint | undefined {
  if (unixPath !== undefined) return unixEndpoint(unixPath);
  return s.remoteAddress !== undefined && s.remotePort !== undefined ? inet(s.remoteAddress, s.remotePort, s.remoteFamily) : undefined;
}

// Each stream socket knows its lab and table entry, so its handlers are the same four
// functions for every socket (no closures made per connection: a churn makes thousands).
const OWNER = Symbol('socket-lessons lab entry');
interface Owned extends net.Socket {
  [OWNER]?: {core: LabCore; entry: Entry};
}

function onData(this: Owned, buf: Buffer): void {
  const owner = this[OWNER];
  if (!owner || owner.entry.stream !== this) return;
  const {core, entry} = owner;
  const i = entry.info;
  i.bytesIn += buf.length;
  if (entry.reader) deliver(entry.reader, buf);
  core.bus.emit({
    type: 'data', bytes: buf.length, preview: buf.toString('utf8', 0, Math.min(core.previewBytes, buf.length)),
    socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote,
  });
}

function onEnd(this: Owned): void {
  const owner = this[OWNER];
  if (!owner || owner.entry.stream !== this) return;
  const i = owner.entry.info;
  if (i.state === 'connected') i.state = 'half-closed';
  owner.core.bus.emit({type: 'end', by: 'peer', socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
}

function onClose(this: Owned, hadError: boolean): void {
  const owner = this[OWNER];
  if (!owner || owner.entry.stream !== this) return;
  owner.core.closed(owner.entry, hadError);
}

function onError(this: Owned, err: Error): void {
  const owner = this[OWNER];
  if (!owner) return;
  const {core, entry} = owner;
  if (entry.stream !== this || entry.info.state === 'connecting') return; // connect() reports its own
  core.fail(entry, err, this.writableLength > 0 ? 'send' : 'recv', entry.info.remote);
}

/** Events for an established stream socket. Handlers ignore a stream the entry dropped. */
export function wireStream(s: net.Socket): void {
  s.on('data', onData);
  s.on('end', onEnd);
  s.on('close', onClose);
}

/** A reader that throws must not break the lab's own bookkeeping; surface it instead. */
function deliver(reader: (chunk: Uint8Array) => void, buf: Buffer): void {
  try {
    reader(buf);
  } catch (err) {
    queueMicrotask(() => {
      throw err;
    });
  }
}

/** Every stream gets an 'error' handler the moment it exists (and its owner with it). */
export function guardStream(core: LabCore, entry: Entry, s: net.Socket): void {
  (s as Owned)[OWNER] = {core, entry};
  s.on('error', onError);
}

export function accept(core: LabCore, listener: Entry, s: net.Socket, unixPath?: string): void {
  // Listeners are on loopback unless --allow-remote; a connection from elsewhere is refused unseen.
  if (unixPath === undefined && s.remoteAddress !== undefined && !core.acceptsFrom(listener.info.local, s.remoteAddress)) {
    s.on('error', () => {});
    s.destroy();
    listener.foreignDropped = (listener.foreignDropped ?? 0) + 1;
    return;
  }
  if (core.disposed || core.table.size >= core.maxSockets) {
    s.on('error', () => {});
    s.destroy();
    if (!core.disposed) core.fail(listener, core.socketLimit('accept', listener.info.name), 'accept');
    return;
  }
  const name = childName(core, listener);
  const entry = core.create(listener.info.protocol, 'active', name, 'accept', {
    state: 'connected',
    parent: listener.info.name,
    local: acceptedLocal(listener, s, unixPath),
    remote: unixPath !== undefined ? undefined : streamRemote(s),
  }, true);
  entry.stream = s;
  guardStream(core, entry, s); // synchronously, before anything can emit 'error'
  wireStream(s);
  core.remember(entry);
  const i = entry.info;
  core.bus.emit({type: 'accept', child: i.name, socket: listener.info.name, protocol: i.protocol, local: i.local, remote: i.remote});
}

/**
 * An accepted socket's local address is its listener's, unless the listener is bound to a
 * wildcard address (then the kernel says which of the host's addresses was reached).
 */
function acceptedLocal(listener: Entry, s: net.Socket, unixPath: string | undefined): Endpoint | undefined {
  const l = listener.info.local;
  if (unixPath !== undefined || (l?.kind === 'inet' && l.address !== '0.0.0.0' && l.address !== '::')) return l;
  return streamLocal(s, unixPath);
}

function childName(core: LabCore, listener: Entry): string {
  for (;;) {
    const name = `${listener.info.name}#${++listener.acceptCount}`;
    if (!core.table.has(name)) return name;
  }
}

/** A passive socket: TCP on host:port, or Unix on a path. */
export function listenOn(
  core: LabCore,
  entry: Entry,
  where: {host: string; port: number; backlog?: number} | {path: string; backlog?: number},
): Promise<SocketInfo> {
  const i = entry.info;
  const unixPath = 'path' in where ? where.path : undefined;
  const server = net.createServer({allowHalfOpen: core.halfOpen});
  const requested: Endpoint = 'path' in where ? unixEndpoint(where.path) : inet(where.host, where.port);
  entry.server = server;
  return new Promise((resolve, reject) => {
    let listening = false;
    server.on('error', (err: Error) => {
      if (entry.server !== server) return;
      if (!listening) {
        entry.abortPending = undefined;
        entry.server = undefined;
        server.close();
        void core.failBind(entry, err, 'listen', requested).then(reject);
        return;
      }
      core.fail(entry, err, 'accept', i.local);
    });
    server.on('connection', (s: net.Socket) => {
      try {
        if (entry.server === server) accept(core, entry, s, unixPath);
        else s.destroy();
      } catch (err) {
        s.destroy();
        core.fail(entry, err, 'accept', i.local);
      }
    });
    entry.abortPending = () => {
      entry.abortPending = undefined;
      entry.server = undefined;
      server.close();
      reject(new LabError({code: 'ESTATE', operation: 'listen', socket: i.name, address: requested, sysCode: 'ECONNABORTED'}));
      core.closed(entry, false);
    };
    server.once('listening', () => {
      if (entry.server !== server) return;
      entry.abortPending = undefined;
      listening = true;
      if (unixPath !== undefined) {
        i.local = unixEndpoint(unixPath);
      } else {
        const a = server.address() as net.AddressInfo;
        i.local = inet(a.address, a.port, a.family);
      }
      i.role = 'passive';
      i.state = 'listening';
      delete i.requestedLocal;
      core.remember(entry);
      const backlog = where.backlog ?? 511;
      core.bus.emit({type: 'bind', implicit: false, socket: i.name, protocol: i.protocol, local: i.local});
      core.bus.emit({type: 'listen', backlog, socket: i.name, protocol: i.protocol, local: i.local});
      resolve(core.copy(entry));
    });
    const backlog = where.backlog;
    if (unixPath !== undefined) server.listen({path: unixPath, backlog});
    else server.listen({host: (where as {host: string}).host, port: (where as {port: number}).port, backlog, exclusive: true});
  });
}

/** An active socket: TCP to host:port (optionally from a chosen local address), or Unix to a path. */
export function connectTo(
  core: LabCore,
  entry: Entry,
  to: {host: string; port: number; localHost?: string; localPort?: number} | {path: string},
  createdHere: boolean,
): Promise<SocketInfo> {
  const i = entry.info;
  const unixPath = 'path' in to ? to.path : undefined;
  // Only a failed connect names it: made then, not for every connection.
  const requested = (): Endpoint => ('path' in to ? unixEndpoint(to.path) : inet(to.host, to.port));
  const before = i.state;
  const s = new net.Socket({allowHalfOpen: core.halfOpen});
  entry.stream = s;
  i.state = 'connecting';
  guardStream(core, entry, s);
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      s.off('error', onError);
      s.off('connect', onConnect);
      entry.abortPending = undefined;
      const chosenLocal = 'path' in to ? undefined : to.localHost !== undefined || to.localPort !== undefined;
      const code = (err as {code?: string}).code;
      // A taken local address (bind, or a 4-tuple already in use at connect) names the local side.
      const e = 'path' in to
        ? core.fail(entry, core.unixError(err, 'connect', i.name, to.path), 'connect', requested())
        : core.fail(entry, err, 'connect', chosenLocal && (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL')
          ? inet(to.localHost ?? '0.0.0.0', to.localPort ?? 0)
          : requested());
      entry.stream = undefined;
      s.destroy();
      if (createdHere) core.closed(entry, true);
      else i.state = before; // a socket made by socket() survives a failed connect, as in C
      reject(e);
    };
    const onConnect = () => {
      s.off('error', onError);
      s.off('connect', onConnect);
      entry.abortPending = undefined;
      i.local = streamLocal(s, undefined);
      // Connected to an IPv4 literal: that is the remote address, as node would print it
      // (asking the kernel again costs a getpeername per connection).
      i.remote = 'path' in to || ipFamily(to.host) !== 4 ? streamRemote(s, unixPath) : inet(to.host, to.port, 'IPv4');
      i.state = 'connected';
      const explicit = i.requestedLocal !== undefined;
      delete i.requestedLocal;
      core.remember(entry);
      if (unixPath === undefined) {
        // The kernel chose (or took the requested) local address while connecting.
        core.bus.emit({type: 'bind', implicit: !explicit, socket: i.name, protocol: i.protocol, local: i.local});
      }
      wireStream(s);
      core.bus.emit({type: 'connect', socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
      resolve(core.copy(entry));
    };
    // Removed by whichever comes first (plain listeners: `once` wraps each in two more objects).
    s.on('error', onError);
    s.on('connect', onConnect);
    // close()/reset()/dispose() while connecting: the connect fails (ESTATE, sysCode ECONNABORTED)
    // and the socket is gone, whoever made it.
    entry.abortPending = () => {
      entry.abortPending = undefined;
      s.off('error', onError);
      s.off('connect', onConnect);
      entry.stream = undefined;
      s.destroy();
      reject(new LabError({code: 'ESTATE', operation: 'connect', socket: i.name, address: requested(), sysCode: 'ECONNABORTED'}));
      core.closed(entry, false);
    };
    if ('path' in to) s.connect({path: to.path});
    else {
      const opts: net.TcpNetConnectOpts = {host: to.host, port: to.port};
      if (to.localHost !== undefined) opts.localAddress = to.localHost;
      if (to.localPort !== undefined) opts.localPort = to.localPort;
      s.connect(opts);
    }
  });
}

function connectedStream(core: LabCore, entry: Entry, operation: Operation): net.Socket {
  const s = entry.stream;
  if (!s || (entry.info.state !== 'connected' && entry.info.state !== 'half-closed')) {
    throw labError('ESTATE', operation, entry.info.name);
  }
  return s;
}

export function streamSend(core: LabCore, entry: Entry, data: Uint8Array): Promise<SendReport> {
  const s = connectedStream(core, entry, 'send');
  const i = entry.info;
  if (s.writableEnded || s.destroyed) return Promise.reject(labError('EPIPE', 'send', i.name, i.remote));
  if (s.writableLength + data.length > core.maxBufferedBytes) {
    return Promise.reject(limitError({kind: 'buffered', max: core.maxBufferedBytes}, 'send', i.name, i.remote));
  }
  // Each send goes out at once (no Nagle): what the learner sends is what the peer sees.
  // Set on the first send only, so connections that never send cost no extra syscall.
  if (i.protocol === 'tcp' && i.bytesOut === 0) s.setNoDelay(true);
  return new Promise((resolve, reject) => {
    let settled = false;
    const sent = (queued: number) => {
      if (settled) return;
      settled = true;
      i.bytesOut += data.length;
      core.bus.emit({type: 'send', bytes: data.length, ...(queued > 0 ? {queued} : {}), socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
      resolve(queued > 0 ? {queued} : {});
    };
    s.write(data, (err) => {
      if (!err) return sent(0);
      if (settled) return; // the socket's own 'error' (guardStream) tells what became of queued bytes
      settled = true;
      // guardStream reports the socket's 'error'; a write on a dead stream has none.
      reject(core.fail(entry, err, 'send', i.remote));
    });
    // Node and Deno both try the write at once: what the kernel took is gone from
    // writableLength when write() returns, and the callback follows.
    const mine = s.writableLength;
    if (mine === 0) return;
    // The kernel's send buffer is full because the peer's receive window is: the bytes wait
    // (in this program, and in the kernel's queue) and go out when the peer reads. That is
    // flow control, not a failure: say so now instead of waiting for the peer.
    void core.kernelSendQueue(entry).catch(() => undefined).then((kernel) => sent(mine + (kernel ?? 0)));
  });
}

export function streamEnd(core: LabCore, entry: Entry): Promise<void> {
  const s = connectedStream(core, entry, 'end');
  const i = entry.info;
  if (s.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    s.end(() => resolve());
    if (i.state === 'connected') i.state = 'half-closed';
    core.bus.emit({type: 'end', by: 'local', socket: i.name, protocol: i.protocol, local: i.local, remote: i.remote});
  });
}

/** Graceful close: queued data is still sent, then FIN. Resolves when the socket is gone. */
export function streamClose(core: LabCore, entry: Entry): Promise<void> {
  const done = core.whenClosed(entry);
  if (entry.abortPending) {
    entry.abortPending();
    return done;
  }
  const s = entry.stream;
  if (entry.server) {
    const server = entry.server;
    entry.server = undefined;
    server.close(); // accepted sockets live on, as in C
    core.closed(entry, false);
  } else if (s) {
    // Bytes still queued here wait for a peer that is not reading; waiting for them could
    // last forever (and hold every exit). What the kernel already took still goes out, as
    // after close() in C; what never left this program is dropped, and the close says so.
    if (s.writableLength > 0 && !s.destroyed) entry.droppedOnClose = s.writableLength;
    s.destroy();
  } else {
    core.closed(entry, false);
  }
  return done;
}

/** Abortive close: RST instead of FIN. */
export function streamReset(core: LabCore, entry: Entry): Promise<void> {
  const s = entry.stream;
  if (!s || entry.info.protocol !== 'tcp') throw labError('ESTATE', 'reset', entry.info.name);
  const done = core.whenClosed(entry);
  if (entry.abortPending) {
    entry.abortPending();
    return done;
  }
  if (!s.destroyed) {
    if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
    else s.destroy();
  }
  return done;
}
