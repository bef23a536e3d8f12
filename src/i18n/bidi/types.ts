/** How Persian reaches the screen (see DESIGN.md, "Persian is laid out by the app"). */
export type BidiMode = 'app' | 'terminal' | 'off';

export const BIDI_MODES: readonly BidiMode[] = ['app', 'terminal', 'off'];

export type BaseDirection = 'auto' | 'rtl' | 'ltr';

/** A run of text with an opaque style (Ink's colour/bold props in the UI). */
export interface Span<S = unknown> {
  text: string;
  style?: S | undefined;
}

export interface LayoutOptions {
  /** Terminal cells available; Infinity (or omitted) means no wrapping and no padding. */
  width?: number | undefined;
  mode: BidiMode;
  /** 'auto' takes the first strong letter outside isolates (UAX #9 P2/P3). */
  direction?: BaseDirection | undefined;
  /** Direction of an 'auto' paragraph without any strong letter (e.g. only an address). */
  defaultDirection?: 'ltr' | 'rtl' | undefined;
  /** App mode: right-align right-to-left lines by padding to width. Default true. */
  align?: boolean | undefined;
  /** App mode: isolate Latin/ASCII runs (addresses, commands) before layout. Default true. */
  isolate?: boolean | undefined;
}
