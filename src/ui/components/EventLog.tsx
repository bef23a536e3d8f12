// The event log: ms since the lab started, socket, event, details. Newest at the
// bottom, marked ▶ (and coloured); floods appear as "+1,200 datagrams sent" rows.
import {memo} from 'react';
import {Box} from 'ink';
import type {EventLogState, LogRow} from '../hooks/eventLog.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {noteLine, type PaneContext} from '../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn} from '../layout/table.ts';
import {rowCells} from './eventText.ts';
import {Lines} from './Line.tsx';

export interface EventLogProps {
  log: EventLogState;
  /** Cells available (the pane's inner width). */
  width: number;
  /** Lines available. Without it every row is drawn. */
  height?: number;
  /** Rows scrolled back from the newest (PgUp); 0 follows the newest. */
  scroll?: number;
  /** Slow motion: events waiting for Space. */
  held?: number;
  /** Presenter mode: the newest event also gets a large framed callout. */
  presenter?: boolean;
}

const CALLOUT_HEIGHT = 4;

function columns({t}: PaneContext): TableColumn[] {
  return [
    {id: 'time', header: t('log.time'), min: 4, max: 10, priority: 5, align: 'end'},
    // Dropped first when narrow: the details sentence names the socket too.
    {id: 'socket', header: t('log.socket'), min: 3, max: 14, priority: 4, optional: true},
    {id: 'event', header: t('log.event'), min: 4, max: 10, priority: 7},
    {id: 'details', header: t('log.details'), min: 28, priority: 9, flex: true},
  ];
}

function tableRows(rows: readonly LogRow[], newestKey: number | undefined, {t, theme}: PaneContext) {
  return rows.map((row) => {
    const c = rowCells(row, t);
    const newest = row.key === newestKey;
    // Colour never alone: the newest row has ▶, an error ✗, a flood its "+N".
    const mark = newest ? theme.symbols.newest : ' ';
    return {
      cells: [`${mark} ${c.time}`, c.socket, c.name, c.error ? `${theme.symbols.error} ${c.details}` : c.details],
      role: newest ? ('newest' as const) : c.error ? ('error' as const) : row.kind === 'flood' ? ('datagram' as const) : undefined,
    };
  });
}

/** A heavy frame around the newest event, for the back row of a lecture hall. */
function callout(row: LogRow, width: number, ctx: PaneContext): StyledLine[] {
  const c = rowCells(row, ctx.t);
  const inner = Math.max(0, width - 4);
  const bar = '━'.repeat(Math.max(0, width - 2));
  const body = (text: string): StyledLine => fitLine([{text: `┃ ${ctx.text.cell(text, inner)} ┃`, role: 'newest'}], width);
  return [
    fitLine([{text: `┏${bar}┓`, role: 'newest'}], width),
    body(`${ctx.theme.symbols.newest} ${c.time}  ${c.socket}  ${c.name}`),
    body(c.details),
    fitLine([{text: `┗${bar}┛`, role: 'newest'}], width),
  ];
}

export function eventLogLines({log, width, height, scroll = 0, held = 0, presenter = false}: EventLogProps, ctx: PaneContext): StyledLine[] {
  const {t, theme} = ctx;
  const footer: StyledLine[] = [];
  if (held > 0) footer.push(noteLine(ctx, `${theme.symbols.newest} ${t('log.held', {count: held})}`, width, 'newest'));

  if (log.rows.length === 0) return [noteLine(ctx, t('log.empty'), width), ...footer].slice(0, height);

  const newest = log.rows.find((r) => r.key === log.newestKey);
  const showCallout = presenter && scroll === 0 && newest !== undefined && width >= 12 && (height === undefined || height >= CALLOUT_HEIGHT + 3);
  if (showCallout) footer.push(...callout(newest, width, ctx));

  // Window over the rows, counted back from the newest; the "↑ more" and "↓ more"
  // notes take lines too, so the oldest shown rows give way to them. Only the rows in
  // the window are laid out: a 500-row log costs a pane's worth of cells per frame.
  const total = log.rows.length;
  const room = height === undefined ? Infinity : Math.max(0, height - 1 - footer.length);
  const back = Math.min(Math.max(0, scroll), Math.max(0, total - room));
  const end = total - back;
  let start = Math.max(0, end - room);
  const below = back > 0;
  const above = () => start > 0 || log.dropped > 0;
  while (start < end && end - start + (above() ? 1 : 0) + (below ? 1 : 0) > room) start += 1;
  const [header, ...body] = tableLines(columns(ctx), tableRows(log.rows.slice(start, end), log.newestKey, ctx), width, ctx.text);

  const out: StyledLine[] = [];
  if (header) out.push(header);
  if (start > 0) out.push(noteLine(ctx, `↑ ${t('pane.more', {count: start})}`, width));
  else if (log.dropped > 0) out.push(noteLine(ctx, `↑ ${t('log.dropped', {count: log.dropped})}`, width));
  out.push(...body);
  if (below) out.push(noteLine(ctx, `↓ ${t('pane.more', {count: total - end})}`, width));
  out.push(...footer);
  return height === undefined ? out : out.slice(0, height);
}

/** Most rows one can scroll back with this height (for useScroll). */
export function eventLogMaxScroll(log: EventLogState, height: number): number {
  return Math.max(0, log.rows.length - Math.max(1, height - 2));
}

// Redrawn only when its props change (a flood updates the log, not the other panes).
export const EventLog = memo(function EventLog(props: EventLogProps) {
  const ctx = usePaneContext();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={eventLogLines(props, ctx)} />
    </Box>
  );
});
