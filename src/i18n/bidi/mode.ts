import {BIDI_MODES, type BidiMode} from './types.ts';

export const BIDI_ENV_VAR = 'SOCKET_LESSONS_BIDI';

/** VTE 0.57.3 (VTE_VERSION 5703) is the first with BiDi and the CSI 8 l/h switch. */
const VTE_BIDI_VERSION = 5703;

export type TerminalKind =
  | 'vte-bidi' // GNOME Terminal & co. with BiDi: we switch it to explicit mode
  | 'vte' // older VTE, no BiDi
  | 'konsole'
  | 'apple-terminal'
  | 'mlterm'
  | 'multiplexer' // tmux/screen: the outer terminal is unknown
  | 'unknown';

export type BidiModeSource = 'flag' | 'env' | 'saved' | 'detected' | 'default';

export interface BidiModeInput {
  /** Value of --bidi, if given. */
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** The choice saved by calibration (or settings). */
  saved?: BidiMode | undefined;
  /** Is output a terminal? */
  isTTY: boolean;
}

export interface BidiModeResolution {
  mode: BidiMode;
  source: BidiModeSource;
  terminal: TerminalKind;
  /** Nothing explicit chose the mode: ask the calibration question on first Persian use. */
  needsCalibration: boolean;
  /** Send CSI 8 l at start and CSI 8 h on every exit path. */
  vteExplicit: boolean;
  /** A SOCKET_LESSONS_BIDI value that is not a mode (ignored; worth a warning). */
  ignoredEnv?: string | undefined;
}

export class BidiModeError extends Error {
  readonly value: string;
  constructor(value: string) {
    super(`--bidi must be one of ${BIDI_MODES.join(', ')}, not "${value}"`);
    this.name = 'BidiModeError';
    this.value = value;
  }
}

export function parseBidiMode(value: string | undefined): BidiMode | undefined {
  const v = value?.trim().toLowerCase();
  return BIDI_MODES.find((m) => m === v);
}

export function detectTerminal(env: Readonly<Record<string, string | undefined>>): TerminalKind {
  const term = env['TERM'] ?? '';
  // Inside tmux/screen the variables below describe whichever terminal started the
  // server, not necessarily the one attached now.
  if (env['TMUX'] || env['STY'] || /^(screen|tmux)/.test(term)) return 'multiplexer';
  const vte = Number.parseInt(env['VTE_VERSION'] ?? '', 10);
  if (Number.isFinite(vte)) return vte >= VTE_BIDI_VERSION ? 'vte-bidi' : 'vte';
  if (env['KONSOLE_VERSION']) return 'konsole';
  if (env['TERM_PROGRAM'] === 'Apple_Terminal') return 'apple-terminal';
  if (env['MLTERM'] || term.startsWith('mlterm')) return 'mlterm';
  return 'unknown';
}

/**
 * The flag wins, then SOCKET_LESSONS_BIDI, then the saved choice, then detection.
 * Output that is not a terminal defaults to off (copyable text); the saved choice
 * describes a terminal, so it does not apply there. Inside tmux/screen detection is not
 * trusted: without a flag, variable or saved choice, app mode and calibration.
 * Throws BidiModeError for a bad flag.
 */
export function resolveBidiMode(input: BidiModeInput): BidiModeResolution {
  const terminal = detectTerminal(input.env);
  const rawEnv = input.env[BIDI_ENV_VAR];
  const envMode = parseBidiMode(rawEnv);
  const ignoredEnv = rawEnv !== undefined && rawEnv !== '' && !envMode ? rawEnv : undefined;

  const pick = (): {mode: BidiMode; source: BidiModeSource} => {
    if (input.flag !== undefined) {
      const mode = parseBidiMode(input.flag);
      if (!mode) throw new BidiModeError(input.flag);
      return {mode, source: 'flag'};
    }
    if (envMode) return {mode: envMode, source: 'env'};
    if (!input.isTTY) return {mode: 'off', source: 'default'};
    if (input.saved) return {mode: input.saved, source: 'saved'};
    switch (terminal) {
      case 'konsole':
      case 'apple-terminal':
      case 'mlterm':
        return {mode: 'terminal', source: 'detected'};
      case 'multiplexer':
        return {mode: 'app', source: 'default'};
      default:
        return {mode: 'app', source: 'detected'};
    }
  };
  const {mode, source} = pick();
  return {
    mode,
    source,
    terminal,
    needsCalibration: input.isTTY && (source === 'detected' || source === 'default'),
    vteExplicit: input.isTTY && mode === 'app' && terminal === 'vte-bidi',
    ...(ignoredEnv !== undefined ? {ignoredEnv} : {}),
  };
}

/** CSI 8 l: VTE shows cells as sent (explicit mode). CSI 8 h: back to implicit BiDi. */
export const CSI_BIDI_EXPLICIT = '\x1b[8l';
export const CSI_BIDI_IMPLICIT = '\x1b[8h';

/**
 * What to write to the terminal when the app starts and on every exit path (q, Ctrl+C,
 * errors, signals). Empty strings when nothing is needed. Writing `leave` twice is
 * harmless.
 */
export function terminalBidiControl(resolution: Pick<BidiModeResolution, 'vteExplicit'>): {
  enter: string;
  leave: string;
} {
  return resolution.vteExplicit
    ? {enter: CSI_BIDI_EXPLICIT, leave: CSI_BIDI_IMPLICIT}
    : {enter: '', leave: ''};
}

/**
 * Write `enter` now; returns a `leave` function that writes CSI 8 h once, however many
 * exit paths call it (q, Ctrl+C, SIGTERM, an uncaught error, process 'exit').
 */
export function enterTerminalBidi(
  write: (s: string) => void,
  resolution: Pick<BidiModeResolution, 'vteExplicit'>,
): () => void {
  const {enter, leave} = terminalBidiControl(resolution);
  if (!enter) return () => {};
  write(enter);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    write(leave);
  };
}
