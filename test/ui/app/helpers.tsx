// The shell's screens switch language live, so their tests need every language loaded
// (the shared helper loads one). No fallback language: a missing key is recorded, not
// shown in English. And a terminal of any size, for the App's useWindowSize.
import {EventEmitter} from 'node:events';
import {FakeStdin} from '../helpers/render.tsx';
import i18next, {type i18n as I18n} from 'i18next';
import {render as inkRender} from 'ink';
import type {ReactElement, ReactNode} from 'react';
import {I18nextProvider} from 'react-i18next';
import type {BidiMode} from '../../../src/i18n/bidi/index.ts';
import {BidiProvider} from '../../../src/ui/components/BidiContext.tsx';
import {colourTheme, ThemeContext} from '../../../src/ui/theme.ts';
import {LANGUAGES, loadLocale, type Lng} from '../helpers/i18n.ts';
import {stripAnsi} from '../helpers/render.tsx';

export {until} from '../helpers/render.tsx';

export function allLanguagesI18n(lng: Lng): {i18n: I18n; missing: string[]} {
  const missing: string[] = [];
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, loadLocale(l)])),
    defaultNS: 'app',
    fallbackLng: false,
    initAsync: false,
    interpolation: {escapeValue: false},
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      missing.push(`${lngs.join(',')} ${ns}:${key}`);
    },
  });
  return {i18n, missing};
}

class Out extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  // Ink waits for the callback of a last empty write before it reports the exit code.
  write = (frame: string, callback?: () => void) => {
    if (frame !== '') this.frames.push(frame);
    callback?.();
    return true;
  };
}

export interface Rendered {
  i18n: I18n;
  missing: string[];
  /** The newest frame, colour codes and all. */
  raw(): string;
  /** The newest frame as text lines. */
  lines(): string[];
  text(): string;
  /** A key (or a few) as the terminal would send them; resolves after React has rendered. */
  press(keys: string): Promise<void>;
  exitCode: Promise<unknown>;
  unmount(): void;
}

export interface RenderOptions {
  columns?: number;
  rows?: number;
  /** Wrap in the providers the App provides itself (for screens rendered alone). */
  bidi?: BidiMode;
  providers?: boolean;
  /** Instead of every language loaded: an instance made as the app makes it (createI18n). */
  i18n?: I18n;
}

/** Render `node` in a `columns`×`rows` terminal with every language loaded, starting in `lng`. */
export function renderAt(lng: Lng, node: ReactElement, {columns = 80, rows = 24, bidi = 'app', providers = false, i18n: given}: RenderOptions = {}): Rendered {
  const {i18n, missing} = given ? {i18n: given, missing: []} : allLanguagesI18n(lng);
  const stdout = new Out(columns, rows);
  const stdin = new FakeStdin();
  const wrapped: ReactNode = providers ? (
    <BidiProvider mode={bidi} language={lng}>
      <ThemeContext value={colourTheme}>{node}</ThemeContext>
    </BidiProvider>
  ) : (
    node
  );
  const instance = inkRender(<I18nextProvider i18n={i18n}>{wrapped}</I18nextProvider>, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new Out(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const raw = () => stdout.frames.at(-1) ?? '';
  const lines = () => stripAnsi(raw()).split('\n');
  return {
    i18n,
    missing,
    raw,
    lines,
    text: () => lines().join('\n'),
    press: async (keys) => {
      stdin.write(keys);
      // Let React commit what the key changed (state updates are batched).
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    },
    exitCode: instance.waitUntilExit(),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}

export const KEY = {up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', enter: '\r', escape: '\u001b', tab: '\t', ctrlC: '\u0003'} as const;
