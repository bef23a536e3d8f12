let segmenter: Intl.Segmenter | null = null;

export interface Cluster {
  /** UTF-16 index of the cluster's first code unit. */
  index: number;
  text: string;
}

/**
 * Characters that are each a cluster of their own and never join the next one: printable
 * ASCII, Latin-1 letters and signs, Cyrillic letters (not its combining marks). Text of
 * only these is split without the segmenter, whose set-up costs ~10–20 ms (and most plain
 * output, English or Russian, is such text). test/bidi/graphemes.test.ts checks both agree.
 */
function alone(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x300 && c !== 0xad) || (c >= 0x400 && c < 0x483) || (c >= 0x48a && c < 0x530);
}

/** Extended grapheme clusters (a letter with its marks, a ZWNJ riding on its letter…). */
export function graphemes(text: string): Cluster[] {
  const out: Cluster[] = [];
  let simple = true;
  for (let i = 0; i < text.length && simple; i++) simple = alone(text.charCodeAt(i));
  if (simple) {
    for (let i = 0; i < text.length; i++) out.push({index: i, text: text[i]!});
    return out;
  }
  segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  for (const s of segmenter.segment(text)) out.push({index: s.index, text: s.segment});
  return out;
}
