// When a watched OS view is read. The kernel's table changes because of what sockets do,
// so it is read when a lab event can have changed it, never on a clock and never because
// data or datagrams arrive (a flood would otherwise read it four times a second, and on
// a busy host every read costs the kernel a walk over thousands of rows):
//  - a structural event (bind, listen, connect, accept, end, close, error, disconnect):
//    read soon, at most once per OS_POLL_MS;
//  - a read that saw changes: read once more after OS_POLL_MS (a close passes through
//    FIN_WAIT to TIME_WAIT in a few milliseconds), until a read sees none;
//  - a row on a kernel timer (TIME_WAIT, FIN_WAIT2…): read when the timer should have
//    fired (the reader knows how long is left), or after OS_TIMER_POLL_MS if unknown.
import type {LabEvent, OsSocket} from './types.ts';

/** Reads are at least this far apart (≤ 4 a second). */
export const OS_POLL_MS = 250;
/** A row in a timed state whose timer the reader cannot see is read again after this. */
export const OS_TIMER_POLL_MS = 3000;

/** Lab events after which the kernel's table may look different. */
const CHANGES_TABLE = new Set<LabEvent['type']>(['bind', 'listen', 'connect', 'accept', 'end', 'close', 'error', 'disconnect']);

export function changesOsTable(event: LabEvent): boolean {
  return CHANGES_TABLE.has(event.type);
}

/** Kernel states that end by themselves after a while (a timer, or the peer's answer). */
const TIMED = new Set(['TIME_WAIT', 'FIN_WAIT1', 'FIN_WAIT2', 'LAST_ACK', 'CLOSING', 'SYN_SENT', 'SYN_RECV', 'NEW_SYN_RECV']);

/** Milliseconds until a read may see one of these rows change by itself (undefined: none will). */
export function nextTimerMs(rows: Iterable<OsSocket>): number | undefined {
  let next: number | undefined;
  for (const r of rows) {
    if (!TIMED.has(r.state)) continue;
    // A little past the kernel's own timer, so the row is gone when we look.
    const ms = r.timerMs !== undefined ? r.timerMs + 100 : OS_TIMER_POLL_MS;
    next = next === undefined ? ms : Math.min(next, ms);
  }
  return next;
}

/** What one read found: whether anything changed, and when a timer may change it next. */
export interface OsPollResult {
  changed: boolean;
  timerMs?: number | undefined;
}

/** Schedules reads of a watched OS view; `poll` does the read and the diff. */
export class OsWatchSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private due = Infinity;
  private lastRead = -Infinity;
  private reading = false;
  private again = false;
  private running = false;
  /** Reads done since start(), for tests and the benchmark. */
  reads = 0;

  private readonly poll: () => Promise<OsPollResult | undefined>;
  private readonly now: () => number;

  constructor(poll: () => Promise<OsPollResult | undefined>, now: () => number = () => performance.now()) {
    this.poll = poll;
    this.now = now;
  }

  start(): void {
    this.running = true;
    this.request(0);
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  /** Something that can change the table happened: read soon (≤ 4 Hz). */
  changed(): void {
    if (this.running) this.request(Math.max(0, this.lastRead + OS_POLL_MS - this.now()));
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Infinity;
  }

  /** Read in `delay` ms, unless a read is already due sooner. */
  private request(delay: number): void {
    const at = this.now() + delay;
    if (at >= this.due) return;
    this.clear();
    this.due = at;
    this.timer = setTimeout(() => void this.run(), delay);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.due = Infinity;
    if (!this.running) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    this.lastRead = this.now();
    this.reads++;
    let result: OsPollResult | undefined;
    try {
      result = await this.poll();
    } catch {
      // a failed read is skipped; the next event tries again
    } finally {
      this.reading = false;
    }
    if (!this.running) return;
    if (this.again || result?.changed) {
      this.again = false;
      this.request(OS_POLL_MS);
    }
    if (result?.timerMs !== undefined) this.request(Math.max(OS_POLL_MS, result.timerMs));
  }
}
