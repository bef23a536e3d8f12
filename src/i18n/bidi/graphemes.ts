let segmenter: Intl.Segmenter | null = null;

export interface Cluster {
  /** UTF-16 index of the cluster's first code unit. */
  index: number;
  text: string;
}

/** Extended grapheme clusters (a letter with its marks, a ZWNJ riding on its letter…). */
export function graphemes(text: string): Cluster[] {
  segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  const out: Cluster[] = [];
  for (const s of segmenter.segment(text)) out.push({index: s.index, text: s.segment});
  return out;
}
