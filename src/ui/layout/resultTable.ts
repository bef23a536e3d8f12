// The `sockets` and `os` answers (a table of cells from the formatter) as aligned screen
// lines, with the panes' table machinery: mirrored on a right-to-left screen, each cell
// laid out for BiDi on its own, cut with … instead of wrapped. The prose pane, the REPL
// transcript and plain output in app mode all draw them through here, so they agree.
import type {TableColumnId, TextTable} from '../format/table.ts';
import type {ColourRole} from '../theme.ts';
import {plain, type StyledLine} from './styledLine.ts';
import {naturalWidth, tableLines, type TableColumn} from './table.ts';
import type {TextLayout} from './textLayout.ts';

// Names, protocols, addresses and states are what the lessons talk about: they are cut
// last (keep), the addresses first among them (cut at the start, they keep their port);
// a state word is never cut at all (whole).
// The role (said by the state too) and the process give way before any of them.
const SPECS: Record<TableColumnId, Omit<TableColumn, 'id' | 'header'>> = {
  name: {min: 4, max: 18, priority: 9, keep: 2},
  protocol: {min: 3, max: 8, priority: 5, keep: 2},
  role: {min: 4, max: 14, priority: 3, optional: true},
  state: {min: 4, priority: 6, keep: 2, whole: true},
  // Six cells still show a port (…54001, …:5000).
  local: {min: 6, max: 40, priority: 8, keep: 1, cut: 'start'},
  remote: {min: 6, max: 40, priority: 7, keep: 1, cut: 'start'},
  osState: {min: 5, priority: 8, keep: 2, whole: true},
  // "pid/program": a cut pid would name another process, so it is whole or dropped.
  process: {min: 4, max: 24, priority: 4, whole: true},
};

/** Header (muted) and rows, each exactly `width` cells; without a width, as wide as every cell needs. */
export function resultTableLines(table: TextTable, width: number | undefined, text: TextLayout, role?: ColourRole): StyledLine[] {
  const columns = table.columns.map((c): TableColumn => ({id: c.id, header: c.header, short: c.short, ...SPECS[c.id]}));
  const rows = table.rows.map((cells) => (role ? {cells, role} : {cells}));
  return tableLines(columns, rows, width ?? naturalWidth(columns, rows), text);
}

/** The same lines as text, for plain output. */
export function resultTableText(table: TextTable, width: number | undefined, text: TextLayout): string[] {
  return resultTableLines(table, width, text).map(plain);
}
