// Aligned tables as styled lines: a header, then one line per row, every cell cut with …
// to its column and never wrapped. Shared by the socket table, the OS view and the log.
// On a right-to-left screen the columns run right to left.
import type {ColourRole} from '../theme.ts';
import {planColumns, type ColumnSpec} from './columns.ts';
import {fitLine, type StyledLine} from './styledLine.ts';
import {plainLayout, type TextLayout} from './textLayout.ts';

export interface TableColumn extends ColumnSpec {
  header: string;
  align?: 'start' | 'end';
  /** 'start' keeps the end of the value (the port of an address). */
  cut?: 'end' | 'start';
}

export interface TableRow {
  cells: readonly string[];
  role?: ColourRole;
  /** Per-cell roles, overriding the row's. */
  cellRoles?: readonly (ColourRole | undefined)[];
}

export const GAP = 2;

/** Header plus rows, each exactly `width` cells. */
export function tableLines(columns: readonly TableColumn[], rows: readonly TableRow[], width: number, text: TextLayout = plainLayout): StyledLine[] {
  const plan = planColumns(
    columns,
    [columns.map((c) => c.header), ...rows.map((r) => r.cells)],
    width,
    GAP,
    1,
  );
  const order = text.mirror ? [...plan.visible].reverse() : plan.visible;
  const line = (cells: readonly string[], rowRole: ColourRole | undefined, cellRoles?: readonly (ColourRole | undefined)[]): StyledLine => {
    const out: StyledLine = [];
    order.forEach((col, n) => {
      const spec = columns[col]!;
      if (n > 0) out.push({text: ' '.repeat(GAP)});
      const cell = text.cell(cells[col] ?? '', plan.widths[col] ?? 0, {align: spec.align ?? 'start', cut: spec.cut ?? 'end'});
      const role = cellRoles?.[col] ?? rowRole;
      out.push(role ? {text: cell, role} : {text: cell});
    });
    return fitLine(out, width, text.mirror);
  };
  return [
    line(
      columns.map((c) => c.header),
      'muted',
    ),
    ...rows.map((r) => line(r.cells, r.role, r.cellRoles)),
  ];
}

/** Cells a table needs to show every cell whole (for output that is not cut to a width). */
export function naturalWidth(columns: readonly TableColumn[], rows: readonly TableRow[]): number {
  const plan = planColumns(columns, [columns.map((c) => c.header), ...rows.map((r) => r.cells)], Number.MAX_SAFE_INTEGER, GAP, 1);
  return plan.visible.reduce((sum, i) => sum + (plan.widths[i] ?? 0), 0) + GAP * Math.max(0, plan.visible.length - 1);
}
