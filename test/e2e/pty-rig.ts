// Drives the built dist/cli.js in a real pseudo-terminal and keeps an emulated screen
// (xterm headless), so tests read what a person would see.
import {spawn as ptySpawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');

export type Runtime = 'node' | 'deno';

export function hasDeno(): boolean {
  try {
    execFileSync('deno', ['--version'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

export interface AppProcess {
  pty: IPty;
  pid: number;
  /** The screen as text lines, trailing spaces trimmed. */
  screen(): string[];
  /** Everything the app wrote, raw. */
  raw(): string;
  write(data: string): void;
  resize(columns: number, rows: number): void;
  /** Waits until the screen satisfies `test` (string: contained anywhere). */
  waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  exited: Promise<{exitCode: number; signal?: number}>;
  kill(signal?: string): void;
}

export interface StartOptions {
  runtime?: Runtime;
  args?: string[];
  columns?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
}

export function startApp({runtime = 'node', args = [], columns = 80, rows = 24, env = {}}: StartOptions = {}): AppProcess {
  const term = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
  const [file, argv] = runtime === 'node' ? [process.execPath, [CLI, ...args]] : ['deno', ['run', '-A', CLI, ...args]];
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color', CI: 'false', ...env})) {
    if (value !== undefined) childEnv[key] = value;
  }
  const pty = ptySpawn(file, argv, {name: 'xterm-256color', cols: columns, rows, cwd: ROOT, env: childEnv});
  let raw = '';
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    raw += data;
    term.write(data, () => {
      for (const check of waiters) check();
    });
  });
  const exited = new Promise<{exitCode: number; signal?: number}>((resolve) => {
    pty.onExit((e) => {
      for (const check of waiters) check();
      resolve(e);
    });
  });
  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  };
  const waitFor: AppProcess['waitFor'] = (test, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      const matches = (text: string) =>
        typeof test === 'string' ? text.includes(test) : test instanceof RegExp ? test.test(text) : test(text);
      const check = () => {
        const text = screen().join('\n');
        if (matches(text)) {
          cleanup();
          resolve(text);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}; screen:\n${screen().join('\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    pty,
    pid: pty.pid,
    screen,
    raw: () => raw,
    write: (data) => pty.write(data),
    resize: (c, r) => {
      pty.resize(c, r);
      term.resize(c, r);
    },
    waitFor,
    exited,
    kill: (signal) => pty.kill(signal),
  };
}

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  ctrlC: '\x03',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
} as const;
