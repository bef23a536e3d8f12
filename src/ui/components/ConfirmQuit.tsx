// "A task is still running — quit anyway?" shown over the lesson when `q` is pressed
// mid-task. The answer keys (y/q/Enter, n/Esc) are the 'confirm' mode of keys.ts.
import {Box} from 'ink';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor} from '../keys.ts';
import {noteLines, type PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {HintBar} from './HintBar.tsx';
import {Lines} from './Line.tsx';
import {Pane, paneInner} from './Pane.tsx';

export interface ConfirmQuitProps {
  /** Outer width, border included. */
  width: number;
}

export function confirmLines(width: number, ctx: PaneContext): StyledLine[] {
  return [...noteLines(ctx, ctx.t('quit.running'), width, undefined), ...noteLines(ctx, ctx.t('quit.question'), width, 'error')];
}

/** Rows the dialog takes at this outer width (border and hint line included). */
export function confirmQuitHeight(width: number, ctx: PaneContext): number {
  return confirmLines(paneInner(width, 0).width, ctx).length + 3;
}

export function ConfirmQuit({width}: ConfirmQuitProps) {
  const ctx = usePaneContext();
  const inner = paneInner(width, 0).width;
  const lines = confirmLines(inner, ctx);
  return (
    <Pane title={ctx.t('quit.title')} width={width} height={lines.length + 3} focused>
      <Box flexDirection="column">
        <Lines lines={lines} />
        <HintBar hints={hintsFor('confirm')} width={inner} />
      </Box>
    </Pane>
  );
}
