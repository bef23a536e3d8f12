// The event log: ms since the lab started, socket, event, details. Newest at the
// bottom, marked ▶ (and coloured); floods appear as "+1,200 datagrams sent" rows.
import {Box} from 'ink';
import type {TFunction} from 'i18next';
import {useTranslation} from 'react-i18next';
import type {EventLogState, LogRow} from '../hooks/eventLog.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn} from '../layout/table.ts';
import {useTheme, type Theme} from '../theme.ts';
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

function columns(t: TFunction): TableColumn[] {
  return [
    {id: 'time', header: t('log.time'), min: 4, max: 10, priority: 5, align: 'end'},
    {id: 'socket', header: t('log.socket'), min: 3, max: 14, priority: 8},
    {id: 'event', header: t('log.event'), min: 4, max: 10, priority: 7},
    {id: 'details', header: t('log.details'), min: 8, priority: 9},
  ];
}

function tableRows(rows: readonly LogRow[], newestKey: number | undefined, t: TFunction, theme: Theme) {
  return rows.map((row) => {
    const c = rowCells(row, t);
    const newest = row.key === newestKey;
    const mark = newest ? theme.symbols.newest : c.error ? theme.symbols.error : ' ';
    return {
      cells: [`${mark} ${c.time}`, c.socket, c.name, c.details],
      role: newest ? ('newest' as const) : c.error ? ('error' as const) : row.kind === 'flood' ? ('datagram' as const) : undefined,
    };
  });
}

/** A heavy frame around the newest event, for the back row of a lecture hall. */
function callout(row: LogRow, width: number, t: TFunction, theme: Theme): StyledLine[] {
  const c = rowCells(row, t);
  const inner = Math.max(0, width - 4);
  const bar = '━'.repeat(Math.max(0, width - 2));
  const body = (text: string): StyledLine => fitLine([{text: '┃ ', role: 'newest'}, {text: fitLine([{text}], inner).map((s) => s.text).join(''), role: 'newest'}, {text: ' ┃', role: 'newest'}], width);
  return [
    fitLine([{text: `┏${bar}┓`, role: 'newest'}], width),
    body(`${theme.symbols.newest} ${c.time}  ${c.socket}  ${c.name}`),
    body(`  ${c.details}`),
    fitLine([{text: `┗${bar}┛`, role: 'newest'}], width),
  ];
}

export function eventLogLines({log, width, height, scroll = 0, held = 0, presenter = false}: EventLogProps, t: TFunction, theme: Theme): StyledLine[] {
  const note = (text: string, role: 'muted' | 'newest' = 'muted') => fitLine([{text, role}], width);
  const footer: StyledLine[] = [];
  if (held > 0) footer.push(note(`${theme.symbols.newest} ${t('log.held', {count: held})}`, 'newest'));

  if (log.rows.length === 0) return [note(t('log.empty')), ...footer].slice(0, height ?? Infinity);

  const newest = log.rows.find((r) => r.key === log.newestKey);
  const showCallout = presenter && scroll === 0 && newest !== undefined && width >= 12 && (height === undefined || height >= CALLOUT_HEIGHT + 3);
  if (showCallout) footer.push(...callout(newest, width, t, theme));

  const lines = tableLines(columns(t), tableRows(log.rows, log.newestKey, t, theme), width).map((l) => fitLine(l, width));
  const [header, ...body] = lines;
  const room = height === undefined ? body.length : Math.max(0, height - 1 - footer.length);

  // Window over the body, counted back from the newest row; the "↑ more" and "↓ more"
  // notes take body lines too, so the oldest shown rows give way to them.
  const back = Math.min(Math.max(0, scroll), Math.max(0, body.length - room));
  const end = body.length - back;
  let start = Math.max(0, end - room);
  const below = back > 0;
  const above = () => start > 0 || log.dropped > 0;
  while (start < end && end - start + (above() ? 1 : 0) + (below ? 1 : 0) > room) start += 1;
  const out: StyledLine[] = [];
  if (header) out.push(header);
  if (start > 0) out.push(note(`↑ ${t('pane.more', {count: start})}`));
  else if (log.dropped > 0) out.push(note(`↑ ${t('log.dropped', {count: log.dropped})}`));
  out.push(...body.slice(start, end));
  if (below) out.push(note(`↓ ${t('pane.more', {count: body.length - end})}`));
  out.push(...footer);
  return height === undefined ? out : out.slice(0, height);
}

export function EventLog(props: EventLogProps) {
  const {t} = useTranslation('ui');
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={eventLogLines(props, t, theme)} />
    </Box>
  );
}
