// Persian on every terminal: the React-free BiDi pipeline (DESIGN.md, issue 6).
export type {BaseDirection, BidiMode, LayoutOptions, Span} from './types.ts';
export {BIDI_MODES} from './types.ts';
export {layoutParagraph, layoutStyled, layoutText, type TextLayoutOptions} from './paragraph.ts';
export {cellWidth, fitCell, layoutCell, type CellAlign, type CellOptions} from './cell.ts';
export {isolateLtrRuns} from './isolate.ts';
export {stripLayoutControls, hasRtl} from './controls.ts';
export {
  BIDI_ENV_VAR,
  BidiModeError,
  detectTerminal,
  enterTerminalBidi,
  parseBidiMode,
  resolveBidiMode,
  terminalBidiControl,
  type BidiModeInput,
  type BidiModeResolution,
  type BidiModeSource,
  type TerminalKind,
} from './mode.ts';
