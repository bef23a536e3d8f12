// Draws one StyledLine; colours come from the theme, so monochrome is one switch.
import chalk from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import {useTheme, type Style} from '../theme.ts';
import type {StyledLine} from '../layout/styledLine.ts';

export interface LineProps {
  line: StyledLine;
}

/** Same text in the same colours: nothing to redraw. */
function sameLine(a: StyledLine, b: StyledLine): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.text !== b[i]!.text || a[i]!.role !== b[i]!.role) return false;
  return true;
}

/**
 * A segment styled as Ink's <Text> styles it (the same chalk, so the same colour level and
 * the same codes, in Ink's order: dim, colour, bold, inverse). One <Text> a line instead of
 * one a segment: a screen of lines is a quarter of the elements for React and Ink (the
 * menu's first frame ~5 ms sooner).
 */
function styled(text: string, style: Style | undefined): string {
  if (!style || text === '') return text;
  let out = text;
  if (style.dimColor) out = chalk.dim(out);
  if (style.color) out = chalk[style.color](out);
  if (style.bold) out = chalk.bold(out);
  if (style.inverse) out = chalk.inverse(out);
  return out;
}

// Panes recompute their lines on every update; a line that did not change skips React.
export const Line = memo(function Line({line}: LineProps) {
  const theme = useTheme();
  let text = '';
  for (const seg of line) text += styled(seg.text, seg.role ? theme.styles[seg.role] : undefined);
  return <Text wrap="truncate-end">{line.length === 0 ? ' ' : text}</Text>;
}, (a, b) => sameLine(a.line, b.line));

export interface LinesProps {
  lines: readonly StyledLine[];
}

export function Lines({lines}: LinesProps) {
  return (
    <>
      {lines.map((line, i) => (
        <Line key={i} line={line} />
      ))}
    </>
  );
}
