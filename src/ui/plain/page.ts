// Plain output meets the page: every line a command prints without Ink (help, list,
// lint, --auto's summary, error messages) goes through here, so in app mode Persian is
// shaped and reordered as on the screen, and never reaches the terminal in logical order.
import {layoutText, type BidiMode} from '../../i18n/bidi/index.ts';
import {isRtl} from '../../i18n/languages.ts';

export interface PageLayout {
  bidi: BidiMode;
  /** The text's language is right-to-left (Persian). */
  rtl: boolean;
  /** Terminal cells; undefined: no wrapping (and no right alignment). */
  width?: number | undefined;
}

export function pageFor(lng: string, bidi: BidiMode, width?: number): PageLayout {
  return {bidi, rtl: isRtl(lng.split('-')[0] ?? lng), width};
}

/**
 * Screen lines for text with hard newlines. A line's indent stays on its start side: on
 * the left, or, for a right-aligned Persian line, as room left at the right edge.
 */
export function pageLines(text: string, page: PageLayout): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const [, lead = '', body = ''] = /^(\s*)(.*)$/s.exec(line) ?? [];
    if (body === '') return [''];
    const width = page.width === undefined ? undefined : Math.max(10, page.width - lead.length);
    const mirrored = page.rtl && page.bidi === 'app' && width !== undefined;
    return layoutText(body, {rtl: page.rtl, mode: page.bidi, width}).map((l) => (mirrored ? l : lead + l).trimEnd());
  });
}

/** pageLines, each ended with a newline: ready to write. */
export function pageText(text: string, page: PageLayout): string {
  return pageLines(text, page)
    .map((l) => `${l}\n`)
    .join('');
}
