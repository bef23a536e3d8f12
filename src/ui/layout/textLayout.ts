// How text becomes screen cells in the current BiDi mode. Panes build every cell and
// note through this, so Persian is shaped and reordered (app mode) cell by cell, and a
// right-to-left screen mirrors its tables and bars; English and Russian (and the
// terminal/off modes) keep plain left-to-right cells.
import {fitCell, hasRtl, layoutParagraph, type BidiMode} from '../../i18n/bidi/index.ts';
import {isRtl} from '../../i18n/languages.ts';
import {ELLIPSIS, fit, memo, textWidth, wrapText, type FitOptions} from './text.ts';

export interface TextLayout {
  /** Right-to-left screen laid out by us: columns and bar items run right to left, lines are right-aligned. */
  mirror: boolean;
  /** Exactly `width` cells in screen order. */
  cell(text: string, width: number, options?: FitOptions): string;
  /** Screen lines of at most `width` cells (right-aligned to `width` when right-to-left). */
  wrap(text: string, width: number): string[];
}

export const plainLayout: TextLayout = {mirror: false, cell: fit, wrap: wrapText};

/**
 * A cell of text with Persian in it, in app mode: the beginning of the text always shows;
 * a cut is marked with … at the logical end (the left edge of a right-to-left line).
 */
function bidiCell(text: string, width: number, mode: BidiMode, rtl: boolean): string {
  if (width <= 0) return '';
  // A cell takes its table's direction, as in a browser: a Persian name in a Russian
  // table reads right to left inside a cell that starts, like its column, at the left.
  const direction = rtl ? 'rtl' : 'ltr';
  const flat = text.replace(/\r?\n/g, ' ');
  const whole = layoutParagraph(flat, {mode, width: Infinity, direction, align: false});
  const first = whole[0] ?? '';
  if (whole.length <= 1 && textWidth(first) <= width) return fitCell(first, width, rtl ? 'right' : 'left');
  const cut = layoutParagraph(flat, {mode, width: Math.max(1, width - 1), direction, align: false})[0] ?? '';
  return rtl ? fitCell(ELLIPSIS + cut.trimStart(), width, 'right') : fitCell(cut.trimEnd() + ELLIPSIS, width, 'left');
}

// Shaping and reordering are the expensive part of a frame: memoise per cell.
const bidiCellCached = memo((key: string) => {
  const [text, width, mode, rtl] = JSON.parse(key) as [string, number, BidiMode, boolean];
  return bidiCell(text, width, mode, rtl);
});

export function textLayout(settings: {mode: BidiMode; language: string}): TextLayout {
  return directedLayout(settings.mode, isRtl(settings.language.split('-')[0] ?? ''));
}

/** The layout for a screen (or page) in a language of this direction: for plain output, which knows only that. */
export function directedLayout(mode: BidiMode, rtl: boolean): TextLayout {
  const app = mode === 'app';
  const rtlScreen = app && rtl;
  if (!app) return plainLayout;
  return {
    mirror: rtlScreen,
    cell(text, width, options = {}) {
      if (!hasRtl(text)) return fit(text, width, rtlScreen ? {...options, align: 'end'} : options);
      return bidiCellCached(JSON.stringify([text, width, mode, rtlScreen]));
    },
    wrap(text, width) {
      if (!rtlScreen && !hasRtl(text)) return wrapText(text, width);
      return layoutParagraph(text, {mode, width, direction: rtlScreen ? 'rtl' : 'auto', defaultDirection: 'rtl', align: rtlScreen});
    },
  };
}
