// Aligned tables as styled lines: a header, then one line per row, every cell cut with …
// to its column and never wrapped. Shared by the socket table, the OS view and the log.
// On a right-to-left screen the columns run right to left.
import type {ColourRole} from '../theme.ts';
import {planColumns, type ColumnSpec} from './columns.ts';
import {fitLine, type StyledLine} from './styledLine.ts';
import {textWidth} from './text.ts';
import {plainLayout, type TextLayout} from './textLayout.ts';

export interface TableColumn extends ColumnSpec {
  header: string;
  /** A shorter header (from the locales) for a column narrower than `header`. */
  short?: string;
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
  const {specs, cells} = planInput(columns, rows);
  const plan = planColumns(specs, cells, width, GAP, 1);
  const order = text.mirror ? [...plan.visible].reverse() : plan.visible;
  const line = (cells: readonly string[], rowRole: ColourRole | undefined, cellRoles?: readonly (ColourRole | undefined)[], header = false): StyledLine => {
    const out: StyledLine = [];
    order.forEach((col, n) => {
      const spec = columns[col]!;
      const w = plan.widths[col] ?? 0;
      if (n > 0) out.push({text: ' '.repeat(GAP)});
      // A header is never cut from its start (…DDRESS): the short word, then an end cut.
      const cell = header
        ? text.cell(headerText(spec, w), w, {align: spec.align ?? 'start', cut: 'end'})
        : text.cell(cells[col] ?? '', w, {align: spec.align ?? 'start', cut: spec.cut ?? 'end'});
      const role = cellRoles?.[col] ?? rowRole;
      out.push(role ? {text: cell, role} : {text: cell});
    });
    return fitLine(out, width, text.mirror);
  };
  return [
    line(
      columns.map((c) => c.header),
      'muted',
      undefined,
      true,
    ),
    ...rows.map((r) => line(r.cells, r.role, r.cellRoles)),
  ];
}

function headerText(column: TableColumn, width: number): string {
  if (textWidth(column.header) <= width || column.short === undefined) return column.header;
  return column.short;
}

function planInput(columns: readonly TableColumn[], rows: readonly TableRow[]) {
  const specs = columns.map((c) => ({...c, headerMin: textWidth(c.short ?? c.header)}));
  return {specs, cells: [columns.map((c) => c.header), ...rows.map((r) => r.cells)]};
}

/** Cells a table needs to show every cell whole (for output that is not cut to a width). */
export function naturalWidth(columns: readonly TableColumn[], rows: readonly TableRow[]): number {
  const {specs, cells} = planInput(columns, rows);
  const plan = planColumns(specs, cells, Number.MAX_SAFE_INTEGER, GAP, 1);
  return plan.visible.reduce((sum, i) => sum + (plan.widths[i] ?? 0), 0) + GAP * Math.max(0, plan.visible.length - 1);
}
