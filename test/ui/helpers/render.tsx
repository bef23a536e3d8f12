// Render helpers: the component inside an I18nextProvider and a ThemeContext, and a fake
// terminal whose size a test can change (ink-testing-library's is fixed at 100 columns
// and has no rows).
import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import {render as testRender} from 'ink-testing-library';
import type {ReactElement, ReactNode} from 'react';
import {I18nextProvider} from 'react-i18next';
import stringWidth from 'string-width';
import type {BidiMode} from '../../../src/i18n/bidi/index.ts';
import {BidiProvider} from '../../../src/ui/components/BidiContext.tsx';
import {colourTheme, ThemeContext, type Theme} from '../../../src/ui/theme.ts';
import {createTestI18n, type Lng} from './i18n.ts';

export interface RenderOptions {
  theme?: Theme;
  /** Default 'app': Persian shaped and reordered by us. */
  bidi?: BidiMode;
}

function providers(lng: Lng, options: RenderOptions) {
  const {i18n, missing} = createTestI18n(lng);
  const wrap = (n: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <BidiProvider mode={options.bidi ?? 'app'} language={lng}>
        <ThemeContext value={options.theme ?? colourTheme}>{n}</ThemeContext>
      </BidiProvider>
    </I18nextProvider>
  );
  return {wrap, missing, i18n};
}

export function renderIn(lng: Lng, node: ReactElement, options: RenderOptions = {}) {
  const {wrap, missing} = providers(lng, options);
  const result = testRender(wrap(node));
  return {...result, missing, rerender: (n: ReactElement) => result.rerender(wrap(n))};
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function frameLines(frame: string | undefined): string[] {
  return stripAnsi(frame ?? '').split('\n');
}

/** The widest line of a frame, in terminal cells. */
export function maxLineWidth(frame: string | undefined): number {
  return Math.max(0, ...frameLines(frame).map((l) => stringWidth(l)));
}

class FakeStdout extends EventEmitter {
  columns: number;
  rows: number;
  isTTY = true;
  frames: string[] = [];
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A terminal's stdin for Ink: raw-mode capable, fed by write(). */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  write = (data: string) => {
    this.pending = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** Render into a terminal of a given size that can be resized. */
export function renderSized(lng: Lng, node: ReactElement, columns: number, rows: number, options: RenderOptions = {}) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const {wrap, missing} = providers(lng, options);
  const instance = inkRender(wrap(node), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    missing,
    lastFrame: stdout.lastFrame,
    rerender: (n: ReactElement) => instance.rerender(wrap(n)),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}

/** Wait (bounded) until `check` passes; it is retried on every frame-sized tick. */
export async function until(check: () => void, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
