// A bordered, titled box of an exact size. The title is drawn into the top border by us
// (ink has no border titles) and cut with … to fit; the body clips, so nothing a child
// draws can push a border out of place.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {textWidth} from '../layout/text.ts';

export interface PaneProps {
  title: string;
  /** Outer size in cells, borders included. */
  width: number;
  height: number;
  /** The pane that gets the keys: heavier border and a ▸ before the title. */
  focused?: boolean;
  /** Only the title line (a stacked layout that ran out of rows). */
  collapsed?: boolean;
  /** How to open a collapsed pane, where Tab alone does not (default: "Tab to open"). */
  collapsedHint?: string | undefined;
  children?: ReactNode;
}

/** Room inside a Pane of this outer size: one border cell and one space on each side. */
export function paneInner(width: number, height: number): {width: number; height: number} {
  return {width: Math.max(0, width - 4), height: Math.max(0, height - 2)};
}

export function Pane({title, width, height, focused = false, collapsed = false, collapsedHint, children}: PaneProps) {
  const {t, theme, text} = usePaneContext();
  const h = focused ? '━' : '─';
  const borderRole = focused ? theme.styles.focus : theme.styles.muted;
  const label = focused ? `${theme.symbols.selected} ${title}` : title;

  if (collapsed || height < 3 || width < 6) {
    const words = `${label} · ${collapsedHint ?? t('pane.collapsed')}`;
    const shown = text.cell(words, Math.min(textWidth(words), Math.max(0, width - 4)));
    const rule = h.repeat(Math.max(0, width - textWidth(shown) - 4));
    return (
      <Box width={width} height={Math.min(1, height)} overflow="hidden">
        <Text {...borderRole} wrap="truncate-end">
          {text.mirror ? `${rule} ${shown} ${h}${h}` : `${h}${h} ${shown} ${rule}`}
        </Text>
      </Box>
    );
  }

  const [left, right] = focused ? ['┏', '┓'] : ['┌', '┐'];
  // "┌─ " + title + " " + fill + "┐": the title gets what is left after 5 cells of border,
  // at the right end on a right-to-left screen.
  const shown = text.cell(label, Math.min(textWidth(label), Math.max(0, width - 5)));
  const fill = h.repeat(Math.max(0, width - 5 - textWidth(shown)));
  const [before, after] = text.mirror ? [`${left}${fill} `, ` ${h}${right}`] : [`${left}${h} `, ` ${fill}${right}`];
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text {...borderRole}>{before}</Text>
        <Text bold={focused}>{shown}</Text>
        <Text {...borderRole}>{after}</Text>
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
