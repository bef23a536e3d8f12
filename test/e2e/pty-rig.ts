// Drives the built dist/cli.js in a real pseudo-terminal and keeps an emulated screen
// (xterm headless), so tests read what a person would see.
import net from 'node:net';
import {spawn as ptySpawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {appEnv} from '../support/hermetic.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// SOCKET_LESSONS_E2E_CLI: drive another build (e.g. of a clean checkout) with the same tests.
export const CLI = process.env['SOCKET_LESSONS_E2E_CLI'] ?? path.join(ROOT, 'dist/cli.js');

/** node: the Node running the tests; node20: the oldest supported Node (see below); deno. */
export type Runtime = 'node' | 'deno' | 'node20';

/**
 * The oldest Node the app supports (package.json engines). `npm test` sets it: the
 * machine's own Node 20, or one fetched into .tools/ (scripts/toolchain.mjs).
 */
export const NODE20 = process.env['SOCKET_LESSONS_NODE20'];

/** The program and leading arguments that run `script` on `runtime`. */
export function runtimeCommand(runtime: Runtime, script: string): [string, string[]] {
  if (runtime === 'deno') return ['deno', ['run', '-A', script]];
  if (runtime === 'node20') {
    if (!NODE20) throw new Error('SOCKET_LESSONS_NODE20 is not set: run the tests with `npm test`, which provides Node 20');
    return [NODE20, [script]];
  }
  return [process.execPath, [script]];
}

/** Node, Deno where it is installed, and the oldest supported Node where `npm test` provides it. */
export function testedRuntimes(): Runtime[] {
  return [
    'node',
    ...(hasDeno() ? (['deno'] as const) : []),
    ...(NODE20 ? (['node20'] as const) : []),
  ];
}

const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

export function hasDeno(): boolean {
  try {
    execFileSync('deno', ['--version'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

/** One row of the emulated screen, cell by cell. */
export interface ScreenRow {
  /** Trailing spaces trimmed. */
  text: string;
  /** One entry per column: the cell's characters, ' ' when empty, '' for the right half of a wide character. */
  cells: string[];
  /** xterm wrapped this row on from the one above: something was written past the last column. */
  wrapped: boolean;
}

export type Terminal = InstanceType<typeof xterm.Terminal>;

export interface AppProcess {
  pty: IPty;
  /** The emulated terminal itself (colours and attributes, for screenshots). */
  terminal: Terminal;
  /** The screen row by row, with cells and wrap flags (layout checks). */
  rows(): ScreenRow[];
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
  const [file, prefix] = runtimeCommand(runtime, CLI);
  const argv = [...prefix, ...args];
  // Its own HOME and XDG folders: nothing from the real user's config reaches the app.
  const childEnv = appEnv({TERM: 'xterm-256color', CI: 'false', ...env});
  const pty = ptySpawn(file, argv, {name: 'xterm-256color', cols: columns, rows, cwd: ROOT, env: childEnv});
  let raw = '';
  let inFrame = false;
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    const before = raw.length;
    raw += data;
    // Inside a synchronized update (CSI ? 2026 h … l) a terminal shows nothing yet: look
    // only at whole frames, as a person would (a half-drawn frame can lack the cursor).
    const seen = raw.slice(Math.max(0, before - 8));
    const begin = seen.lastIndexOf(SYNC_BEGIN);
    const end = seen.lastIndexOf(SYNC_END);
    const midFrame = begin >= 0 || end >= 0 ? begin > end : undefined;
    term.write(data, () => {
      if (midFrame !== undefined) inFrame = midFrame;
      if (inFrame) return;
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
  const screenRows = (): ScreenRow[] => {
    const buffer = term.buffer.active;
    const out: ScreenRow[] = [];
    for (let y = 0; y < term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      const cells: string[] = [];
      for (let x = 0; x < term.cols; x++) {
        const cell = line?.getCell(x);
        cells.push(!cell ? ' ' : cell.getWidth() === 0 ? '' : cell.getChars() || ' ');
      }
      out.push({text: line?.translateToString(true) ?? '', cells, wrapped: line?.isWrapped ?? false});
    }
    return out;
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
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}; screen:\n${screen().join('\n')}\nraw tail: ${JSON.stringify(raw.slice(-200))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      if (!inFrame) check();
    });
  return {
    pty,
    terminal: term,
    rows: screenRows,
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

/** One TCP connect to 127.0.0.1:port from the test: 'connected', or the error code. */
export function connectOnce(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({host: '127.0.0.1', port});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 5000);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? 'error');
    });
  });
}
