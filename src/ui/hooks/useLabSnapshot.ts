// The lab's live socket table, re-read at most once a frame after events that change
// what it shows: not for data, sends or datagrams (they only move counters it does not
// show), so a flood costs the table nothing.
import {useEffect, useState} from 'react';
import type {LabEvent, SocketInfo, SocketLab} from '../../lab/types.ts';
import {createFrameBatcher} from './frameBatcher.ts';

/** Events after which the table looks different ('drop': its dropped count). */
const CHANGES_TABLE = new Set<LabEvent['type']>(['socket', 'bind', 'listen', 'connect', 'disconnect', 'accept', 'end', 'close', 'error', 'drop']);

export type LabSnapshotSource = Pick<SocketLab, 'subscribe' | 'snapshot'>;

export function useLabSnapshot(lab: LabSnapshotSource, options: {maxFps?: number} = {}): readonly SocketInfo[] {
  const {maxFps = 30} = options;
  const [sockets, setSockets] = useState<readonly SocketInfo[]>(() => lab.snapshot());
  useEffect(() => {
    const batcher = createFrameBatcher(() => setSockets(lab.snapshot()), maxFps);
    const unsubscribe = lab.subscribe((event) => {
      if (CHANGES_TABLE.has(event.type)) batcher.schedule();
    });
    setSockets(lab.snapshot()); // anything that happened before we subscribed
    return () => {
      unsubscribe();
      batcher.cancel();
    };
  }, [lab, maxFps]);
  return sockets;
}
