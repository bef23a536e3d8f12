// Coalesces bursts into at most one flush per frame. A timer exists only while something
// is pending (no polling); the first event after a quiet spell is shown at once, later
// ones wait for the next frame boundary.
export interface FrameBatcher {
  /** Something changed: flush within one frame. */
  schedule(): void;
  /** Stop; a pending flush is dropped. */
  cancel(): void;
}

export function createFrameBatcher(flush: () => void, maxFps = 30, now: () => number = () => performance.now()): FrameBatcher {
  const interval = 1000 / Math.max(1, maxFps);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;
  const run = () => {
    timer = undefined;
    lastFlush = now();
    flush();
  };
  return {
    schedule() {
      if (timer !== undefined) return;
      const wait = Math.max(0, lastFlush + interval - now());
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
