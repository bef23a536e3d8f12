import stringWidth from 'string-width';
import {graphemes} from './graphemes.ts';
import {clusterWidth} from './width.ts';
import {layoutParagraphLines, type ParagraphLayout} from './layout.ts';
import type {BidiMode} from './types.ts';

export type CellAlign = 'left' | 'right' | 'center';

const ELLIPSIS = '…';

/** Terminal cells a string takes: ZWNJ, ZWJ, vowel marks and controls take none. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Pad (or cut, with an ellipsis at the end) an already laid-out string to exactly
 * `width` cells. For Persian cells use layoutCell, which cuts in logical order.
 */
export function fitCell(text: string, width: number, align: CellAlign = 'left'): string {
  const w = Math.max(0, Math.floor(width));
  let s = text;
  let sw = cellWidth(s);
  if (sw > w) {
    s = cutToWidth(s, Math.max(0, w - 1)) + (w > 0 ? ELLIPSIS : '');
    sw = cellWidth(s);
  }
  const room = Math.max(0, w - sw);
  if (align === 'right') return ' '.repeat(room) + s;
  if (align === 'center') return ' '.repeat(room >> 1) + s + ' '.repeat(room - (room >> 1));
  return s + ' '.repeat(room);
}

export interface CellOptions {
  mode: BidiMode;
  /** Default: 'right' for right-to-left text in app mode, else 'left'. */
  align?: CellAlign | undefined;
  /** A table in a Persian screen: a cell with no strong letter (a port) is still RTL. */
  defaultDirection?: 'ltr' | 'rtl' | undefined;
}

/**
 * One table cell: a single screen line exactly `width` cells wide. Text too long is cut
 * at its logical end (the left edge for Persian), so the beginning always shows.
 */
export function layoutCell(text: string, width: number, opts: CellOptions): string {
  const w = Math.max(0, Math.floor(width));
  const base = {mode: opts.mode, defaultDirection: opts.defaultDirection};
  const flat = text.replace(/\r?\n/g, ' ');
  const full = layoutParagraphLines(flat, base);
  let line = visualText(full);
  if (cellWidth(line) > w) {
    let keep = cutToWidth(flat, Math.max(0, w - 1));
    // Cutting the logical text can change shaping (a lam-alef split): check the result.
    for (;;) {
      line = visualText(layoutParagraphLines(keep.trimEnd() + (w > 0 ? ELLIPSIS : ''), base));
      if (cellWidth(line) <= w || keep === '') break;
      keep = dropLastCluster(keep);
    }
  }
  return fitCell(line, w, opts.align ?? (full.rtl ? 'right' : 'left'));
}

function visualText(laid: ParagraphLayout): string {
  return laid.lines.map((l) => l.visual.map((c) => c.text).join('')).join(' ');
}

function cutToWidth(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const c of graphemes(text)) {
    const cw = clusterWidth(c.text);
    if (w + cw > width) break;
    out += c.text;
    w += cw;
  }
  return out;
}

function dropLastCluster(text: string): string {
  const cs = graphemes(text);
  return cs.length ? text.slice(0, cs.at(-1)!.index) : '';
}
