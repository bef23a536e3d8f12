/** What rule L1 needs to know about a unit (a grapheme cluster). */
export type L1Class = 'other' | 'space' | 'separator';

/**
 * UAX #9 rules L1 and L2 for one line, on grapheme clusters: reset trailing whitespace
 * (and isolate/format controls) and separators to the paragraph level, then reverse runs
 * from the highest level down to the lowest odd level. Returns unit indices in visual
 * order, plus the levels after L1.
 */
export function reorderLine(
  levels: readonly number[],
  classes: readonly L1Class[],
  paragraphLevel: number,
): {order: number[]; levels: number[]} {
  const n = levels.length;
  const lv = levels.slice();
  let trailing = true;
  for (let i = n - 1; i >= 0; i--) {
    const c = classes[i];
    if (c === 'separator') {
      lv[i] = paragraphLevel;
      trailing = true;
    } else if (c === 'space') {
      if (trailing) lv[i] = paragraphLevel;
    } else {
      trailing = false;
    }
  }

  const order = Array.from({length: n}, (_, i) => i);
  let highest = 0;
  let lowestOdd = Infinity;
  for (const l of lv) {
    if (l > highest) highest = l;
    if (l % 2 === 1 && l < lowestOdd) lowestOdd = l;
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < n; ) {
      if (lv[order[i]!]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && lv[order[j]!]! >= level) j++;
      reverse(order, i, j);
      i = j;
    }
  }
  return {order, levels: lv};
}

function reverse(a: number[], from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
