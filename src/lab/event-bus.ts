// Typed events: a bounded ring buffer of history, synchronous listeners, waitFor.
// Emission allocates nothing beyond the event object itself.
import {labError} from './errors.ts';
import type {LabEvent} from './types.ts';

/** A LabEvent before the bus stamps it with `t` and `seq`. */
export type EventInput = LabEvent extends infer E ? (E extends LabEvent ? Omit<E, 't' | 'seq'> : never) : never;
type Listener = (event: LabEvent) => void;

export class EventBus {
  private readonly ring: (LabEvent | undefined)[];
  private head = 0; // index of the next write
  private count = 0;
  private listeners: Listener[] = [];
  private readonly t0 = performance.now();
  /** Sequence number of the last event emitted (0 before the first). */
  lastSeq = 0;

  private readonly capacity: number;

  constructor(capacity = 1000) {
    this.capacity = Math.max(1, capacity);
    this.ring = new Array<LabEvent | undefined>(capacity);
  }

  now(): number {
    return performance.now() - this.t0;
  }

  emit(input: EventInput): LabEvent {
    const event = input as LabEvent;
    event.t = performance.now() - this.t0;
    event.seq = ++this.lastSeq;
    this.ring[this.head] = event;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) {
      try {
        ls[i]!(event);
      } catch (err) {
        // A broken listener must not break the lab or other listeners; surface it.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
    return event;
  }

  history(): LabEvent[] {
    const out: LabEvent[] = [];
    const start = (this.head - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }

  /** First event in history with seq > since matching the predicate. */
  private findSince(since: number, predicate: (e: LabEvent) => boolean): LabEvent | undefined {
    const start = (this.head - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const e = this.ring[(start + i) % this.capacity]!;
      if (e.seq > since && predicate(e)) return e;
    }
    return undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners = [...this.listeners, listener];
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners = [...this.listeners.slice(0, i), ...this.listeners.slice(i + 1)];
    };
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  /**
   * Resolves with the first matching event with seq > `since` (already in history), or the
   * first future one when `since` is omitted. Rejects with ETIMEDOUT (operation 'wait').
   */
  waitFor(predicate: (e: LabEvent) => boolean, options: {timeoutMs?: number; since?: number; signal?: AbortSignal} = {}): Promise<LabEvent> {
    if (options.since !== undefined) {
      const seen = this.findSince(options.since, predicate);
      if (seen) return Promise.resolve(seen);
    }
    const {signal} = options;
    if (signal?.aborted) return Promise.reject(labError('ECANCELED', 'wait'));
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        unsubscribe();
        reject(labError('ECANCELED', 'wait'));
      };
      signal?.addEventListener('abort', onAbort, {once: true});
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        unsubscribe();
        reject(labError('ETIMEDOUT', 'wait'));
      }, timeoutMs);
      const unsubscribe = this.subscribe((e) => {
        let hit: boolean;
        try {
          hit = predicate(e);
        } catch (err) {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          unsubscribe();
          reject(err);
          return;
        }
        if (!hit) return;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        unsubscribe();
        resolve(e);
      });
    });
  }
}
