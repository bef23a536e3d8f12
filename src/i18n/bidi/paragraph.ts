import {layoutParagraphLines, type ParagraphLayout} from './layout.ts';
import type {LayoutOptions, Span} from './types.ts';

const NEWLINE_RE = /\r?\n/;

/**
 * Text → screen lines, left to right as a terminal draws them. Each hard line is a
 * paragraph. In app mode right-to-left paragraphs are shaped, reordered per wrapped
 * line and right-aligned to `width`; terminal and off modes only wrap (logical order).
 */
export function layoutParagraph(text: string, opts: LayoutOptions): string[] {
  const out: string[] = [];
  for (const para of text.split(NEWLINE_RE)) {
    const laid = layoutParagraphLines(para, opts);
    for (const line of laid.lines) {
      out.push(padding(laid, line.width, opts) + line.visual.map((c) => c.text).join(''));
    }
  }
  return out;
}

/**
 * Like layoutParagraph, for styled runs: returns screen lines as runs, so colour and
 * bold follow their letters through shaping and reordering. Alignment padding is
 * unstyled text at the start of the line. Styles are compared with ===.
 */
export function layoutStyled<S>(spans: readonly Span<S>[], opts: LayoutOptions): Span<S>[][] {
  const out: Span<S>[][] = [];
  for (const para of splitParagraphs(spans)) {
    const text = para.map((s) => s.text).join('');
    const styleAt = styleLookup(para);
    const laid = layoutParagraphLines(text, opts);
    for (const line of laid.lines) {
      const runs: Span<S>[] = [];
      const pad = padding(laid, line.width, opts);
      if (pad) runs.push({text: pad});
      for (const c of line.visual) {
        const style = styleAt(c.source);
        const last = runs.at(-1);
        if (last && last.style === style) {
          last.text += c.text;
        } else {
          runs.push(style === undefined ? {text: c.text} : {text: c.text, style});
        }
      }
      out.push(runs);
    }
  }
  return out;
}

function padding(laid: ParagraphLayout, lineWidth: number, opts: LayoutOptions): string {
  const width = opts.width ?? Infinity;
  if (!laid.rtl || opts.mode !== 'app' || opts.align === false || !Number.isFinite(width)) return '';
  return ' '.repeat(Math.max(0, Math.floor(width) - lineWidth));
}

function splitParagraphs<S>(spans: readonly Span<S>[]): Span<S>[][] {
  const paras: Span<S>[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split(NEWLINE_RE);
    parts.forEach((part, i) => {
      if (i > 0) paras.push([]);
      if (part) paras.at(-1)!.push({text: part, style: span.style});
    });
  }
  return paras;
}

function styleLookup<S>(spans: readonly Span<S>[]): (index: number) => S | undefined {
  const ends: number[] = [];
  let pos = 0;
  for (const s of spans) ends.push((pos += s.text.length));
  return (index) => {
    if (index < 0) return undefined;
    // Binary search: the first span ending after index.
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > index) hi = mid;
      else lo = mid + 1;
    }
    return spans[lo]?.style;
  };
}

export interface TextLayoutOptions {
  /** The UI language: only right-to-left languages are reordered. */
  rtl: boolean;
  mode: LayoutOptions['mode'];
  width?: number | undefined;
}

/**
 * Screen lines for prose in any of our languages, the same decision BidiText makes:
 * Persian goes through layoutParagraph (a paragraph without strong letters counts as
 * right-to-left), English and Russian are only wrapped. For plain output (`lesson ID
 * --auto`, repl transcripts) so a pipe in app mode receives what the screen would show.
 */
export function layoutText(text: string, opts: TextLayoutOptions): string[] {
  return opts.rtl
    ? layoutParagraph(text, {mode: opts.mode, width: opts.width, defaultDirection: 'rtl'})
    : layoutParagraph(text, {mode: 'off', width: opts.width});
}
