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
import module from 'node:module';
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

/**
 * Loads what the interactive app's first frame needs, tuned for a fast start; every flag
 * is back as it was when it resolves, so code loaded later is compiled as usual.
 * - Every function in it is compiled at once. Node's compile cache (turned on by the
 *   launcher) keeps what V8 compiled when it first compiled a file, which is only the top
 *   level: each function the first frame then calls (React's, Ink's, yoga's, the menu's,
 *   hundreds) was compiled again at every start, ~20 ms. Compiled eagerly, they are in the
 *   cache from the second start on. Only where the cache is on: without it, eager
 *   compilation costs more than it saves (~10 ms).
 * - The young generation may grow while the start allocates (~10 MB of code and words),
 *   which halves the scavenges before the first frame; it is held again from the end of
 *   loading (peak RSS after a lesson unchanged, bench/interactive-rss.mjs).
 * V8 keys cached code by the flags it was compiled under, so the same flags must always
 * be in force while the same files are compiled: hence one window, always the same.
 */
export async function loadingFirstFrame<T>(load: () => Promise<T>): Promise<T> {
  if ((globalThis as {Deno?: unknown}).Deno) return load();
  const eager = compileCacheOn();
  try {
    grow(true);
    if (eager) v8.setFlagsFromString('--no-lazy');
  } catch {
    // a V8 without these flags: load as usual
  }
  try {
    return await load();
  } finally {
    try {
      if (eager) v8.setFlagsFromString('--lazy');
      grow(false);
    } catch {
      // as above
    }
  }
}

function compileCacheOn(): boolean {
  try {
    return typeof (module as {getCompileCacheDir?: () => string | undefined}).getCompileCacheDir?.() === 'string';
  } catch {
    return false;
  }
}
