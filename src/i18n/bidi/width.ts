import stringWidth from 'string-width';

// string-width is exact but slow per call (emoji regexes); layout asks it about the
// same few dozen clusters over and over, so remember the answers.
const cache = new Map<string, number>();
const MAX_ENTRIES = 4096;

/** Terminal cells taken by one grapheme cluster. */
export function clusterWidth(cluster: string): number {
  let w = cache.get(cluster);
  if (w === undefined) {
    w = stringWidth(cluster);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(cluster, w);
  }
  return w;
}
