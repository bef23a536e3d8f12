// Limits that keep one learner (or one misbehaving program) from taking the room down.

/** At most this many connections from one source address… */
export const MAX_PER_ADDRESS = 4;
/** …except while everyone opens a second connection. */
export const MAX_PER_ADDRESS_SECOND = 8;
/** Learners in a room unless `--max` says otherwise. */
export const DEFAULT_MAX_LEARNERS = 200;
/** Lines a connection may send: a burst of this many… */
export const LINE_BURST = 20;
/** …refilled at this many a second. */
export const LINES_PER_SECOND = 10;
/** A connection that keeps sending over the limit is closed after this many dropped lines. */
export const MAX_DROPPED_LINES = 40;

/** A token bucket: `take(now)` is false when the sender is over the rate. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly burst: number;
  private readonly perSecond: number;

  constructor(burst = LINE_BURST, perSecond = LINES_PER_SECOND, now = 0) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Live connections per source address. */
export class AddressCounts {
  private readonly counts = new Map<string, number>();

  get(address: string): number {
    return this.counts.get(address) ?? 0;
  }

  add(address: string): number {
    const n = this.get(address) + 1;
    this.counts.set(address, n);
    return n;
  }

  remove(address: string): void {
    const n = this.get(address) - 1;
    if (n <= 0) this.counts.delete(address);
    else this.counts.set(address, n);
  }

  get size(): number {
    return this.counts.size;
  }
}
