import {render} from 'ink';
import type {i18n} from 'i18next';
import type {ReactNode} from 'react';
import {I18nextProvider} from 'react-i18next';
import {visible} from '../text/visible.ts';
import {App, type AppProps} from '../ui/app/App.tsx';

export interface AppModeOptions extends AppProps {
  i18n: i18n;
  /** Called once, on every exit path, after Ink has restored the terminal. */
  cleanup(): Promise<void>;
  /** A message printed after the app has left the screen, laid out as the screen was (Persian in app mode). */
  message?(text: string): string;
  /** Called once the first frame is on the screen (to load what it did not need). */
  afterFirstFrame?(): void;
}

const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/** Draws the interactive app and owns the exit paths: q, Ctrl+C, SIGTERM, SIGHUP, crashes. */
export function runAppMode({i18n, cleanup, message, afterFirstFrame, ...app}: AppModeOptions): Promise<number> {
  return runInk(<App {...app} />, {i18n, cleanup, ...(message ? {message} : {}), ...(afterFirstFrame ? {afterFirstFrame} : {})});
}

/**
 * Draws a root (the app, or a workshop screen) and owns the exit paths: q (the root calls
 * Ink's exit), Ctrl+C, SIGTERM, SIGHUP, crashes. `cleanup` runs once on every one of them.
 */
export async function runInk(
  root: ReactNode,
  {i18n, cleanup, message = (text) => `${text}\n`, afterFirstFrame}: {i18n: i18n; cleanup(): Promise<void>; message?(text: string): string; afterFirstFrame?(): void},
): Promise<number> {
  // Raw mode from the first moment: keys typed while the first frame is drawn arrive as
  // keys (Enter as \r), not as a cooked line echoed onto the screen.
  process.stdin.setRawMode?.(true);
  const instance = render(<I18nextProvider i18n={i18n}>{root}</I18nextProvider>, {exitOnCtrlC: false, alternateScreen: true, interactive: true, patchConsole: true});
  // Ink wrote the first frame inside render(); what it did not need loads from the next
  // turn on (at once: a lesson opened before its code is there would lose the keys typed
  // while it mounts).
  if (afterFirstFrame) setImmediate(afterFirstFrame);
  let code = 0;
  let crash: {error: unknown} | undefined;
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    code = SIGNAL_CODES[signal];
    instance.unmount();
  };
  // An error no screen caught (a throw in a socket callback, a rejected promise): leave
  // the same way as q does — terminal restored, sockets closed — then say what happened.
  const onCrash = (error: unknown) => {
    crash ??= {error};
    code = 1;
    instance.unmount();
  };
  const handlers: [string, (error: unknown) => void][] = [
    ...Object.keys(SIGNAL_CODES).map((signal): [string, () => void] => [signal, () => onSignal(signal as keyof typeof SIGNAL_CODES)]),
    ...CRASH_EVENTS.map((event): [string, (error: unknown) => void] => [event, onCrash]),
  ];
  for (const [event, handler] of handlers) process.on(event as 'uncaughtException', handler);
  try {
    const result = await instance.waitUntilExit();
    if (typeof result === 'number' && crash === undefined) code = result;
  } catch (error) {
    // A screen threw while rendering: Ink unmounted and rejects with the error.
    crash ??= {error};
    code = 1;
  } finally {
    for (const [event, handler] of handlers) process.off(event as 'uncaughtException', handler);
    process.stdin.setRawMode?.(false);
    await cleanup();
  }
  if (crash) process.stderr.write(message(crashText(crash.error, i18n)));
  return code;
}

/** One short paragraph; the stack only when SOCKET_LESSONS_DEBUG is set. */
function crashText(error: unknown, i18n: i18n): string {
  const message = error instanceof Error ? error.message : String(error);
  // An error's message can quote outside text (a path, a name): shown, never obeyed.
  const text = i18n.t('app:crash', {message: visible(message, 'prose')});
  return process.env.SOCKET_LESSONS_DEBUG && error instanceof Error && error.stack ? `${text}\n${error.stack}` : text;
}
