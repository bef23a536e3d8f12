// A bordered, titled box of an exact size. The title is drawn into the top border by us
// (ink has no border titles) and cut with … to fit; the body clips, so nothing a child
// draws can push a border out of place.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {useTranslation} from 'react-i18next';
import {fit, textWidth, truncate} from '../layout/text.ts';
import {useTheme} from '../theme.ts';

export interface PaneProps {
  title: string;
  /** Outer size in cells, borders included. */
  width: number;
  height: number;
  /** The pane that gets the keys: heavier border and a ▸ before the title. */
  focused?: boolean;
  /** Only the title line (a stacked layout that ran out of rows). */
  collapsed?: boolean;
  children?: ReactNode;
}

/** Room inside a Pane of this outer size: one border cell and one space on each side. */
export function paneInner(width: number, height: number): {width: number; height: number} {
  return {width: Math.max(0, width - 4), height: Math.max(0, height - 2)};
}

export function Pane({title, width, height, focused = false, collapsed = false, children}: PaneProps) {
  const theme = useTheme();
  const {t} = useTranslation('ui');
  const h = focused ? '━' : '─';
  const borderRole = focused ? theme.styles.focus : theme.styles.muted;
  const label = focused ? `${theme.symbols.selected} ${title}` : title;

  if (collapsed || height < 3 || width < 6) {
    const text = `${h}${h} ${label} · ${t('pane.collapsed')} `;
    return (
      <Box width={width} height={Math.min(1, height)} overflow="hidden">
        <Text {...borderRole} wrap="truncate-end">
          {fit(text, width, {fill: h})}
        </Text>
      </Box>
    );
  }

  const [left, right] = focused ? ['┏', '┓'] : ['┌', '┐'];
  // "┌─ " + title + " " + fill + "┐": the title gets what is left after 5 cells of border.
  const shown = truncate(label, Math.max(0, width - 5));
  const top = `${left}${h} ${shown} ${h.repeat(Math.max(0, width - 5 - textWidth(shown)))}${right}`;
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text {...borderRole}>{top.slice(0, 3)}</Text>
        <Text bold={focused}>{shown}</Text>
        <Text {...borderRole}>{top.slice(3 + shown.length)}</Text>
      </Text>
      <Box
        width={width}
        height={height - 1}
        borderStyle={focused ? 'bold' : 'single'}
        borderTop={false}
        {...(borderRole.color ? {borderColor: borderRole.color} : {})}
        paddingX={1}
        overflow="hidden"
        flexDirection="column"
      >
        {children}
      </Box>
    </Box>
  );
}
