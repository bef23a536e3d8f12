// A list cursor that is right even when several keys arrive in one chunk ("jj\r"): the
// handler runs once per key before React renders, so it must read the latest position
// from a ref, not from the last render.
import {useRef, useState} from 'react';

export interface Cursor {
  /** For drawing. */
  index: number;
  /** For key handlers: the position after every key handled so far. */
  current(): number;
  set(index: number): void;
  move(delta: number): void;
}

/** NONE: no item under the cursor yet (a question waiting for the learner's own choice). */
export const NONE = -1;

export function useCursor(initial: number, count: number, options: {allowNone?: boolean} = {}): Cursor {
  const [index, setIndex] = useState(initial);
  const latest = useRef(initial);
  const min = options.allowNone ? NONE : 0;
  const set = (i: number) => {
    latest.current = Math.max(min, Math.min(count - 1, i));
    setIndex(latest.current);
  };
  return {index, current: () => latest.current, set, move: (delta) => set(latest.current + delta)};
}
