// The `sockets` and `os` answers as tables: a header and rows of cells, as data. Screens
// lay them out cell by cell (src/ui/layout/resultTable.ts), so a right-to-left screen can
// mirror the columns; plain output joins them into padded text lines (tableText).

import stringWidth from 'string-width';
import type {OsView, SocketInfo} from '../../lab/types.ts';
import {endpointText} from './text.ts';
import type {Translate} from './translate.ts';

/** What a column holds: layouts pick widths and what gives way first by it. */
export type TableColumnId = 'name' | 'protocol' | 'role' | 'state' | 'local' | 'remote' | 'osState' | 'process';

export interface TextTable {
  /** `short`: the header in fewer cells, for a column that must shrink. */
  columns: readonly {id: TableColumnId; header: string; short: string}[];
  /** One cell per column, in the columns' order. */
  rows: readonly (readonly string[])[];
}

/** Rows of cells → lines, each column padded to its widest cell (display width), two spaces apart. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}

/** The table as left-to-right text lines (logical order, copyable): header first. */
export function tableText(table: TextTable): string[] {
  return columns([table.columns.map((c) => c.header), ...table.rows]);
}

function header(ids: readonly TableColumnId[], t: Translate): TextTable['columns'] {
  return ids.map((id) => ({id, header: t(`commands:table.${id}`), short: t(`commands:tableShort.${id}`)}));
}

/** Undefined when there are no sockets (the caller says so in words). */
export function socketTable(sockets: readonly SocketInfo[], t: Translate): TextTable | undefined {
  if (sockets.length === 0) return undefined;
  const rows = sockets.map((s) => [
    s.name,
    s.protocol,
    t(`commands:role.${s.role}`),
    t(`commands:state.${s.state}`),
    s.local ? endpointText(s.local, t) : s.requestedLocal ? `(${s.requestedLocal.host}:${s.requestedLocal.port})` : '-',
    s.remote ? endpointText(s.remote, t) : '-',
  ]);
  return {columns: header(['name', 'protocol', 'role', 'state', 'local', 'remote'], t), rows};
}

/** Undefined when the view is unavailable or empty (the caller says so in words). */
export function osTable(view: OsView, t: Translate): TextTable | undefined {
  if (!view.available || view.sockets.length === 0) return undefined;
  const rows = view.sockets.map((s) => [
    s.protocol,
    endpointText(s.local, t),
    s.remote ? endpointText(s.remote, t) : '-',
    s.state,
    s.pid === undefined ? '-' : `${s.pid}${s.program ? `/${s.program}` : ''}`,
  ]);
  return {columns: header(['protocol', 'local', 'remote', 'osState', 'process'], t), rows};
}
