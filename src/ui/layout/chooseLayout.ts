// Which arrangement a terminal of this size gets (issue 7): ≥ 120 columns side by side,
// 80–119 stacked, below 80 columns or 24 rows one pane at a time behind a tab bar.
export type LayoutKind = 'side' | 'stacked' | 'tabs';

export const BREAKPOINTS = {sideColumns: 120, minColumns: 80, minRows: 24} as const;
// Presenter mode (projectors, large fonts) wants more room per pane before it splits.
export const PRESENTER_BREAKPOINTS = {sideColumns: 150, minColumns: 100, minRows: 30} as const;

export function chooseLayout(columns: number, rows: number, options: {presenter?: boolean} = {}): LayoutKind {
  const b = options.presenter ? PRESENTER_BREAKPOINTS : BREAKPOINTS;
  if (columns < b.minColumns || rows < b.minRows) return 'tabs';
  return columns >= b.sideColumns ? 'side' : 'stacked';
}
