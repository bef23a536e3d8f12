// Lays panes out for the terminal's current size and lays them out again on every
// resize: side by side, stacked, or one at a time behind a tab bar (chooseLayout).
// Side by side on a right-to-left screen, the main column is on the right.
import {Box, useWindowSize} from 'ink';
import type {ReactNode} from 'react';
import {Pane, paneInner} from '../components/Pane.tsx';
import {TabBar} from '../components/TabBar.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {arrange, type PaneBox} from './arrange.ts';
import {chooseLayout} from './chooseLayout.ts';

export interface PaneSpec extends PaneBox {
  title: string;
  /** Draws the pane's content for its inner size (border and padding already taken). */
  render: (size: {width: number; height: number}) => ReactNode;
}

export interface PaneLayoutProps {
  panes: readonly PaneSpec[];
  /** The pane that gets the keys; the only one shown in the tabs layout. */
  focused: string;
  presenter?: boolean;
  /** Rows kept free below the panes (hint bar, task line). Default 0. */
  reserveRows?: number;
  /** What a collapsed pane says about opening it (default: "Tab to open"). */
  collapsedHint?: string | undefined;
  /** Override the terminal size (tests, embedding). */
  width?: number;
  height?: number;
}

/**
 * Which panes are drawn right now (placed and not collapsed), for the same inputs as
 * PaneLayout: lets a screen poll the OS view only while its pane is on screen.
 */
export function useVisiblePanes(panes: readonly PaneBox[], focused: string, options: Omit<PaneLayoutProps, 'panes' | 'focused' | 'collapsedHint'> = {}): ReadonlySet<string> {
  const size = useWindowSize();
  const w = options.width ?? size.columns;
  const h = Math.max(0, (options.height ?? size.rows) - (options.reserveRows ?? 0));
  const presenter = options.presenter ?? false;
  // The same arrangement PaneLayout draws: its kind follows the whole terminal's rows.
  const kind = chooseLayout(w, options.height ?? size.rows, {presenter});
  const layout = arrange(panes, w, h, focused, {presenter, kind});
  return new Set(layout.columns.flatMap((c) => c.panes.filter((p) => !p.collapsed && p.height > 0).map((p) => p.id)));
}

export function PaneLayout({panes, focused, presenter = false, reserveRows = 0, collapsedHint, width, height}: PaneLayoutProps) {
  const size = useWindowSize();
  const {text} = usePaneContext();
  const w = width ?? size.columns;
  const h = Math.max(0, (height ?? size.rows) - reserveRows);
  // The layout follows the terminal's size; the reserved rows only shrink the panes.
  const kind = chooseLayout(w, height ?? size.rows, {presenter});
  const layout = arrange(panes, w, h, focused, {presenter, kind, mirror: text.mirror});
  const byId = new Map(panes.map((p) => [p.id, p]));
  return (
    <Box flexDirection="column" width={w} height={h} overflow="hidden">
      {layout.tabBar && <TabBar tabs={panes.map((p) => ({id: p.id, title: p.title}))} active={focused} width={w} />}
      <Box flexDirection="row" width={w}>
        {layout.columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={column.width} flexShrink={0}>
            {column.panes.map((placed) => {
              const spec = byId.get(placed.id)!;
              return (
                <Pane key={placed.id} title={spec.title} width={placed.width} height={placed.height} focused={placed.id === focused} collapsed={placed.collapsed} collapsedHint={collapsedHint}>
                  {placed.collapsed ? null : spec.render(paneInner(placed.width, placed.height))}
                </Pane>
              );
            })}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
