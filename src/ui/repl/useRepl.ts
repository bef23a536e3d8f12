// The REPL's state: one executor over the lab, the commands typed and their outcomes.
// Outcomes are kept as data and put into words when drawn, so `lang` re-words them all.

import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {createExecutor} from '../../commands/executor.ts';
import type {Outcome} from '../../commands/outcome.ts';
import type {SocketLab} from '../../lab/types.ts';

export interface ReplEntry {
  key: number;
  line: string;
  /** Undefined while the command runs. */
  outcome?: Outcome;
}

export interface ReplState {
  entries: readonly ReplEntry[];
  /** Commands submitted and not finished yet. */
  running: number;
  /** Run a line; resolves with its outcome (never rejects). */
  run(line: string): Promise<Outcome>;
  /** Stop the running command's wait (Esc, Ctrl+C): it ends with ECANCELED. False when nothing ran. */
  cancel(): boolean;
  clear(): void;
}

const KEEP = 200;

export function useRepl(lab: SocketLab, options: {timeoutMs?: number} = {}): ReplState {
  const executor = useMemo(() => createExecutor(lab, options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}), [lab, options.timeoutMs]);
  useEffect(() => () => executor.dispose(), [executor]);
  const [entries, setEntries] = useState<readonly ReplEntry[]>([]);
  const [running, setRunning] = useState(0);
  const nextKey = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (line: string) => {
      const key = nextKey.current++;
      setEntries((e) => [...e, {key, line}].slice(-KEEP));
      setRunning((n) => n + 1);
      const outcome = await executor.run(line);
      if (mounted.current) {
        setEntries((e) => e.map((x) => (x.key === key ? {...x, outcome} : x)));
        setRunning((n) => n - 1);
      }
      return outcome;
    },
    [executor],
  );
  const clear = useCallback(() => setEntries((e) => e.filter((x) => x.outcome === undefined)), []);
  const cancel = useCallback(() => executor.cancel(), [executor]);
  return {entries, running, run, cancel, clear};
}
