// The REPL's results pane: commands and their outcomes, wrapped to the pane, newest at
// the bottom. Command lines stay left-to-right (they are code); results follow the
// screen's direction (Persian is laid out by the BiDi pipeline); tables are laid out
// cell by cell, indented on the screen's start side.
import {memo} from 'react';
import {Box, Text} from 'ink';
import {Line} from '../components/Line.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {resultTableLines} from '../layout/resultTable.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {wrapText} from '../layout/text.ts';
import type {TextLayout} from '../layout/textLayout.ts';
import type {ColourRole} from '../theme.ts';
import type {TranscriptLine} from './transcript.ts';

const ROLE: Record<Exclude<TranscriptLine['kind'], 'table'>, ColourRole | undefined> = {command: undefined, ok: 'ok', error: 'error', hint: 'muted', running: 'muted'};
/** Tables stand under their result line, as its other lines do. */
const TABLE_INDENT = 2;

export interface TranscriptViewProps {
  lines: readonly TranscriptLine[];
  width: number;
  height: number;
  /** Shown when nothing was typed yet. */
  empty: string;
}

type Row = {text: string; role: ColourRole | undefined; bold: boolean} | {line: StyledLine};

/** A table's screen lines, `TABLE_INDENT` cells in from the start side, each exactly `width` cells. */
export function tableRows(line: Extract<TranscriptLine, {kind: 'table'}>, width: number, text: TextLayout): StyledLine[] {
  const inner = Math.max(1, width - TABLE_INDENT);
  const pad = {text: ' '.repeat(Math.max(0, Math.min(TABLE_INDENT, width - inner)))};
  return resultTableLines(line.table, inner, text, 'ok').map((l) => fitLine(text.mirror ? [...l, pad] : [pad, ...l], width, text.mirror));
}

// Redrawn only when its props change (a flood updates the log, not the other panes).
export const TranscriptView = memo(function TranscriptView({lines, width, height, empty}: TranscriptViewProps) {
  const {theme, text} = usePaneContext();
  if (width <= 0 || height <= 0) return null;
  const rows: Row[] = [];
  const source: readonly TranscriptLine[] = lines.length === 0 ? [{kind: 'hint', text: empty}] : lines;
  // Only the tail can show: lay out from the newest line back until the pane is full.
  for (let i = source.length - 1; i >= 0 && rows.length < height; i--) {
    const line = source[i]!;
    if (line.kind === 'table') {
      rows.unshift(...tableRows(line, width, text).map((l) => ({line: l})));
      continue;
    }
    const wrapped = line.kind === 'command' ? wrapText(line.text, width) : text.wrap(line.text, width);
    rows.unshift(...wrapped.map((w) => ({text: w, role: ROLE[line.kind], bold: line.kind === 'command'})));
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.slice(-height).map((r, i) =>
        'line' in r ? (
          <Line key={i} line={r.line} />
        ) : (
          <Text key={i} wrap="truncate-end" bold={r.bold} {...(r.role ? theme.styles[r.role] : {})}>
            {r.text === '' ? ' ' : r.text}
          </Text>
        ),
      )}
    </Box>
  );
});
