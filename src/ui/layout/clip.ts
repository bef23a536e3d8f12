// Fit a list of lines into a height: keep the head (or the tail, for logs) and say how
// many lines were left out, so nothing is silently lost.
import type {StyledLine} from './styledLine.ts';

export interface Clipped {
  lines: StyledLine[];
  /** Lines not shown (0 when everything fits). */
  hidden: number;
}

/**
 * At most `height` lines. When cutting, one line is kept free for the caller's
 * "+N more" note. `keep: 'tail'` keeps the newest end (`fixed` lines at the top, such as
 * a table header, are always kept).
 */
export function clipLines(lines: readonly StyledLine[], height: number | undefined, keep: 'head' | 'tail' = 'head', fixed = 0): Clipped {
  if (height === undefined || lines.length <= height) return {lines: [...lines], hidden: 0};
  if (height <= 0) return {lines: [], hidden: lines.length};
  const room = Math.max(0, height - 1 - fixed);
  const head = lines.slice(0, Math.min(fixed, height));
  const body = lines.slice(fixed);
  const kept = keep === 'head' ? body.slice(0, room) : body.slice(body.length - room);
  return {lines: [...head, ...kept], hidden: body.length - kept.length};
}

/**
 * Rows of a table that fit `height` lines with its header, leaving a line for the
 * "+N more" note when some do not fit. Cut before laying out: cheaper than clipping lines.
 */
export function rowsThatFit<T>(rows: readonly T[], height: number | undefined): {rows: readonly T[]; hidden: number} {
  if (height === undefined || rows.length + 1 <= height) return {rows, hidden: 0};
  const kept = rows.slice(0, Math.max(0, height - 2));
  return {rows: kept, hidden: rows.length - kept.length};
}
