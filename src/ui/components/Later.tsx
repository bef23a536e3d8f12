// A screen whose code is still loading: drawn as soon as it has loaded (an empty body
// until then, a few milliseconds at most), and at once when it already has.
import {useEffect, useState, type ReactNode} from 'react';

/** Something loaded once, in the background; `value` once it is there. */
export interface Loading<T> {
  promise: Promise<T>;
  value?: T;
}

export function loading<T>(load: () => Promise<T>): Loading<T> & {start(): Promise<T>} {
  let promise: Promise<T> | undefined;
  const out = {
    get promise() {
      return out.start();
    },
    value: undefined as T | undefined,
    start() {
      promise ??= load().then((value) => (out.value = value));
      return promise;
    },
  };
  return out;
}

export function Later<T>({load, children}: {load: Loading<T>; children(value: T): ReactNode}) {
  const [value, setValue] = useState(load.value);
  useEffect(() => {
    if (value === undefined) void load.promise.then((v) => setValue(() => v));
  }, [load, value]);
  return value === undefined ? null : children(value);
}
