// Scroll position of a log, counted back from the newest row (0 = follow the newest).
import {useCallback, useState} from 'react';

export interface Scroll {
  scroll: number;
  pageUp: () => void;
  pageDown: () => void;
  lineUp: () => void;
  lineDown: () => void;
  /** Back to following the newest row. */
  follow: () => void;
}

/** `max` is the most rows one can scroll back (rows minus what fits); `page` the rows per PgUp. */
export function useScroll(page: number, max: number): Scroll {
  const [requested, setScroll] = useState(0);
  // Clamped on every render: the log may have shrunk or the pane grown since.
  const scroll = Math.min(Math.max(0, requested), Math.max(0, max));
  const by = useCallback((delta: number) => setScroll((s) => Math.min(Math.max(0, Math.min(s, max) + delta), Math.max(0, max))), [max]);
  const step = Math.max(1, page);
  return {
    scroll,
    pageUp: useCallback(() => by(step), [by, step]),
    pageDown: useCallback(() => by(-step), [by, step]),
    lineUp: useCallback(() => by(1), [by]),
    lineDown: useCallback(() => by(-1), [by]),
    follow: useCallback(() => setScroll(0), []),
  };
}
