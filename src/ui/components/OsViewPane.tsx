// What the kernel sees: protocol, local, remote, state, pid, program, other processes'
// sockets included. The truth next to the app's own table.
import {Box} from 'ink';
import type {TFunction} from 'i18next';
import {useTranslation} from 'react-i18next';
import type {OsSocket, OsView} from '../../lab/types.ts';
import {clipLines} from '../layout/clip.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn, type TableRow} from '../layout/table.ts';
import {wrapText} from '../layout/text.ts';
import {useTheme, type ColourRole, type Theme} from '../theme.ts';
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

function kind(s: OsSocket): {role: ColourRole; symbol: keyof Theme['symbols']} {
  if (s.state === 'LISTEN') return {role: 'passive', symbol: 'passive'};
  if (s.protocol.startsWith('udp')) return {role: 'datagram', symbol: 'datagram'};
  if (s.state === 'ESTABLISHED') return {role: 'active', symbol: 'active'};
  // TIME_WAIT, CLOSE_WAIT, FIN_WAIT…: an active socket on its way out.
  return {role: 'muted', symbol: 'active'};
}

export function osViewLines({view, width, ports, ownPid}: OsViewPaneProps, t: TFunction, theme: Theme): StyledLine[] {
  const note = (text: string, role: ColourRole = 'muted') => fitLine([{text, role}], width);
  if (view === undefined) return [note(t('os.loading'))];
  if (!view.available) {
    return [
      note(`${theme.symbols.error} ${t('os.unavailable')}`, 'error'),
      ...wrapText(t('os.reason', {reason: view.reason}), width).map((l) => note(l)),
    ];
  }
  const wanted = ports && new Set(ports);
  const shown = wanted ? view.sockets.filter((s) => wanted.has(endpointPort(s.local) ?? -1) || wanted.has(endpointPort(s.remote) ?? -1)) : view.sockets;
  if (shown.length === 0) return [note(t('os.empty'))];
  const columns: TableColumn[] = [
    {id: 'protocol', header: t('os.protocol'), min: 3, max: 5, priority: 6},
    {id: 'local', header: t('os.local'), min: 7, max: 40, priority: 9, cut: 'start'},
    {id: 'remote', header: t('os.remote'), min: 7, max: 40, priority: 7, cut: 'start'},
    {id: 'state', header: t('os.state'), min: 5, max: 14, priority: 8},
    {id: 'pid', header: t('os.pid'), min: 3, max: 8, priority: 5, align: 'end'},
    {id: 'program', header: t('os.program'), min: 4, max: 20, priority: 4},
  ];
  const rows: TableRow[] = shown.map((s) => {
    const k = kind(s);
    const mine = ownPid !== undefined && s.pid === ownPid;
    return {
      cells: [
        s.protocol,
        endpointText(s.local),
        endpointText(s.remote),
        `${theme.symbols[k.symbol]} ${s.state}`,
        s.pid === undefined ? '—' : String(s.pid),
        mine ? t('os.thisApp') : (s.program ?? '—'),
      ],
      role: k.role,
    };
  });
  return tableLines(columns, rows, width).map((l) => fitLine(l, width));
}

export function OsViewPane(props: OsViewPaneProps) {
  const {t} = useTranslation('ui');
  const theme = useTheme();
  const {lines, hidden} = clipLines(osViewLines(props, t, theme), props.height, 'head', 1);
  if (hidden > 0) lines.push(fitLine([{text: t('pane.more', {count: hidden}), role: 'muted'}], props.width));
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={lines} />
    </Box>
  );
}
