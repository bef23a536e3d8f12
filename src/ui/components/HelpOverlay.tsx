// `?`: every key binding with what it does, straight from the bindings table.
import {Box} from 'ink';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {helpRows} from '../keys.ts';
import {clipLines} from '../layout/clip.ts';
import {noteLine, noteLines, type PaneContext} from '../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {fit, textWidth} from '../layout/text.ts';
import {Lines} from './Line.tsx';
import {Pane, paneInner} from './Pane.tsx';

export interface HelpOverlayProps {
  /** Outer size, border included. */
  width: number;
  height: number;
  presenter?: boolean;
  /** Lines scrolled past (↓ while the help is open), for terminals too short for all of it. */
  scroll?: number;
  /** The workshop's screens: their keys instead of the lessons'. */
  workshop?: boolean;
}

export function helpLines(width: number, presenter: boolean, ctx: PaneContext, workshop = false): StyledLine[] {
  const {t, text} = ctx;
  const rows = helpRows({presenter, workshop}).map((r) => ({keys: r.keys.replace('Space', t('keys.space')), text: t(`help.action.${r.action}`)}));
  const keyWidth = Math.min(Math.max(...rows.map((r) => textWidth(r.keys))), Math.floor(width / 3));
  const descWidth = Math.max(1, width - keyWidth - 2);
  const lines: StyledLine[] = [];
  for (const r of rows) {
    text.wrap(r.text, descWidth).forEach((part, i) => {
      const keys = {text: text.cell(i === 0 ? r.keys : '', keyWidth), role: 'focus' as const};
      const desc = {text: fit(part, descWidth, {align: text.mirror ? 'end' : 'start'})};
      lines.push(fitLine(text.mirror ? [desc, {text: '  '}, keys] : [keys, {text: '  '}, desc], width));
    });
  }
  lines.push(fitLine([], width));
  lines.push(...noteLines(ctx, t('help.close'), width));
  return lines;
}

/** How far the help can scroll at this outer size (0 when it all fits). */
export function helpMaxScroll(width: number, height: number, presenter: boolean, ctx: PaneContext, workshop = false): number {
  const inner = paneInner(width, height);
  const total = helpLines(inner.width, presenter, ctx, workshop).length;
  // Scrolled to the end, the last lines fill the pane and no "+N more" line is needed.
  return total <= inner.height ? 0 : total - inner.height;
}

export function HelpOverlay({width, height, presenter = false, scroll = 0, workshop = false}: HelpOverlayProps) {
  const ctx = usePaneContext();
  const inner = paneInner(width, height);
  const all = helpLines(inner.width, presenter, ctx, workshop);
  const from = Math.max(0, Math.min(scroll, all.length - inner.height));
  const {lines, hidden} = clipLines(all.slice(from), inner.height, 'head');
  if (hidden > 0) lines.push(noteLine(ctx, ctx.t('pane.more', {count: hidden}), inner.width));
  return (
    <Pane title={ctx.t('help.title')} width={width} height={height} focused>
      <Box flexDirection="column">
        <Lines lines={lines} />
      </Box>
    </Pane>
  );
}
