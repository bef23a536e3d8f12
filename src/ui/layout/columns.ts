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
}

export interface ColumnPlan {
  /** One entry per spec, 0 for a dropped column. */
  widths: number[];
  /** Indexes of the columns kept, in order. */
  visible: number[];
}

/**
 * Natural width of each column is its widest cell (header included). If they all fit in
 * `width` (with `gap` cells between columns) they are used as they are; otherwise the
 * widest columns shrink first (water-filling) down to their minimum; if even the
 * minimums do not fit, low-priority columns are dropped.
 */
export function planColumns(specs: readonly ColumnSpec[], rows: readonly (readonly string[])[], width: number, gap = 1): ColumnPlan {
  const natural = specs.map((spec, i) => {
    let w = 0;
    for (const row of rows) w = Math.max(w, textWidth(row[i] ?? ''));
    w = Math.max(w, spec.min);
    return spec.max !== undefined ? Math.min(w, Math.max(spec.max, spec.min)) : w;
  });

  let visible = specs.map((_, i) => i);
  const need = (cols: number[], ws: number[]) => cols.reduce((sum, i) => sum + (ws[i] ?? 0), 0) + gap * Math.max(0, cols.length - 1);

  // Drop columns until their minimums fit; always keep at least one.
  const byPriority = [...visible].sort((a, b) => (specs[a]?.priority ?? 0) - (specs[b]?.priority ?? 0));
  const mins = specs.map((s) => s.min);
  for (const drop of byPriority) {
    if (visible.length <= 1 || need(visible, mins) <= width) break;
    visible = visible.filter((i) => i !== drop);
  }

  // Optional columns go before anything is squeezed.
  const optional = visible.filter((i) => specs[i]?.optional).sort((a, b) => (specs[a]?.priority ?? 0) - (specs[b]?.priority ?? 0));
  const wanted = natural.map((w, i) => (specs[i]?.flex ? (specs[i]?.min ?? 0) : w));
  for (const drop of optional) {
    if (visible.length <= 1 || need(visible, wanted) <= width) break;
    visible = visible.filter((i) => i !== drop);
  }

  const widths = specs.map(() => 0);
  for (const i of visible) widths[i] = natural[i] ?? 0;
  const budget = width - gap * Math.max(0, visible.length - 1);
  let total = visible.reduce((sum, i) => sum + (widths[i] ?? 0), 0);

  // Water-fill: lower the widest column one cell at a time (only to its minimum).
  while (total > budget) {
    let widest = -1;
    for (const i of visible) {
      const w = widths[i] ?? 0;
      if (w > (specs[i]?.min ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    }
    if (widest < 0) break; // only when a single kept column is wider than everything
    widths[widest] = (widths[widest] ?? 0) - 1;
    total -= 1;
  }
  // A single column narrower than its minimum: give it what there is.
  if (total > budget && visible.length === 1) {
    const only = visible[0] ?? 0;
    widths[only] = Math.max(0, budget);
  }
  return {widths, visible};
}
