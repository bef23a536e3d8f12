// The kernel's socket table, watched only while its pane is on screen: lab.watchOs()
// polls (≤ 4 Hz) and turns changes into 'os' events; each burst of them triggers one
// fresh read. Hidden pane = no polling at all.
import {useEffect, useState} from 'react';
import type {OsView, SocketLab} from '../../lab/types.ts';
import {createFrameBatcher} from './frameBatcher.ts';

export type OsViewSource = Pick<SocketLab, 'osView' | 'watchOs' | 'subscribe'>;

/** undefined until the first read answers; the last view stays while hidden. */
export function useOsView(lab: OsViewSource, visible: boolean, options: {maxFps?: number} = {}): OsView | undefined {
  const {maxFps = 30} = options;
  const [view, setView] = useState<OsView | undefined>(undefined);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    let reading = false;
    let again = false;
    // One read in flight at a time; changes during a read cause exactly one more.
    const read = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      lab.osView().then(
        (next) => {
          if (live) setView(next);
        },
        (error: unknown) => {
          if (live) setView({available: false, reason: error instanceof Error ? error.message : String(error)});
        },
      ).finally(() => {
        reading = false;
        if (live && again) {
          again = false;
          read();
        }
      });
    };
    const batcher = createFrameBatcher(read, maxFps);
    const unsubscribe = lab.subscribe((event) => {
      if (event.type === 'os') batcher.schedule();
    });
    const stopWatching = lab.watchOs();
    read();
    return () => {
      live = false;
      batcher.cancel();
      unsubscribe();
      stopWatching();
    };
  }, [lab, visible, maxFps]);
  return view;
}
