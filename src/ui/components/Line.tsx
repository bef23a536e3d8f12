// Draws one StyledLine; colours come from the theme, so monochrome is one switch.
import {Text} from 'ink';
import {memo} from 'react';
import {useTheme} from '../theme.ts';
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

// Panes recompute their lines on every update; a line that did not change skips React.
export const Line = memo(function Line({line}: LineProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      {line.length === 0
        ? ' '
        : line.map((seg, i) => {
            const style = seg.role ? theme.styles[seg.role] : undefined;
            return style && Object.keys(style).length > 0 ? (
              <Text key={i} {...style}>
                {seg.text}
              </Text>
            ) : (
              seg.text
            );
          })}
    </Text>
  );
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
