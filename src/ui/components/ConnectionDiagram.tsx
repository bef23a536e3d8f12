// A picture of the sockets: boxes grouped by port, the passive socket apart from the
// active sockets that share its port, lines between the two ends of each connection,
// arrows for recent UDP datagrams.
import {Box} from 'ink';
import type {TFunction} from 'i18next';
import {useTranslation} from 'react-i18next';
import type {SocketInfo} from '../../lab/types.ts';
import {clipLines} from '../layout/clip.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {useTheme, type Theme} from '../theme.ts';
import {drawDiagram} from './diagram/draw.ts';
import {buildDiagram, type DatagramArrow} from './diagram/model.ts';
import {Lines} from './Line.tsx';

export interface ConnectionDiagramProps {
  sockets: readonly SocketInfo[];
  /** Recent datagrams (see datagramArrows(recentEvents, sockets)). */
  datagrams?: readonly DatagramArrow[];
  /** seq of the newest event: its datagram arrow is highlighted. */
  newestSeq?: number;
  width: number;
  height?: number;
}

export function diagramLines({sockets, datagrams, newestSeq, width, height}: ConnectionDiagramProps, t: TFunction, theme: Theme): StyledLine[] {
  const groups = buildDiagram({sockets, ...(datagrams ? {datagrams} : {}), ...(newestSeq !== undefined ? {newestSeq} : {})});
  if (groups.length === 0) return [fitLine([{text: t('diagram.empty'), role: 'muted'}], width)];
  const ctx = {t, theme};
  // Boxes when they fit the width and the height; otherwise one line per link.
  const boxes = drawDiagram(groups, width, 'boxes', ctx);
  const lines = height === undefined || boxes.length <= height ? boxes : drawDiagram(groups, width, 'compact', ctx);
  const clipped = clipLines(lines, height, 'head');
  if (clipped.hidden > 0) clipped.lines.push(fitLine([{text: t('pane.more', {count: clipped.hidden}), role: 'muted'}], width));
  return clipped.lines;
}

export function ConnectionDiagram(props: ConnectionDiagramProps) {
  const {t} = useTranslation('ui');
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={diagramLines(props, t, theme)} />
    </Box>
  );
}
