// The REPL's results pane: commands and their outcomes, wrapped to the pane, newest at
// the bottom. Command lines stay left-to-right (they are code); results follow the
// screen's direction (Persian is laid out by the BiDi pipeline).
import {Box, Text} from 'ink';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {wrapText} from '../layout/text.ts';
import type {ColourRole} from '../theme.ts';
import type {TranscriptLine} from './transcript.ts';

const ROLE: Record<TranscriptLine['kind'], ColourRole | undefined> = {command: undefined, ok: 'ok', error: 'error', hint: 'muted', running: 'muted'};

export interface TranscriptViewProps {
  lines: readonly TranscriptLine[];
  width: number;
  height: number;
  /** Shown when nothing was typed yet. */
  empty: string;
}

export function TranscriptView({lines, width, height, empty}: TranscriptViewProps) {
  const {theme, text} = usePaneContext();
  if (width <= 0 || height <= 0) return null;
  const rows: {text: string; role: ColourRole | undefined; bold: boolean}[] = [];
  const source = lines.length === 0 ? [{kind: 'hint' as const, text: empty}] : lines;
  // Only the tail can show: wrap from the newest line back until the pane is full.
  for (let i = source.length - 1; i >= 0 && rows.length < height; i--) {
    const line = source[i]!;
    const wrapped = line.kind === 'command' ? wrapText(line.text, width) : text.wrap(line.text, width);
    rows.unshift(...wrapped.map((w) => ({text: w, role: ROLE[line.kind], bold: line.kind === 'command'})));
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.slice(-height).map((r, i) => (
        <Text key={i} wrap="truncate-end" bold={r.bold} {...(r.role ? theme.styles[r.role] : {})}>
          {r.text === '' ? ' ' : r.text}
        </Text>
      ))}
    </Box>
  );
}
