// The kernel's socket table, watched only while its pane is on screen: one read when the
// pane opens, then lab.watchOs() reads it when a lab event can have changed it and turns
// each change into an 'os' event, which this hook applies (no second read per change).
// Hidden pane = no reads at all.
import {useEffect, useState} from 'react';
import {rowKey} from '../../lab/os-view/index.ts';
import type {LabEvent, OsSocket, OsView, SocketLab} from '../../lab/types.ts';
import {createFrameBatcher} from './frameBatcher.ts';

export type OsViewSource = Pick<SocketLab, 'osView' | 'watchOs' | 'subscribe'>;

type OsEvent = Extract<LabEvent, {type: 'os'}>;

/** The table after one 'os' event (rows keyed as the lab diffs them). */
export function applyOsEvent(rows: Map<string, OsSocket>, event: OsEvent): void {
  const key = rowKey(event.entry);
  if (event.change === 'removed') rows.delete(key);
  else rows.set(key, event.entry);
}

/** undefined until the first read answers; the last view stays while hidden. */
export function useOsView(lab: OsViewSource, visible: boolean, options: {maxFps?: number} = {}): OsView | undefined {
  const {maxFps = 30} = options;
  const [view, setView] = useState<OsView | undefined>(undefined);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    // Rows as of the first read, then as the watcher's events say; undefined until that read.
    let rows: Map<string, OsSocket> | undefined;
    const pending: OsEvent[] = [];
    const show = () => {
      if (live && rows) setView({available: true, sockets: [...rows.values()]});
    };
    const batcher = createFrameBatcher(show, maxFps);
    const unsubscribe = lab.subscribe((event) => {
      if (event.type !== 'os') return;
      if (!rows) pending.push(event);
      else {
        applyOsEvent(rows, event);
        batcher.schedule();
      }
    });
    const stopWatching = lab.watchOs();
    lab.osView().then(
      (first) => {
        if (!live) return;
        if (!first.available) {
          setView(first);
          return;
        }
        rows = new Map(first.sockets.map((s) => [rowKey(s), s]));
        for (const event of pending) applyOsEvent(rows, event);
        pending.length = 0;
        show();
      },
      (error: unknown) => {
        if (live) setView({available: false, reason: error instanceof Error ? error.message : String(error)});
      },
    );
    return () => {
      live = false;
      batcher.cancel();
      unsubscribe();
      stopWatching();
    };
  }, [lab, visible, maxFps]);
  return view;
}
