// Coalesces bursts into at most one flush per frame. A timer exists only while something
// is pending (no polling); the first event after a quiet spell is shown at once, later
// ones wait for the next frame boundary. A burst that goes on (a flood) is shown at a
// lower rate after a while: every frame of a 100×40 screen costs a full layout, and the
// keys the learner types must not wait behind frames that only move a counter.
export interface FrameBatcher {
  /** Something changed: flush within one frame. */
  schedule(): void;
  /** Stop; a pending flush is dropped. */
  cancel(): void;
}

export interface SustainedRate {
  /** Flushes per second once changes have kept coming for `afterMs`. */
  fps: number;
  afterMs: number;
}

export function createFrameBatcher(flush: () => void, maxFps = 30, now: () => number = () => performance.now(), sustained?: SustainedRate): FrameBatcher {
  const interval = 1000 / Math.max(1, maxFps);
  const slow = sustained ? 1000 / Math.max(1, Math.min(maxFps, sustained.fps)) : interval;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;
  /** When the current run of back-to-back flushes began. */
  let busySince: number | undefined;
  const run = () => {
    timer = undefined;
    lastFlush = now();
    flush();
  };
  return {
    schedule() {
      if (timer !== undefined) return;
      const t = now();
      // A change that comes a while after the last flush starts a new burst.
      if (t - lastFlush > 2 * slow) busySince = undefined;
      busySince ??= t;
      const gap = sustained && t - busySince >= sustained.afterMs ? slow : interval;
      const wait = Math.max(0, lastFlush + gap - t);
      // Even a zero wait goes through a timer: events emitted synchronously in one
      // tick (a loop of sends) must land in the same flush.
      timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
