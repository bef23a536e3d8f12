// This app's sockets: name, protocol, role, local and remote address, state.
import {memo} from 'react';
import {Box} from 'ink';
import type {SocketInfo} from '../../lab/types.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {rowsThatFit} from '../layout/clip.ts';
import {noteLine, type PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn} from '../layout/table.ts';
import {endpointText} from './endpointText.ts';
import {Lines} from './Line.tsx';

export interface SocketTableProps {
  sockets: readonly SocketInfo[];
  /** Cells available (the pane's inner width). */
  width: number;
  /** Rows available; extra sockets become a "+N more lines" note. */
  height?: number;
  /** Name of the socket to mark as the newest change. */
  newest?: string;
}

export function socketTableLines({sockets, width, height, newest}: SocketTableProps, ctx: PaneContext): StyledLine[] {
  const {t, theme} = ctx;
  if (sockets.length === 0) return [noteLine(ctx, t('table.empty'), width)];
  // Everything but the role is kept whole as long as the role can give way; then the
  // addresses are cut first, at their start, so the port stays.
  // A state word is never cut (whole): it goes, last of all but the name, if it cannot fit.
  const column = (id: string, spec: Omit<TableColumn, 'id' | 'header' | 'short'>): TableColumn => ({id, header: t(`table.${id}`), short: t(`tableShort.${id}`), ...spec});
  const columns: TableColumn[] = [
    column('name', {min: 4, max: 18, priority: 9, keep: 2}),
    column('protocol', {min: 3, max: 8, priority: 5, keep: 2}),
    // The symbol before the name says the role too: this column goes first when narrow.
    column('role', {min: 4, max: 14, priority: 3, optional: true}),
    column('local', {min: 7, max: 40, priority: 8, cut: 'start', keep: 1}),
    column('remote', {min: 7, max: 40, priority: 7, cut: 'start', keep: 1}),
    column('state', {min: 4, priority: 8, keep: 2, whole: true}),
  ];
  // Datagrams the kernel dropped (a full receive buffer): a column only once there are any.
  const drops = sockets.some((s) => (s.dropped ?? 0) > 0);
  // A count is never cut (a cut number says another number): it goes whole or not at all.
  if (drops) columns.push(column('dropped', {min: 3, max: 12, priority: 5, align: 'end', keep: 2, whole: true}));
  const rows = sockets.map((s) => {
    // The role symbol leads the name, so it survives when the role column is dropped.
    const mark = s.name === newest ? theme.symbols.newest : theme.symbols[s.role];
    const cells = [`${mark} ${s.name}`, t(`protocol.${s.protocol}`), t(`role.${s.role}`), endpointText(s.local), endpointText(s.remote), t(`state.${s.state}`)];
    if (drops) cells.push(s.dropped ? t('table.droppedCount', {count: s.dropped}) : '');
    return {
      cells,
      role: s.name === newest ? ('newest' as const) : s.state === 'closed' ? ('muted' as const) : s.role,
      ...(s.dropped ? {cellRoles: [...cells.slice(1).map(() => undefined), 'error' as const]} : {}),
    };
  });
  const fitting = rowsThatFit(rows, height);
  const lines = tableLines(columns, fitting.rows, width, ctx.text);
  if (fitting.hidden > 0) lines.push(noteLine(ctx, t('pane.more', {count: fitting.hidden}), width));
  return height === undefined ? lines : lines.slice(0, height);
}

// Redrawn only when its props change (a flood updates the log, not the other panes).
export const SocketTable = memo(function SocketTable(props: SocketTableProps) {
  const ctx = usePaneContext();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={socketTableLines(props, ctx)} />
    </Box>
  );
});
