// Datagrams the kernel dropped because a lab socket's receive buffer was full. UDP does
// not guarantee delivery, and a flood shows why: the kernel keeps a socket's datagrams in
// a buffer of a few hundred kilobytes until the program reads them, and throws away
// whatever arrives while it is full. It counts them per socket (/proc/net/udp's `drops`,
// ss's skmem d). Nothing else tells a program, so the lab reads that count while a
// socket is receiving (≤ 2 times a second, and once more when it stops) and turns any
// increase into a 'drop' event. Only the UDP table is read, only on the lab's ports.
import {endpointKey} from './address.ts';
import type {Entry} from './core.ts';
import type {OsSocket, OsView} from './types.ts';

/** Counts are read at most this often while datagrams arrive (each read walks the kernel's whole UDP hash table: a few ms). */
export const DROP_CHECK_MS = 500;

export interface DropSink {
  /** UDP sockets of the lab that have an address. */
  udpEntries(): Iterable<Entry>;
  /** The UDP rows on these ports (no owners needed). */
  readUdp(ports: ReadonlySet<number>): Promise<OsView>;
  /** `count` more datagrams were dropped for this socket, `total` since it was bound. */
  dropped(entry: Entry, count: number, total: number): void;
}

export class DropWatch {
  private readonly sink: DropSink;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Datagrams arrived since the last read began. */
  private receiving = false;
  private reading = false;
  /** The platform has no per-socket count (or it cannot be read): stop trying. */
  private unsupported = false;
  private stopped = false;
  /** Reads made so far (tests). */
  reads = 0;

  constructor(sink: DropSink) {
    this.sink = sink;
  }

  /** A datagram arrived on a lab socket: a read is due within DROP_CHECK_MS. Cheap: called per datagram. */
  noteDatagram(): void {
    this.receiving = true;
    if (this.timer === undefined && !this.reading && !this.unsupported && !this.stopped) this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.timer = setTimeout(() => void this.check(), DROP_CHECK_MS);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    this.receiving = false;
    this.reading = true;
    this.reads++;
    try {
      const entries = [...this.sink.udpEntries()];
      const ports = new Set<number>();
      for (const e of entries) if (e.info.local?.kind === 'inet') ports.add(e.info.local.port);
      if (ports.size === 0) return;
      const view = await this.sink.readUdp(ports);
      if (!view.available) {
        this.unsupported = true;
        return;
      }
      const rows = new Map<string, OsSocket>();
      for (const r of view.sockets) if (r.drops !== undefined) rows.set(endpointKey(r.local), r);
      if (rows.size === 0 && view.sockets.length > 0) {
        this.unsupported = true; // a reader without the count (lsof)
        return;
      }
      for (const e of entries) {
        if (e.info.state === 'closed' || !e.info.local) continue;
        const row = rows.get(endpointKey(e.info.local));
        const total = row?.drops;
        if (total === undefined || total <= (e.info.dropped ?? 0)) continue;
        const count = total - (e.info.dropped ?? 0);
        e.info.dropped = total;
        this.sink.dropped(e, count, total);
      }
    } catch {
      // a failed read is skipped: the next datagram tries again
    } finally {
      this.reading = false;
      // Datagrams kept coming while we read: read again (this is also the last read after a flood).
      if (this.receiving && !this.unsupported && !this.stopped) this.arm();
    }
  }
}
