// Runs the built CLI as a child process with its own HOME and XDG folders, optionally
// inside a network namespace, and follows its output line by line (NDJSON or text).
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CLI, ROOT, type Runtime} from '../e2e/pty-rig.ts';

export interface CliProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** The stdout lines that parse as JSON. */
  records(): Record<string, unknown>[];
  stderr(): string;
  /** The first line (so far or to come, from line `from` on) that passes the test; fails naming what was seen. */
  waitForLine(test: (line: string) => boolean, ms?: number, from?: number): Promise<string>;
  /** Like waitForLine, over JSON records. */
  waitFor(test: (record: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** Every record that passes, once there are `count` of them. */
  waitForCount(test: (record: Record<string, unknown>) => boolean, count: number, ms?: number): Promise<Record<string, unknown>[]>;
  write(line: string): void;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
  /** Kill if running, wait for it, remove its folders. */
  dispose(): Promise<void>;
}

export interface CliOptions {
  runtime?: Runtime;
  /** Run inside this network namespace (ip netns exec). */
  netns?: string;
  env?: Record<string, string>;
}

/** Fresh HOME, XDG folders and config folder, so the child touches none of the user's files. */
export function hermeticEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('XDG_') && !k.startsWith('LC_')) env[k] = v;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    SOCKET_LESSONS_CONFIG_DIR: path.join(home, '.config/socket-lessons'),
    DENO_DIR: process.env['DENO_DIR'] ?? path.join(process.env['HOME'] ?? home, '.cache/deno'),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    ...extra,
  };
}

export function commandFor(runtime: Runtime, args: string[]): [string, string[]] {
  return runtime === 'node' ? [process.execPath, [CLI, ...args]] : [denoPath(), ['run', '-A', CLI, ...args]];
}

let deno: string | undefined;
/** Deno's absolute path (ip netns exec does not keep our PATH lookups cheap to reason about). */
export function denoPath(): string {
  deno ??= spawnSync('sh', ['-c', 'command -v deno'], {encoding: 'utf8'}).stdout.trim() || 'deno';
  return deno;
}

export function startCli(args: string[], options: CliOptions = {}): CliProcess {
  const home = mkdtempSync(path.join(tmpdir(), 'sl-ws-'));
  const [file, argv] = commandFor(options.runtime ?? 'node', args);
  const [cmd, cmdArgs] = options.netns ? ['ip', ['netns', 'exec', options.netns, file, ...argv]] : [file, argv];
  const child = spawn(cmd, cmdArgs, {cwd: ROOT, env: hermeticEnv(home, options.env), stdio: ['pipe', 'pipe', 'pipe']});
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters) w();
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    err += chunk;
  });
  child.stdin!.on('error', () => {});
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve({code, signal});
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  const parse = (line: string): Record<string, unknown> | undefined => {
    try {
      const value = JSON.parse(line) as unknown;
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const records = () => lines.map(parse).filter((r): r is Record<string, unknown> => r !== undefined);
  const waitUntil = <T>(find: () => T | undefined, what: string, ms: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        } else if (done) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${what}: the process ended; stdout:\n${lines.slice(-30).join('\n')}\nstderr:\n${err}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${what}: not within ${ms} ms; stdout:\n${lines.slice(-30).join('\n')}\nstderr:\n${err}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return {
    child,
    lines,
    records,
    stderr: () => err,
    waitForLine: (test, ms = 15_000, from = 0) => waitUntil(() => lines.find((l, i) => i >= from && test(l)), `a line ${test}`, ms),
    waitFor: (test, ms = 15_000) => waitUntil(() => records().find(test), `a record ${test}`, ms),
    waitForCount: (test, count, ms = 15_000) =>
      waitUntil(() => {
        const hits = records().filter(test);
        return hits.length >= count ? hits : undefined;
      }, `${count} records ${test}`, ms),
    write: (line) => {
      child.stdin!.write(`${line}\n`);
    },
    exited,
    dispose: async () => {
      if (!done) child.kill('SIGKILL');
      await exited;
      rmSync(home, {recursive: true, force: true});
    },
  };
}

/** Rows of `ss -Htan` (optionally inside a namespace) whose local port is `port`: [state, local, peer]. */
export function tcpRows(port: number, netns?: string): string[][] {
  const args = ['-Htan', `sport = :${port}`];
  const result = netns ? spawnSync('ip', ['netns', 'exec', netns, 'ss', ...args], {encoding: 'utf8'}) : spawnSync('ss', args, {encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`ss failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return [f[0]!, f[3]!, f[4]!];
    });
}

/** Rows of `ss -Huan` bound to `port`. */
export function udpRows(port: number, netns?: string): string[][] {
  const args = ['-Huan', `sport = :${port}`];
  const result = netns ? spawnSync('ip', ['netns', 'exec', netns, 'ss', ...args], {encoding: 'utf8'}) : spawnSync('ss', args, {encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`ss failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
}
