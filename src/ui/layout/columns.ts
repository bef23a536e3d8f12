// Column widths for the aligned tables (sockets, OS view, event log). Pure, so the
// "never wider than the pane" promise is tested without rendering anything.
import {textWidth} from './text.ts';

export interface ColumnSpec {
  id: string;
  /** Narrowest useful width (an ellipsis plus a few characters). */
  min: number;
  /** Cap, so one long value does not starve the others. */
  max?: number;
  /** Lower numbers are dropped first when even the minimum widths do not fit. */
  priority: number;
  /** Rather drop this column than squeeze the others (its content is shown elsewhere too). */
  optional?: boolean;
  /** Takes whatever room is left (a sentence): counts only its minimum when deciding what to drop. */
  flex?: boolean;
  /**
   * What the lessons talk about (addresses, states): cut only after every column without
   * `keep` has shrunk to its minimum or been dropped (lowest priority first). Among kept
   * columns a lower rank is cut before a higher one.
   */
  keep?: number;
  /** A number such as a pid, or a state word: shown whole or dropped, never cut. */
  whole?: boolean;
  /** Cells its header needs to be read (the short header's width): held like a value. */
  headerMin?: number;
}

export interface ColumnPlan {
  /** One entry per spec, 0 for a dropped column. */
  widths: number[];
  /** Indexes of the columns kept, in order. */
  visible: number[];
}

/**
 * Natural width of each column is its widest cell (header included). If they all fit in
 * `width` (with `gap` cells between columns) they are used as they are. Otherwise, in
 * turn: low-priority columns go until the minimums fit; optional columns go; headers
 * wider than their values shrink to `headerMin` (a short header; the first `headerRows`
 * rows are headers); columns without `keep` give way (shrink, then drop) while a kept
 * column would be cut; then the widest columns shrink first (water-filling), columns
 * without `keep` before kept ones, lower ranks first, down to their minimum; headers are
 * cut to their values only before the highest rank shrinks.
 */
export function planColumns(specs: readonly ColumnSpec[], rows: readonly (readonly string[])[], width: number, gap = 1, headerRows = 0): ColumnPlan {
  const widest = (i: number, from: number) => {
    let w = 0;
    for (let r = from; r < rows.length; r++) w = Math.max(w, textWidth(rows[r]?.[i] ?? ''));
    return w;
  };
  // A whole column has no cap: a cap would cut it.
  const capped = (spec: ColumnSpec, w: number) => (spec.max !== undefined && !spec.whole ? Math.min(w, Math.max(spec.max, spec.min)) : w);
  const natural = specs.map((spec, i) => capped(spec, Math.max(widest(i, 0), spec.min)));
  // What the values need without their header (a long header is cut before any value).
  const bare = specs.map((spec, i) => Math.min(natural[i] ?? 0, capped(spec, Math.max(widest(i, headerRows), spec.min))));
  // …and with its header readable (the short header, when one is given).
  const values = specs.map((spec, i) => Math.min(natural[i] ?? 0, Math.max(bare[i] ?? 0, spec.headerMin ?? 0)));
  const mins = specs.map((spec, i) => (spec.whole ? (bare[i] ?? 0) : spec.min));

  let visible = specs.map((_, i) => i);
  const need = (cols: number[], ws: readonly number[]) => cols.reduce((sum, i) => sum + (ws[i] ?? 0), 0) + gap * Math.max(0, cols.length - 1);
  const byPriority = (cols: number[]) => [...cols].sort((a, b) => (specs[a]?.priority ?? 0) - (specs[b]?.priority ?? 0));

  // Drop columns until their minimums fit; always keep at least one.
  for (const drop of byPriority(visible)) {
    if (visible.length <= 1 || need(visible, mins) <= width) break;
    visible = visible.filter((i) => i !== drop);
  }

  // Optional columns go before anything is squeezed.
  const wanted = values.map((w, i) => (specs[i]?.flex ? (specs[i]?.min ?? 0) : w));
  for (const drop of byPriority(visible.filter((i) => specs[i]?.optional))) {
    if (visible.length <= 1 || need(visible, wanted) <= width) break;
    visible = visible.filter((i) => i !== drop);
  }

  // Columns without `keep` go before a kept column is cut.
  const kept = (i: number) => (specs[i]?.keep ?? 0) > 0;
  if (visible.some(kept)) {
    const floor = specs.map((spec, i) => (kept(i) ? (values[i] ?? 0) : spec.flex ? spec.min : (mins[i] ?? 0)));
    for (const drop of byPriority(visible.filter((i) => !kept(i)))) {
      if (need(visible, floor) <= width) break;
      visible = visible.filter((i) => i !== drop);
    }
  }

  const widths = specs.map(() => 0);
  for (const i of visible) widths[i] = natural[i] ?? 0;
  const budget = width - gap * Math.max(0, visible.length - 1);
  let total = visible.reduce((sum, i) => sum + (widths[i] ?? 0), 0);

  // Water-fill, tier by tier: lower the widest column of the tier one cell at a time.
  const ranks = [...new Set(visible.map((i) => specs[i]?.keep ?? 0))].sort((a, b) => a - b);
  const rank = (r: number) => ({cols: visible.filter((i) => (specs[i]?.keep ?? 0) === r), floor: mins});
  const top = ranks.at(-1) ?? 0;
  const tiers: {cols: number[]; floor: readonly number[]}[] = [
    {cols: visible, floor: values},
    // Columns without keep give way first, then the lower kept ranks (addresses, cut at
    // their start, keep their port); then a header is cut below its short form (at its
    // end) before the values of the highest rank (names, states).
    ...ranks.filter((r) => r < top).map(rank),
    {cols: visible, floor: bare},
    rank(top),
  ];
  for (const {cols, floor} of tiers) {
    while (total > budget) {
      let widest = -1;
      for (const i of cols) {
        const w = widths[i] ?? 0;
        if (w > (floor[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      total -= 1;
    }
  }
  // A single column narrower than its minimum: give it what there is.
  if (total > budget && visible.length === 1) {
    const only = visible[0] ?? 0;
    widths[only] = Math.max(0, budget);
  }
  return {widths, visible};
}
