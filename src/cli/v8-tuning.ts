// The app allocates in small bursts and lives long. On a machine with plenty of RAM,
// V8 doubles the young generation as survivors accumulate (up to 2×64 MB), so RSS climbs
// past 200 MB with ~12 MB of live data (bench/memory.mjs: 215 -> 102 MB peak). So the
// young generation is kept at its starting size…
//
// …except, in the interactive app, during a flood (thousands of events a second, many scavenges a second): there
// a small young generation promotes short-lived events into the old one, and GC took a
// sixth of the app's time; letting it grow made the flood cheaper in CPU *and* in peak
// memory (bench/load.mjs). So while minor GCs come fast, V8 may grow it as it would by
// default; once they are rare again, it is held at whatever size it has.
// (Deno ignores these flags: see BENCHMARKS.md for what its memory under a flood needs.)
import v8 from 'node:v8';
import {PerformanceObserver} from 'node:perf_hooks';

/** Minor GCs per second from which the app counts as flooded. */
const FLOOD_GCS = 15;
/** Seconds below a quarter of that before the young generation is held again. */
const CALM_SECONDS = 3;

const grow = (on: boolean) => v8.setFlagsFromString(`--semi-space-growth-factor=${on ? 2 : 1}`);

try {
  grow(false);
} catch {
  // Deno, or a V8 without this flag: the default is only bigger, not wrong.
}

let watching = false;

/**
 * The interactive app (which draws floods) calls this once: from then on the young
 * generation may grow while minor GCs come fast. Plain runs (--auto, scripts) keep it
 * held: they have no frames to keep smooth, and a long one must not grow.
 */
export function growUnderFloods(): void {
  if (watching || (globalThis as {Deno?: unknown}).Deno) return;
  watching = true;
  try {
    watchFloods();
  } catch {
    // no GC observer here: the young generation simply stays held
  }
}

function watchFloods(): void {
  let windowStart = performance.now();
  let count = 0;
  let flooded = false;
  let calm = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as {detail?: {kind?: number}}).detail?.kind === 1) count++; // a scavenge
    }
    const now = performance.now();
    const seconds = (now - windowStart) / 1000;
    if (seconds < 1) return;
    const rate = count / seconds;
    windowStart = now;
    count = 0;
    if (!flooded && rate >= FLOOD_GCS) {
      flooded = true;
      calm = 0;
      grow(true);
    } else if (flooded && rate < FLOOD_GCS / 4 && ++calm >= CALM_SECONDS) {
      flooded = false;
      grow(false);
    }
  });
  observer.observe({entryTypes: ['gc']});
}
