// Width-exact text helpers. Every pane is laid out by us in terminal cells (not by
// letting ink wrap), so a line can never spill past a border: we measure with
// string-width, cut at grapheme boundaries and mark every cut with an ellipsis.
import stringWidth from 'string-width';

export const ELLIPSIS = '…';

// Made at first use: building one costs ~20 ms, which commands that cut nothing never pay.
let segmenter: Intl.Segmenter | undefined;

// Panes redraw the same cells up to 30 times a second: measuring is the hot path, so
// widths (and fitted cells, below) are memoised in small caches that are simply
// emptied when full.
const CACHE_LIMIT = 4096;

export function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

const measure = memo((text: string) => stringWidth(text));

export function textWidth(text: string): number {
  // Plain ASCII is one cell per character: no need to ask string-width.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : measure(text);
}

function graphemes(text: string): string[] {
  return Array.from((segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text), (s) => s.segment);
}

/** Cut to at most `width` cells, ending (or, with from: 'start', beginning) with … when cut. */
export function truncate(text: string, width: number, from: 'end' | 'start' = 'end'): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  if (width === 1) return ELLIPSIS;
  const parts = graphemes(text);
  if (from === 'start') parts.reverse();
  let kept = '';
  let used = 0;
  for (const part of parts) {
    const w = textWidth(part);
    if (used + w > width - 1) break;
    kept = from === 'start' ? part + kept : kept + part;
    used += w;
  }
  return from === 'start' ? ELLIPSIS + kept : kept + ELLIPSIS;
}

export interface FitOptions {
  align?: 'start' | 'end' | 'center';
  /** Which end is cut when the text is too wide: keep the port of "127.0.0.1:5000" with 'start'. */
  cut?: 'end' | 'start';
  fill?: string;
}

const fitCached = memo((key: string) => {
  const [text, width, align, cut, fill] = JSON.parse(key) as [string, number, FitOptions['align'], FitOptions['cut'], string];
  return fitNow(text, width, {align, cut, fill});
});

/** Exactly `width` cells: truncated with … and padded. */
export function fit(text: string, width: number, options: FitOptions = {}): string {
  if (width <= 0) return '';
  return fitCached(JSON.stringify([text, width, options.align ?? 'start', options.cut ?? 'end', options.fill ?? ' ']));
}

function fitNow(text: string, width: number, options: FitOptions): string {
  const cut = truncate(text, width, options.cut ?? 'end');
  const gap = width - textWidth(cut);
  if (gap <= 0) return cut;
  const fill = options.fill ?? ' ';
  switch (options.align ?? 'start') {
    case 'end':
      return fill.repeat(gap) + cut;
    case 'center': {
      const left = Math.floor(gap / 2);
      return fill.repeat(left) + cut + fill.repeat(gap - left);
    }
    default:
      return cut + fill.repeat(gap);
  }
}

/** Greedy word wrap to `width` cells; words longer than a line are cut at graphemes. */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (stringWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (stringWidth(rest) > width) {
      let head = '';
      for (const g of graphemes(rest)) {
        if (stringWidth(head + g) > width) break;
        head += g;
      }
      if (head === '') break; // a grapheme wider than the line: give up on this word
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = stringWidth(rest) <= width ? rest : '';
  }
  if (line !== '') lines.push(line);
  return lines;
}
