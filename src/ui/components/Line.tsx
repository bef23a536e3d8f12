// Draws one StyledLine; colours come from the theme, so monochrome is one switch.
import {Text} from 'ink';
import {useTheme} from '../theme.ts';
import type {StyledLine} from '../layout/styledLine.ts';

export interface LineProps {
  line: StyledLine;
}

export function Line({line}: LineProps) {
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
}

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
