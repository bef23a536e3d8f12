// Colour roles for every pane. Colour only ever *adds* to a word or symbol that already
// carries the meaning, so the monochrome theme (NO_COLOR, --no-color, a projector with
// poor contrast) loses nothing but the tint.
import type {ForegroundColorName} from 'chalk';
import {createContext, useContext} from 'react';

export type ColourRole =
  | 'passive' // a listening socket: waits, takes part in no conversation
  | 'active' // one end of a connection
  | 'datagram' // UDP: no connection
  | 'newest' // the most recent event on screen
  | 'error'
  | 'muted' // secondary text: headers, hints, empty states
  | 'focus' // the pane that receives the keys
  | 'ok';

/** The subset of ink's <Text> props a role may set. */
export interface Style {
  /** A named colour: Line styles with chalk's method of that name, as Ink's <Text> does. */
  color?: ForegroundColorName;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

/** Symbols that say the same thing as the colours, for monochrome screens and colour-blind readers. */
export interface Symbols {
  passive: string;
  active: string;
  datagram: string;
  newest: string;
  error: string;
  ok: string;
  /** An address outside this app (another program, or nobody yet). */
  ghost: string;
  /** The selected tab or pane. */
  selected: string;
}

export interface Theme {
  readonly monochrome: boolean;
  readonly styles: Readonly<Record<ColourRole, Style>>;
  readonly symbols: Readonly<Symbols>;
}

// Single-column symbols only (string-width 1), so tables stay aligned in every terminal.
const symbols: Symbols = {
  passive: '○',
  active: '●',
  datagram: '◇',
  newest: '▶',
  error: '✗',
  ok: '✓',
  ghost: '◌',
  selected: '▸',
};

export const colourTheme: Theme = {
  monochrome: false,
  styles: {
    passive: {color: 'cyan'},
    active: {color: 'green'},
    datagram: {color: 'yellow'},
    newest: {color: 'whiteBright', bold: true},
    error: {color: 'red', bold: true},
    muted: {color: 'gray'},
    focus: {color: 'blueBright', bold: true},
    ok: {color: 'green'},
  },
  symbols,
};

// No colour codes at all; bold is a weight, not a colour, and keeps the newest event and
// errors findable. No dim either: many terminals draw dim as grey, i.e. as a colour.
export const monoTheme: Theme = {
  monochrome: true,
  styles: {
    passive: {},
    active: {},
    datagram: {},
    newest: {bold: true},
    error: {bold: true},
    muted: {},
    focus: {bold: true},
    ok: {},
  },
  symbols,
};

/**
 * Whether the user asked for no colour: the NO_COLOR convention (any non-empty value,
 * see no-color.org) or a --no-color flag. chalk honours the flag but not NO_COLOR, so the
 * app must decide this itself and pick monoTheme.
 */
export function wantsMonochrome(env: Record<string, string | undefined>, argv: readonly string[]): boolean {
  if (argv.includes('--no-color') || argv.includes('--no-colour')) return true;
  if (argv.includes('--color') || argv.includes('--colour')) return false;
  return typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '';
}

export function themeFor(monochrome: boolean): Theme {
  return monochrome ? monoTheme : colourTheme;
}

/** Provide with `<ThemeContext value={theme}>` (React 19); colour is the default. */
export const ThemeContext = createContext<Theme>(colourTheme);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
