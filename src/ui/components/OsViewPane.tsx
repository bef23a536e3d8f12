// What the kernel sees: protocol, local, remote, state, pid, program, other processes'
// sockets included. The truth next to the app's own table.
import {memo} from 'react';
import {Box} from 'ink';
import type {OsSocket, OsView} from '../../lab/types.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {rowsThatFit} from '../layout/clip.ts';
import {noteLine, noteLines, type PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn, type TableRow} from '../layout/table.ts';
import type {ColourRole, Symbols} from '../theme.ts';
import {endpointPort, endpointText} from './endpointText.ts';
import {Lines} from './Line.tsx';

export interface OsViewPaneProps {
  /** undefined while the first read is on its way. */
  view: OsView | undefined;
  width: number;
  height?: number;
  /** Only rows whose local or remote port is one of these (the lesson's ports); all when omitted. */
  ports?: readonly number[];
  /** This app's pid, so its rows say "this app". */
  ownPid?: number;
}

function kind(s: OsSocket): {role: ColourRole; symbol: keyof Symbols} {
  if (s.state === 'LISTEN') return {role: 'passive', symbol: 'passive'};
  if (s.protocol.startsWith('udp')) return {role: 'datagram', symbol: 'datagram'};
  if (s.state === 'ESTABLISHED') return {role: 'active', symbol: 'active'};
  // TIME_WAIT, CLOSE_WAIT, FIN_WAIT…: an active socket on its way out.
  return {role: 'muted', symbol: 'active'};
}

export function osViewLines({view, width, height, ports, ownPid}: OsViewPaneProps, ctx: PaneContext): StyledLine[] {
  const {t, theme} = ctx;
  if (view === undefined) return [noteLine(ctx, t('os.loading'), width)];
  if (!view.available) {
    return [noteLine(ctx, `${theme.symbols.error} ${t('os.unavailable')}`, width, 'error'), ...noteLines(ctx, t('os.reason', {reason: view.reason}), width)].slice(0, height);
  }
  const wanted = ports && new Set(ports);
  const shown = wanted ? view.sockets.filter((s) => wanted.has(endpointPort(s.local) ?? -1) || wanted.has(endpointPort(s.remote) ?? -1)) : view.sockets;
  if (shown.length === 0) return [noteLine(ctx, t('os.empty'), width)];
  // Addresses and the state are what the lessons talk about: the program, then the pid
  // (never cut: a cut pid names another process) give way first; then the addresses are
  // cut before the state, at their start, so the port stays.
  // The state (as the kernel spells it) is never cut: whole, like the pid and the program.
  const column = (id: string, spec: Omit<TableColumn, 'id' | 'header' | 'short'>): TableColumn => ({id, header: t(`os.${id}`), short: t(`osShort.${id}`), ...spec});
  const columns: TableColumn[] = [
    column('protocol', {min: 3, max: 8, priority: 6, keep: 2}),
    column('local', {min: 7, max: 40, priority: 9, cut: 'start', keep: 1}),
    column('remote', {min: 7, max: 40, priority: 7, cut: 'start', keep: 1}),
    column('state', {min: 5, priority: 8, keep: 2, whole: true}),
    column('pid', {min: 3, max: 8, priority: 5, align: 'end', whole: true}),
    // A cut name could be another program's: the program too is whole or gone (the pid stays).
    column('program', {min: 4, max: 20, priority: 4, whole: true}),
  ];
  const rows: TableRow[] = shown.map((s) => {
    const k = kind(s);
    const mine = ownPid !== undefined && s.pid === ownPid;
    return {
      cells: [
        s.protocol,
        endpointText(s.local),
        endpointText(s.remote),
        // Kernel state names stay as the kernel (and `ss`, `netstat`) spell them.
        `${theme.symbols[k.symbol]} ${s.state}`,
        s.pid === undefined ? '—' : String(s.pid),
        mine ? t('os.thisApp') : (s.program ?? '—'),
      ],
      role: k.role,
    };
  });
  const fitting = rowsThatFit(rows, height);
  const lines = tableLines(columns, fitting.rows, width, ctx.text);
  if (fitting.hidden > 0) lines.push(noteLine(ctx, t('pane.more', {count: fitting.hidden}), width));
  return height === undefined ? lines : lines.slice(0, height);
}

// Redrawn only when its props change (a flood updates the log, not the other panes).
export const OsViewPane = memo(function OsViewPane(props: OsViewPaneProps) {
  const ctx = usePaneContext();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={osViewLines(props, ctx)} />
    </Box>
  );
});
