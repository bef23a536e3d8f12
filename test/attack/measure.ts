// Runs the built app as an attacker's victim would, and measures it: wall time and peak
// memory (VmHWM from /proc/<pid>/status, polled; it only ever grows, so the last reading
// before exit is the peak to within one poll). A run past its time or memory bound is
// killed at once — a regression must fail the test, not take the machine down with it.
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {appEnv} from '../support/hermetic.ts';
import {CLI, startApp, type AppProcess, type StartOptions} from '../e2e/pty-rig.ts';

export interface Bounds {
  ms: number;
  rssMiB: number;
}

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMiB: number;
  /** Set when the watchdog killed the run. */
  stoppedFor?: 'time' | 'memory';
}

export type Runtime = 'node' | 'deno';

/** Peak resident memory of a process so far, in MiB (0 once it is gone). */
export function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Polls `pid`'s peak memory every 10 ms and calls `onExceed` once it passes `limitMiB`.
 * `stop()` ends the polling and returns the highest peak seen.
 */
export function watchMemory(pid: number, limitMiB: number, onExceed: () => void): {stop(): number} {
  let peak = 0;
  let fired = false;
  const timer = setInterval(() => {
    peak = Math.max(peak, peakRss(pid));
    if (peak > limitMiB && !fired) {
      fired = true;
      onExceed();
    }
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, peakRss(pid));
    },
  };
}

/** CPU time `pid` has used so far, in seconds (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Whether `pid` sleeps in the kernel waiting for a FIFO's other end (a blocking open). */
export function blockedOnFifo(pid: number): boolean {
  try {
    return /wait_for_partner|fifo|pipe_read/.test(readFileSync(`/proc/${pid}/wchan`, 'utf8'));
  } catch {
    return false;
  }
}

export function appCommand(runtime: Runtime, args: string[], denoFlags: string[] = ['-A']): [string, string[]] {
  return runtime === 'node' ? [process.execPath, [CLI, ...args]] : ['deno', ['run', ...denoFlags, CLI, ...args]];
}

export interface RunOptions {
  bounds: Bounds;
  runtime?: Runtime;
  env?: Record<string, string | undefined>;
  /** stdin: text to write (then closed), 'ignore', or a file descriptor. */
  stdin?: string | 'ignore' | number;
  /** stdout: collected (default) or a file descriptor (e.g. /dev/full). */
  stdout?: 'pipe' | number;
  /** Called with the child once it started (tests that close its stdout early, send signals). */
  onSpawn?: (child: ChildProcess) => void;
  denoFlags?: string[];
}

/** Runs dist/cli.js with `args` under its own HOME, within `bounds`. */
export function runApp(args: string[], options: RunOptions): Promise<Measured> {
  const [file, argv] = appCommand(options.runtime ?? 'node', args, options.denoFlags);
  return runMeasured(file, argv, options);
}

// GNU time reports the child's exact peak (wait4's ru_maxrss), which polling can miss for
// a run shorter than one poll; without it, polling alone.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** The process `time` started (the app), once it exists. */
export function childOf(pid: number): number | undefined {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

export function runMeasured(file: string, args: string[], options: RunOptions): Promise<Measured> {
  const stdin = options.stdin === undefined ? 'ignore' : typeof options.stdin === 'string' && options.stdin !== 'ignore' ? 'pipe' : options.stdin;
  const report = TIME ? path.join(mkdtempSync(path.join(tmpdir(), 'sl-time-')), 'peak') : undefined;
  const [command, argv] = TIME && report ? [TIME, ['-o', report, '-f', '%M', file, ...args]] : [file, args];
  const started = performance.now();
  // Its own process group, so the watchdog can kill `time` and the app together.
  const child = spawn(command, argv, {
    env: appEnv({LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...options.env}),
    stdio: [stdin, options.stdout ?? 'pipe', 'pipe'],
    detached: true,
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout?.on('error', () => {}); // a test may close it on purpose
  if (typeof options.stdin === 'string' && options.stdin !== 'ignore') child.stdin!.end(options.stdin);
  child.stdin?.on('error', () => {});
  let stoppedFor: Measured['stoppedFor'];
  let app = TIME ? undefined : child.pid;
  let peak = 0;
  const poll = setInterval(() => {
    app ??= childOf(child.pid!);
    if (app === undefined) return;
    peak = Math.max(peak, peakRss(app));
    if (peak > options.bounds.rssMiB && !stoppedFor) {
      stoppedFor = 'memory';
      kill();
    }
  }, 10);
  const timer = setTimeout(() => {
    stoppedFor ??= 'time';
    kill();
  }, options.bounds.ms);
  options.onSpawn?.(child);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      let exact: number | undefined;
      if (report) {
        try {
          const text = readFileSync(report, 'utf8').trim();
          const last = Number(text.split('\n').at(-1));
          if (Number.isFinite(last) && last > 0) exact = last / 1024;
          rmSync(path.dirname(report), {recursive: true, force: true});
        } catch {
          // killed before it could write
        }
      }
      const result: Measured = {code, signal, stdout, stderr, ms: performance.now() - started, peakRssMiB: Math.max(peak, exact ?? 0)};
      if (stoppedFor) result.stoppedFor = stoppedFor;
      resolve(result);
    });
  });
}

/** The failure message a bounded run deserves: what it did and how long and large it was. */
export function describeRun(r: Measured): string {
  return `exit ${r.code} signal ${r.signal} after ${Math.round(r.ms)} ms, peak ${Math.round(r.peakRssMiB)} MiB${r.stoppedFor ? `, killed for ${r.stoppedFor}` : ''}\nstdout: ${r.stdout.slice(0, 600)}\nstderr: ${r.stderr.slice(0, 600)}`;
}

export interface Watched {
  app: AppProcess;
  /** Waits (within the time bound) for the app to end, then reports how it ended and its peak memory. */
  finish(): Promise<{exitCode: number | undefined; peakRssMiB: number; stoppedFor?: 'time' | 'memory'}>;
}

/** The app in a pty (test/e2e/pty-rig.ts), killed if it passes its memory bound. */
export function startWatched(options: StartOptions, bounds: Bounds): Watched {
  const app = startApp(options);
  let stoppedFor: 'time' | 'memory' | undefined;
  const memory = watchMemory(app.pid, bounds.rssMiB, () => {
    stoppedFor = 'memory';
    app.kill('SIGKILL');
  });
  const started = performance.now();
  return {
    app,
    async finish() {
      const left = Math.max(0, bounds.ms - (performance.now() - started));
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([app.exited, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), left)))]);
      clearTimeout(timer);
      if (!exit) {
        stoppedFor ??= 'time';
        app.kill('SIGKILL');
      }
      const peakRssMiB = memory.stop();
      return {exitCode: exit?.exitCode, peakRssMiB, ...(stoppedFor ? {stoppedFor} : {})};
    },
  };
}
