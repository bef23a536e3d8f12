// A picture of the sockets: boxes grouped by port, the passive socket apart from the
// active sockets that share its port, lines between the two ends of each connection,
// arrows for recent UDP datagrams.
import {memo} from 'react';
import {Box} from 'ink';
import type {SocketInfo} from '../../lab/types.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {clipLines} from '../layout/clip.ts';
import {noteLine, type PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {diagramHeight, drawDiagram} from './diagram/draw.ts';
import {buildDiagram, type DatagramArrow} from './diagram/model.ts';
import {Lines} from './Line.tsx';

export interface ConnectionDiagramProps {
  sockets: readonly SocketInfo[];
  /** Recent datagrams: datagramArrows(recentEvents, sockets). */
  datagrams?: readonly DatagramArrow[];
  /** seq of the newest event: its datagram arrow is highlighted. */
  newestSeq?: number;
  width: number;
  height?: number;
}

export function diagramLines({sockets, datagrams, newestSeq, width, height}: ConnectionDiagramProps, ctx: PaneContext): StyledLine[] {
  const groups = buildDiagram({sockets, ...(datagrams ? {datagrams} : {}), ...(newestSeq !== undefined ? {newestSeq} : {})});
  if (groups.length === 0) return [noteLine(ctx, ctx.t('diagram.empty'), width)];
  // Boxes when they fit the width and the height; otherwise one line per link. Only
  // what can be shown is drawn.
  const density = height === undefined || diagramHeight(groups, width, 'boxes') <= height ? 'boxes' : 'compact';
  const total = diagramHeight(groups, width, density);
  const clipped = clipLines(drawDiagram(groups, width, density, ctx, (height ?? Infinity) + 1), height, 'head');
  clipped.hidden = Math.max(clipped.hidden, total - clipped.lines.length);
  if (clipped.hidden > 0) clipped.lines.push(noteLine(ctx, ctx.t('pane.more', {count: clipped.hidden}), width));
  return clipped.lines;
}

// Redrawn only when its props change (a flood updates the log, not the other panes).
export const ConnectionDiagram = memo(function ConnectionDiagram(props: ConnectionDiagramProps) {
  const ctx = usePaneContext();
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={diagramLines(props, ctx)} />
    </Box>
  );
});
