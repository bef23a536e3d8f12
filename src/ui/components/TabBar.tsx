// One line of pane names for the small-terminal layout; the shown pane is marked ▸ (and
// coloured), and names shrink with … before anything could wrap.
import {Box} from 'ink';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {fitLine, lineWidth, type StyledLine} from '../layout/styledLine.ts';
import {textWidth} from '../layout/text.ts';
import {Line} from './Line.tsx';

export interface TabBarProps {
  tabs: readonly {id: string; title: string}[];
  active: string;
  width: number;
}

const SEP = ' │ ';

export function tabBarLine({tabs, active, width}: TabBarProps, {theme, text}: PaneContext): StyledLine {
  const ordered = text.mirror ? [...tabs].reverse() : tabs;
  const build = (room: number): StyledLine => {
    const line: StyledLine = [];
    ordered.forEach((tab, i) => {
      if (i > 0) line.push({text: SEP, role: 'muted'});
      const on = tab.id === active;
      // The active tab keeps its whole name as long as possible.
      const title = text.cell(tab.title, on ? textWidth(tab.title) : Math.min(room, textWidth(tab.title)));
      line.push(on ? {text: `${theme.symbols.selected} ${title}`, role: 'focus'} : {text: `  ${title}`});
    });
    return line;
  };
  let room = Math.max(1, ...tabs.map((t) => textWidth(t.title)));
  let line = build(room);
  while (lineWidth(line) > width && room > 1) line = build(--room);
  return fitLine(line, width, text.mirror);
}

export function TabBar(props: TabBarProps) {
  const ctx = usePaneContext();
  return (
    <Box width={props.width} height={1}>
      <Line line={tabBarLine(props, ctx)} />
    </Box>
  );
}
