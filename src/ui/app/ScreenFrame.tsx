// The frame of the shell's own screens (menu, settings, about, first run): a title, a
// muted subtitle, the body, and the hint bar; `?` swaps the body for the key help.
import {Box} from 'ink';
import {useState, type ReactNode} from 'react';
import {HelpOverlay} from '../components/HelpOverlay.tsx';
import {HintBar} from '../components/HintBar.tsx';
import {Lines} from '../components/Line.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor, type Action, type Hint} from '../keys.ts';
import type {StyledLine} from '../layout/styledLine.ts';

export interface ScreenFrameProps {
  title: string;
  subtitle?: string | undefined;
  width: number;
  height: number;
  hints: readonly Hint[];
  /** Show the key help instead of the body. */
  help?: boolean;
  /** Lines above the body (notices), already laid out. */
  above?: readonly StyledLine[];
  children(size: {width: number; height: number}): ReactNode;
}

export function ScreenFrame({title, subtitle, width, height, hints, help = false, above = [], children}: ScreenFrameProps) {
  const ctx = usePaneContext();
  const head: StyledLine[] = [[{text: ctx.text.cell(title, width), role: 'focus'}]];
  if (subtitle) head.push([{text: ctx.text.cell(subtitle, width), role: 'muted'}]);
  head.push(...above, []);
  const body = {width, height: Math.max(1, height - head.length - 1)};
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Lines lines={head} />
      <Box flexDirection="column" width={body.width} height={body.height} overflow="hidden">
        {help ? <HelpOverlay width={body.width} height={body.height} /> : children(body)}
      </Box>
      <HintBar hints={help ? helpHints(hints) : hints} width={width} />
    </Box>
  );
}

/** While the help is open, the footer only says how to close it. */
function helpHints(hints: readonly Hint[]): Hint[] {
  return [...hintsFor('help'), ...hints.filter((h) => h.id === 'quit')];
}

/**
 * `?` opens the key help; Esc, `?` or Backspace closes it. Call `consume` first with
 * every action: true means the help took it.
 */
export function useHelpToggle(): {open: boolean; consume(action: Action): boolean} {
  const [open, setOpen] = useState(false);
  return {
    open,
    consume(action) {
      if (action === 'interrupt' || action === 'quit') return false;
      if (open) {
        if (action === 'back' || action === 'help' || action === 'previous') setOpen(false);
        return true;
      }
      if (action === 'help') {
        setOpen(true);
        return true;
      }
      return false;
    },
  };
}
