export interface WrapUnit {
  /** Terminal cells. */
  width: number;
  /** A space where a line may break. */
  space: boolean;
  /** Inside an isolated LTR run (an address, a command): break there only if it cannot fit. */
  glued: boolean;
}

/** [start, end) unit ranges, one per screen line. Spaces at a break are dropped. */
export type LineRange = readonly [number, number];

/**
 * Greedy word wrap in logical order, by cell width. Words wider than the line break at
 * spaces inside isolated runs first, then between grapheme clusters.
 */
export function wrapUnits(units: readonly WrapUnit[], width: number): LineRange[] {
  if (!Number.isFinite(width)) return [[0, units.length]];
  const max = Math.max(1, Math.floor(width));
  return greedy(units, 0, units.length, max, (u) => u.space && !u.glued, true);
}

function greedy(
  units: readonly WrapUnit[],
  from: number,
  to: number,
  max: number,
  isGap: (u: WrapUnit) => boolean,
  outer: boolean,
): LineRange[] {
  const lines: LineRange[] = [];
  let lineStart = from;
  let lineEnd = from;
  let lineWidth = 0;
  let hasWord = false;
  let i = from;
  while (i < to) {
    // A gap (run of spaces), then a word.
    let gapWidth = 0;
    while (i < to && isGap(units[i]!)) gapWidth += units[i++]!.width;
    const wordStart = i;
    let wordWidth = 0;
    while (i < to && !isGap(units[i]!)) wordWidth += units[i++]!.width;
    const wordEnd = i;
    if (wordStart === wordEnd) {
      // Trailing spaces: keep them only if they fit.
      if (lineWidth + gapWidth <= max) {
        lineEnd = wordEnd;
        lineWidth += gapWidth;
      }
      break;
    }
    if (lineWidth + gapWidth + wordWidth <= max) {
      lineEnd = wordEnd;
      lineWidth += gapWidth + wordWidth;
      hasWord = true;
      continue;
    }
    // Break before this word; the gap is dropped (so is indentation that no longer fits).
    if (hasWord) lines.push([lineStart, lineEnd]);
    hasWord = true;
    if (wordWidth <= max) {
      lineStart = wordStart;
      lineEnd = wordEnd;
      lineWidth = wordWidth;
      continue;
    }
    const parts = outer
      ? greedy(units, wordStart, wordEnd, max, (u) => u.space, false)
      : hardSplit(units, wordStart, wordEnd, max);
    const last = parts.pop()!;
    lines.push(...parts);
    [lineStart, lineEnd] = last;
    lineWidth = sum(units, lineStart, lineEnd);
  }
  if (hasWord || lines.length === 0) lines.push([lineStart, lineEnd]);
  return lines;
}

function hardSplit(units: readonly WrapUnit[], from: number, to: number, max: number): LineRange[] {
  const lines: LineRange[] = [];
  let start = from;
  let w = 0;
  for (let i = from; i < to; i++) {
    const uw = units[i]!.width;
    if (w + uw > max && i > start) {
      lines.push([start, i]);
      start = i;
      w = 0;
    }
    w += uw;
  }
  lines.push([start, to]);
  return lines;
}

function sum(units: readonly WrapUnit[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += units[i]!.width;
  return w;
}
