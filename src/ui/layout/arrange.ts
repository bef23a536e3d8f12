// Where each pane goes, as numbers: columns of stacked panes with exact sizes that add up
// to the space given. Pure, so "nothing overflows at any size" is checked for every size.
import {chooseLayout, type LayoutKind} from './chooseLayout.ts';

export interface PaneBox {
  id: string;
  /** Share of the free rows (default 1). */
  weight?: number;
  /** Smallest useful outer height when stacked (default 5). */
  minHeight?: number;
  /** Side-by-side: the 'main' column (at the start side: left, or right when mirrored) or the 'aside' column. Default: first pane main. */
  column?: 'main' | 'aside';
}

export interface Placed {
  id: string;
  width: number;
  height: number;
  /** Out of rows: only its title line is drawn. */
  collapsed: boolean;
}

export interface Arrangement {
  kind: LayoutKind;
  /** Rows above the panes taken by the tab bar (tabs layout only). */
  tabBar: boolean;
  columns: {width: number; panes: Placed[]}[];
}

const DEFAULT_MIN = 5;
/** Share of the width for the main column side by side. */
const MAIN_SHARE = 0.45;
/**
 * Cells the aside column keeps side by side, so that at 120 columns its tables and the
 * diagram stand whole in every language (issue 12): a socket row is a name ("● browser"),
 * a protocol, two IPv4 addresses with ports and a state word («گوش می‌دهد»). The main
 * column (prose, which wraps) gives them up, down to MAIN_MIN.
 */
const ASIDE_MIN = 68;
const MAIN_MIN = 48;

/** Split `total` rows among items: each at least its minimum, the rest by weight. */
export function splitSizes(items: readonly {weight: number; min: number}[], total: number): number[] {
  if (items.length === 0) return [];
  const sizes = items.map((i) => Math.min(i.min, total));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  if (left < 0) return sizes; // caller collapses panes first; this is a last resort
  const weights = items.reduce((a, i) => a + i.weight, 0) || 1;
  const extra = items.map((i) => Math.floor((left * i.weight) / weights));
  extra.forEach((e, n) => (sizes[n] = (sizes[n] ?? 0) + e));
  left -= extra.reduce((a, b) => a + b, 0);
  // Hand out the rounding remainder, heaviest first.
  const order = items.map((_, n) => n).sort((a, b) => (items[b]?.weight ?? 0) - (items[a]?.weight ?? 0));
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k]!] = (sizes[order[k]!] ?? 0) + 1;
  return sizes;
}

/** One column of panes stacked in `height` rows; panes that do not fit collapse to a title line. */
function stack(panes: readonly PaneBox[], width: number, height: number, focused: string): Placed[] {
  const collapsed = new Set<string>();
  const need = () => panes.reduce((sum, p) => sum + (collapsed.has(p.id) ? 1 : (p.minHeight ?? DEFAULT_MIN)), 0);
  // Collapse the lightest panes furthest from the focused one until the rest fit.
  const focusAt = Math.max(0, panes.findIndex((p) => p.id === focused));
  const candidates = panes
    .map((p, n) => ({p, n}))
    .filter(({p}) => p.id !== focused)
    .sort((a, b) => (a.p.weight ?? 1) - (b.p.weight ?? 1) || Math.abs(b.n - focusAt) - Math.abs(a.n - focusAt));
  for (const {p} of candidates) {
    if (need() <= height) break;
    collapsed.add(p.id);
  }
  const open = panes.filter((p) => !collapsed.has(p.id));
  const sizes = splitSizes(
    open.map((p) => ({weight: p.weight ?? 1, min: p.minHeight ?? DEFAULT_MIN})),
    Math.max(0, height - collapsed.size),
  );
  let remaining = height;
  return panes.map((p) => {
    const h = Math.max(0, Math.min(remaining, collapsed.has(p.id) ? 1 : (sizes[open.indexOf(p)] ?? 0)));
    remaining -= h;
    return {id: p.id, width, height: h, collapsed: collapsed.has(p.id) || h < 3};
  });
}

export interface ArrangeOptions {
  presenter?: boolean;
  kind?: LayoutKind;
  /** A right-to-left screen: side by side, the main column stands at the right, where reading starts. */
  mirror?: boolean;
}

export function arrange(panes: readonly PaneBox[], width: number, height: number, focused: string, options: ArrangeOptions = {}): Arrangement {
  const kind = options.kind ?? chooseLayout(width, height, options);
  if (panes.length === 0) return {kind, tabBar: false, columns: []};
  if (kind === 'tabs') {
    const shown = panes.find((p) => p.id === focused) ?? panes[0]!;
    return {kind, tabBar: true, columns: [{width, panes: [{id: shown.id, width, height: Math.max(0, height - 1), collapsed: false}]}]};
  }
  if (kind === 'stacked' || panes.length === 1) {
    return {kind, tabBar: false, columns: [{width, panes: stack(panes, width, height, focused)}]};
  }
  const main = panes.filter((p, n) => (p.column ?? (n === 0 ? 'main' : 'aside')) === 'main');
  const aside = panes.filter((p) => !main.includes(p));
  if (main.length === 0 || aside.length === 0) return {kind, tabBar: false, columns: [{width, panes: stack(panes, width, height, focused)}]};
  const mainWidth = Math.max(Math.min(Math.floor(width * MAIN_SHARE), width - ASIDE_MIN), Math.min(MAIN_MIN, Math.floor(width * MAIN_SHARE)));
  const columns = [
    {width: mainWidth, panes: stack(main, mainWidth, height, focused)},
    {width: width - mainWidth, panes: stack(aside, width - mainWidth, height, focused)},
  ];
  // Columns are listed left to right, as they are drawn.
  return {kind, tabBar: false, columns: options.mirror ? columns.reverse() : columns};
}
