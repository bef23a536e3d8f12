// The built app as a hostile world meets it: `socket-lessons repl --json` with commands
// written to its stdin one at a time, in its own HOME and XDG folders, under Node or Deno,
// with its peak memory read from /proc before it is told to quit.
import {readFileSync} from 'node:fs';
import {afterEach} from 'vitest';
import {spawnChild, type Child} from '../lab/child.ts';
import {CLI, hasDeno, runtimeCommand, type AppProcess, type Runtime} from '../e2e/pty-rig.ts';
import {hermeticHome, type Hermetic} from '../support/hermetic.ts';

export {hasDeno};
/** The runtimes the attack cases run on: Node, and Deno where it is installed. */
export const RUNTIMES: readonly ('node' | 'deno')[] = hasDeno() ? ['node', 'deno'] : ['node'];

const homes: Hermetic[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

/** A fresh HOME with its own XDG folders (test/support/hermetic.ts) and temp dir; removed after the test. */
export function freshHome(): {home: string; env: NodeJS.ProcessEnv} {
  const hermetic = hermeticHome('sl-attack-');
  homes.push(hermetic);
  const home = hermetic.env.HOME;
  const env = {...hermetic.env, SOCKET_LESSONS_CONFIG_DIR: '', TMPDIR: home, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1'};
  return {home, env};
}

export function command(runtime: Runtime): [string, string[]] {
  return runtimeCommand(runtime, CLI);
}

export interface PipedRepl {
  child: Child;
  /** Writes one command and resolves with its result record. */
  run(line: string, timeoutMs?: number): Promise<Record<string, any>>;
  /** Every line printed so far, as one string. */
  output(): string;
  /** Peak resident memory of the process so far (VmHWM), in bytes. */
  peakRss(): number;
  /** `quit`, then the exit code. */
  quit(timeoutMs?: number): Promise<number | null>;
}

/** `socket-lessons repl --json` reading commands from a pipe. */
export function pipedRepl(runtime: Runtime, extraArgs: string[] = [], env: NodeJS.ProcessEnv = freshHome().env): PipedRepl {
  const [file, args] = command(runtime);
  const child = spawnChild(file, [...args, 'repl', '--json', ...extraArgs], env);
  let sent = 0;
  return {
    child,
    async run(line, timeoutMs = 15_000) {
      const lineNo = ++sent;
      child.send(line);
      return child.next((m) => m['kind'] === 'result' && m['lineNo'] === lineNo, timeoutMs);
    },
    output: () => child.lines.join('\n'),
    peakRss: () => peakRss(child.proc.pid!),
    async quit(timeoutMs = 15_000) {
      child.send('quit');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`repl still running ${timeoutMs} ms after quit`)), timeoutMs);
      });
      try {
        return (await Promise.race([child.exited, timeout])).code;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** VmHWM of a live process, in bytes. */
export function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!m) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

/**
 * In a screen that runs typed commands (the REPL, a lesson's prompt): types a 10-minute
 * `wait` for `event`, stops it with `key` once it runs, and resolves with how long the
 * stop took to show (English screen).
 */
export async function stopLongWait(app: AppProcess, event: string, key: string): Promise<number> {
  app.write(`wait ${event} 600000\r`);
  await app.waitFor(/running… Esc or Ctrl\+C stops it/);
  const t0 = performance.now();
  app.write(key);
  await app.waitFor(new RegExp(`You stopped waiting for ${event}\\.`));
  return performance.now() - t0;
}
