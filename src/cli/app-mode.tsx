import {render} from 'ink';
import type {i18n} from 'i18next';
import {I18nextProvider} from 'react-i18next';
import {App, type AppProps} from '../ui/app/App.tsx';

export interface AppModeOptions extends AppProps {
  i18n: i18n;
  /** Called once, on every exit path, after Ink has restored the terminal. */
  cleanup(): Promise<void>;
}

const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/** Draws the interactive app and owns the exit paths: q, Ctrl+C, SIGTERM, SIGHUP, crashes. */
export async function runAppMode({i18n, cleanup, ...app}: AppModeOptions): Promise<number> {
  // Raw mode from the first moment: keys typed while the first frame is drawn arrive as
  // keys (Enter as \r), not as a cooked line echoed onto the screen.
  process.stdin.setRawMode?.(true);
  const instance = render(
    <I18nextProvider i18n={i18n}>
      <App {...app} />
    </I18nextProvider>,
    {exitOnCtrlC: false, alternateScreen: true, interactive: true, patchConsole: true},
  );
  let code = 0;
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    code = SIGNAL_CODES[signal];
    instance.unmount();
  };
  const handlers = Object.keys(SIGNAL_CODES).map((signal) => {
    const handler = () => onSignal(signal as keyof typeof SIGNAL_CODES);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    const result = await instance.waitUntilExit();
    if (typeof result === 'number') code = result;
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    code = 1;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.stdin.setRawMode?.(false);
    await cleanup();
  }
  return code;
}
