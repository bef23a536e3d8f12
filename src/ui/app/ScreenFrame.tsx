// The frame of the shell's own screens (menu, settings, about, first run): a title, a
// muted subtitle, the body, and the hint bar; `?` swaps the body for the key help.
import {Box} from 'ink';
import {useRef, useState, type ReactNode, type RefObject} from 'react';
import {HelpOverlay, helpMaxScroll} from '../components/HelpOverlay.tsx';
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
  /** The key help (useHelpToggle): shown instead of the body while open. */
  help?: HelpToggle;
  /** Lines above the body (notices), already laid out. */
  above?: readonly StyledLine[];
  /** The workshop's screens: the help lists their keys. */
  workshop?: boolean;
  children(size: {width: number; height: number}): ReactNode;
}

export function ScreenFrame({title, subtitle, width, height, hints, help, above = [], workshop = false, children}: ScreenFrameProps) {
  const ctx = usePaneContext();
  const head: StyledLine[] = [[{text: ctx.text.cell(title, width), role: 'focus'}]];
  if (subtitle) head.push([{text: ctx.text.cell(subtitle, width), role: 'muted'}]);
  head.push(...above, []);
  const body = {width, height: Math.max(1, height - head.length - 1)};
  const open = help?.open ?? false;
  // Asked only when a key scrolls the help: laying it out costs a few ms of every frame.
  if (help) help.limit.current = () => helpMaxScroll(body.width, body.height, false, ctx, workshop);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Lines lines={head} />
      <Box flexDirection="column" width={body.width} height={body.height} overflow="hidden">
        {open ? <HelpOverlay width={body.width} height={body.height} scroll={help?.scroll} workshop={workshop} /> : children(body)}
      </Box>
      <HintBar hints={open ? helpHints(hints) : hints} width={width} />
    </Box>
  );
}

/** While the help is open, the footer only says how to close it. */
function helpHints(hints: readonly Hint[]): Hint[] {
  return [...hintsFor('help'), ...hints.filter((h) => h.id === 'quit')];
}

export interface HelpToggle {
  open: boolean;
  /** Lines of the help scrolled past. */
  scroll: number;
  /** How far it can scroll: set by whoever draws it (it knows the size). */
  limit: RefObject<() => number>;
  /** Call first with every action: true means the help took it. */
  consume(action: Action): boolean;
}

/** `?` opens the key help; ↑/↓ and PgUp/PgDn scroll it; Esc, `?` or Backspace close it. */
export function useHelpToggle(): HelpToggle {
  const [open, setOpen] = useState(false);
  const [scroll, setScroll] = useState(0);
  const limit = useRef(() => 0);
  const by = (delta: number) => {
    const most = limit.current();
    setScroll((s) => Math.max(0, Math.min(most, s + delta)));
  };
  return {
    open,
    scroll,
    limit,
    consume(action) {
      if (action === 'interrupt' || action === 'quit') return false;
      if (open) {
        if (action === 'back' || action === 'help' || action === 'previous') setOpen(false);
        else if (action === 'down') by(1);
        else if (action === 'up') by(-1);
        else if (action === 'pageDown') by(5);
        else if (action === 'pageUp') by(-5);
        return true;
      }
      if (action === 'help') {
        setScroll(0);
        setOpen(true);
        return true;
      }
      return false;
    },
  };
}
