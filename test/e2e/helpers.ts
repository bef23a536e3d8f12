// Shared steps of the end-to-end tests: a fresh config folder per app, bounded waits
// for exit and for a clean layout, and the lesson keys a learner presses.
import dgram from 'node:dgram';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {formatNumber} from '../../src/i18n/digits.ts';
import {firstPaneText, layoutProblems} from './screen-checks.ts';
import {KEYS, startApp, type AppProcess, type StartOptions} from './pty-rig.ts';

export interface Started {
  app: AppProcess;
  configDir: string;
  /** Kills the app if it still runs, waits for it to go, and removes its config folder. */
  dispose(): Promise<void>;
}

/**
 * Starts the built app with its own empty config folder, so no earlier run leaks in.
 * The tests read styles (the input's inverse cursor), so a NO_COLOR in the caller's
 * environment is not passed on. (CI=false, which Ink needs, no longer costs colours: the
 * app reads it as "not CI", see src/cli/ci-env.ts.)
 */
export function startFresh(options: StartOptions = {}): Started {
  const configDir = mkdtempSync(path.join(tmpdir(), 'sl-e2e-'));
  const app = startApp({...options, env: {SOCKET_LESSONS_CONFIG_DIR: configDir, NO_COLOR: undefined, ...options.env}});
  return {
    app,
    configDir,
    dispose: async () => {
      app.kill();
      // It may be saving progress as it goes: remove the folder once nothing writes there.
      await exitCode(app, 5000).catch(() => undefined);
      rmSync(configDir, {recursive: true, force: true});
    },
  };
}

/** The exit code, or a failure naming the screen if the app is still running after `ms`. */
export async function exitCode(app: AppProcess, ms = 10_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms; screen:\n${app.screen().join('\n')}`)), ms);
  });
  try {
    return (await Promise.race([app.exited, timeout])).exitCode;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the screen has no layout problem (a frame may arrive in several chunks, so
 * one look could catch it half drawn); fails with the problems and the screen.
 */
export async function expectCleanLayout(app: AppProcess, columns: number, what: string, ms = 5000): Promise<void> {
  try {
    await app.waitFor(() => layoutProblems(app.rows(), columns).length === 0, ms);
  } catch {
    const problems = layoutProblems(app.rows(), columns);
    throw new Error(`${what} at ${columns} columns: ${problems.join('; ')}\n${app.screen().join('\n')}`);
  }
}

/** The lesson's step counter in the title line ("3/16", "۳/۱۶" in Persian), in every language. */
export const stepCounter = (step: number, total: number) => {
  const fa = (n: number) => formatNumber(n, 'fa', {grouping: false});
  return new RegExp(`(^|[^\\d۰-۹])(${step}/${total}|${fa(step)}/${fa(total)})([^\\d۰-۹]|$)`, 'm');
};

/** The lesson map's selected row: "▸ 02" left to right, "02 ▸" on a right-to-left screen. */
export const menuAt = (n: number) => {
  const number = String(n).padStart(2, '0');
  return new RegExp(`▸ ${number}|${number} ▸`);
};

/** A question's choice under the cursor: "▸ 2)" left to right, "(2 ▸" once mirrored. */
const anyCursor = /▸ \d\)|\(\d ▸/;

/** The choice under the cursor, if any (none until the learner moves to one). */
function cursorAt(app: AppProcess): number | undefined {
  const m = /▸ (\d)\)|\((\d) ▸/.exec(app.screen().join('\n'));
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Answers the question on screen with choice `choice` (1-based). Nothing is chosen at
 * first: ↓ puts the cursor on choice 1 (sent again, a few times at most, while the
 * question is still being drawn), then ↓/↑ until `choice` is under it, then Enter.
 */
export async function answer(app: AppProcess, choice: number): Promise<void> {
  for (let tries = 0; cursorAt(app) === undefined; tries++) {
    if (tries >= 5) throw new Error(`no choice came under the cursor:\n${app.screen().join('\n')}`);
    app.write(KEYS.down);
    await app.waitFor(() => cursorAt(app) !== undefined, 2000).catch(() => {});
  }
  for (let at = cursorAt(app)!; at !== choice; ) {
    app.write(at < choice ? KEYS.down : KEYS.up);
    const from = at;
    await app.waitFor(() => cursorAt(app) !== from);
    at = cursorAt(app)!;
  }
  app.write(KEYS.enter);
  // Answered: the cursor mark gives way to ✓ and ✗.
  await app.waitFor((s) => !anyCursor.test(s));
}

/**
 * Whether a command line (a row starting with ›) shows the editing cursor, an inverse
 * cell: the keys typed now are text, not lesson keys (s would be "show me").
 */
export function inputActive(app: AppProcess): boolean {
  const buffer = app.terminal.buffer.active;
  for (let y = app.terminal.rows - 1; y >= 0; y--) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line?.translateToString(true).startsWith('›')) continue;
    for (let x = 0; x < app.terminal.cols; x++) if (line.getCell(x)?.isInverse()) return true;
    return false;
  }
  return false;
}

/** Waits until the lesson's prose pane (not the table or log beside it) matches. */
export function waitForProse(app: AppProcess, test: string | RegExp, ms = 15_000): Promise<string> {
  const matches = (text: string) => (typeof test === 'string' ? text.includes(test) : test.test(text));
  return app.waitFor(() => matches(firstPaneText(app.rows())), ms).then(() => firstPaneText(app.rows()));
}

/** Types a line and waits until the input line shows it (so the next key is not merged with it). */
export async function typeLine(app: AppProcess, line: string): Promise<void> {
  app.write(line);
  const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await app.waitFor(new RegExp(`› ${escaped}\\s*$`, 'm'));
}

/** The steps the progress file records as done for a lesson (empty until it is written). */
export function savedSteps(configDir: string, lesson: string): number[] {
  try {
    const progress = JSON.parse(readFileSync(path.join(configDir, 'progress.json'), 'utf8')) as {lessons?: Record<string, {steps?: number[]}>};
    return progress.lessons?.[lesson]?.steps ?? [];
  } catch {
    return []; // not written yet, or being replaced (writes are temp file + rename)
  }
}

/** Polls `test` until it holds, for at most `ms` (files have no event to wait on). */
export async function eventually(test: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Whether anything still accepts TCP connections on the port. */
export function tcpRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({host: '127.0.0.1', port});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, 5000);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ECONNREFUSED');
    });
  });
}

/** Whether a UDP port is free again (we can bind it ourselves). */
export function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** The first `127.0.0.1:PORT` after `label` on the screen (label: a regex source). */
export function portAfter(screen: string, label: string): number {
  const match = new RegExp(`${label}[^\\n]*?127\\.0\\.0\\.1:(\\d{2,5})`).exec(screen);
  if (!match) throw new Error(`no port after ${label} on screen:\n${screen}`);
  return Number(match[1]);
}
