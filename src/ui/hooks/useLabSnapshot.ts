// The lab's live socket table, re-read at most once a frame while events arrive.
import {useEffect, useState} from 'react';
import type {SocketInfo, SocketLab} from '../../lab/types.ts';
import {createFrameBatcher} from './frameBatcher.ts';

export type LabSnapshotSource = Pick<SocketLab, 'subscribe' | 'snapshot'>;

export function useLabSnapshot(lab: LabSnapshotSource, options: {maxFps?: number} = {}): readonly SocketInfo[] {
  const {maxFps = 30} = options;
  const [sockets, setSockets] = useState<readonly SocketInfo[]>(() => lab.snapshot());
  useEffect(() => {
    const batcher = createFrameBatcher(() => setSockets(lab.snapshot()), maxFps);
    const unsubscribe = lab.subscribe((event) => {
      // OS-table changes do not change the lab's own table.
      if (event.type !== 'os') batcher.schedule();
    });
    setSockets(lab.snapshot()); // anything that happened before we subscribed
    return () => {
      unsubscribe();
      batcher.cancel();
    };
  }, [lab, maxFps]);
  return sockets;
}
