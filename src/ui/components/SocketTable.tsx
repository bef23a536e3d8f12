// This app's sockets: name, protocol, role, local and remote address, state.
import {Box} from 'ink';
import type {TFunction} from 'i18next';
import {useTranslation} from 'react-i18next';
import type {SocketInfo} from '../../lab/types.ts';
import {clipLines} from '../layout/clip.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn} from '../layout/table.ts';
import {useTheme, type Theme} from '../theme.ts';
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

export function socketTableLines(sockets: readonly SocketInfo[], width: number, t: TFunction, theme: Theme, newest?: string): StyledLine[] {
  if (sockets.length === 0) return [fitLine([{text: t('table.empty'), role: 'muted'}], width)];
  const columns: TableColumn[] = [
    {id: 'name', header: t('table.name'), min: 4, max: 18, priority: 9},
    {id: 'protocol', header: t('table.protocol'), min: 3, max: 5, priority: 5},
    {id: 'role', header: t('table.role'), min: 4, max: 14, priority: 3},
    {id: 'local', header: t('table.local'), min: 7, max: 40, priority: 8, cut: 'start'},
    {id: 'remote', header: t('table.remote'), min: 7, max: 40, priority: 7, cut: 'start'},
    {id: 'state', header: t('table.state'), min: 4, max: 16, priority: 6},
  ];
  const rows = sockets.map((s) => {
    const closed = s.state === 'closed';
    // The role symbol leads the name, so it survives when the role column is dropped.
    const mark = s.name === newest ? theme.symbols.newest : theme.symbols[s.role];
    return {
      cells: [`${mark} ${s.name}`, t(`protocol.${s.protocol}`), t(`role.${s.role}`), endpointText(s.local), endpointText(s.remote), t(`state.${s.state}`)],
      role: s.name === newest ? ('newest' as const) : closed ? ('muted' as const) : s.role,
    };
  });
  return tableLines(columns, rows, width).map((line) => fitLine(line, width));
}

export function SocketTable({sockets, width, height, newest}: SocketTableProps) {
  const {t} = useTranslation('ui');
  const theme = useTheme();
  const all = socketTableLines(sockets, width, t, theme, newest);
  const {lines, hidden} = clipLines(all, height, 'head', 1);
  if (hidden > 0) lines.push(fitLine([{text: t('pane.more', {count: hidden}), role: 'muted'}], width));
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={lines} />
    </Box>
  );
}
