// The lab's events for the screen: folded into a bounded log, delivered at most
// `maxFps` times a second, and in slow motion (presenter mode) held until revealed.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {LabEvent, SocketInfo, SocketLab} from '../../lab/types.ts';
import {appendEvent, DEFAULT_LOG_LIMIT, emptyLog, snapshotLog, wouldFold, type EventLogState} from './eventLog.ts';
import {createFrameBatcher, type FrameBatcher} from './frameBatcher.ts';

/** The hook needs only this much of a lab: a real Lab, or any object that can subscribe. */
export type LabEventSource = Pick<SocketLab, 'subscribe'> & Partial<Pick<SocketLab, 'snapshot' | 'history'>>;

export interface UseLabEventsOptions {
  /** Most screen updates per second. Default 30. */
  maxFps?: number;
  /** Screen updates per second once events have kept coming for half a second (a flood). Default 8. */
  floodFps?: number;
  /** Hold events; reveal() shows them one log row at a time. */
  slowMotion?: boolean;
  /** Most log rows kept. Default 500. */
  limit?: number;
  /** Most raw events kept in `recent` (for the diagram's datagram arrows). Default 64. */
  recentLimit?: number;
}

export interface LabEventsView {
  log: EventLogState;
  /** The latest shown events, oldest first, unfolded. */
  recent: readonly LabEvent[];
  /** Events waiting for reveal() in slow motion. */
  held: number;
  /** Slow motion: show the next row's worth of held events (a whole flood counts as one). */
  reveal: () => void;
  /** Show everything held at once. */
  revealAll: () => void;
  /**
   * Slow motion only: the lab's socket table as it was right after the last revealed
   * event, so table and diagram stay in step with the log. Undefined otherwise: use
   * useLabSnapshot then.
   */
  sockets: readonly SocketInfo[] | undefined;
}

interface Held {
  event: LabEvent;
  /** The lab's table right after this event (structural events only). */
  sockets?: SocketInfo[];
}

/** Events after which the socket table may look different (data/send/message only change counters). */
const STRUCTURAL = new Set<LabEvent['type']>(['socket', 'bind', 'listen', 'connect', 'accept', 'end', 'close', 'error']);
/** Events that keep coming this long are a flood: shown at floodFps. */
export const FLOOD_AFTER_MS = 500;
/** Held events beyond this are revealed without waiting, so memory stays bounded. */
export const HOLD_LIMIT = 10_000;

interface Shown {
  log: EventLogState;
  recent: readonly LabEvent[];
  held: number;
  sockets: readonly SocketInfo[] | undefined;
}

interface Work {
  log: EventLogState;
  recent: LabEvent[];
  held: Held[];
  lastSeq: number;
  sockets: readonly SocketInfo[] | undefined;
  /** Bumped on every change; a flush with nothing new renders nothing. */
  version: number;
  shownVersion: number;
}

export function useLabEvents(lab: LabEventSource, options: UseLabEventsOptions = {}): LabEventsView {
  const {maxFps = 30, floodFps = 8, slowMotion = false, limit = DEFAULT_LOG_LIMIT, recentLimit = 64} = options;
  const settings = useRef({slowMotion, limit, recentLimit});
  settings.current = {slowMotion, limit, recentLimit};

  // Mutable working state: the subscription writes here without rendering; a frame
  // flush copies it into React state.
  const work = useRef<Work | null>(null);
  if (work.current === null) {
    const log = emptyLog();
    const recent: LabEvent[] = [];
    let lastSeq = -1;
    for (const event of lab.history?.() ?? []) {
      appendEvent(log, event, limit);
      recent.push(event);
      lastSeq = event.seq;
    }
    const sockets = slowMotion ? lab.snapshot?.() : undefined;
    work.current = {log, recent: recent.slice(-recentLimit), held: [], lastSeq, sockets, version: 0, shownVersion: 0};
  }
  const w = work.current;

  const [shown, setShown] = useState<Shown>(() => ({log: snapshotLog(w.log), recent: w.recent.slice(), held: 0, sockets: w.sockets}));
  const batcher = useRef<FrameBatcher | null>(null);

  const flush = useCallback(() => {
    if (w.version === w.shownVersion) return;
    w.shownVersion = w.version;
    w.recent = w.recent.slice(-settings.current.recentLimit);
    setShown({log: snapshotLog(w.log), recent: w.recent.slice(), held: w.held.length, sockets: w.sockets});
  }, [w]);

  const show = useCallback(
    (event: LabEvent) => {
      appendEvent(w.log, event, settings.current.limit);
      w.recent.push(event);
      // Trim in chunks so a flood stays O(1) amortised per event.
      if (w.recent.length > settings.current.recentLimit * 2) w.recent.splice(0, w.recent.length - settings.current.recentLimit);
      w.version += 1;
    },
    [w],
  );

  // Reveal `atLeast` held events, then keep going while the next one only adds to a
  // flood row already on screen: one Space = one new log row.
  const revealHeld = useCallback(
    (atLeast: number) => {
      let revealed = 0;
      while (w.held.length > 0) {
        const next = w.held[0]!;
        if (revealed >= atLeast && !wouldFold(w.log, next.event)) break;
        w.held.shift();
        show(next.event);
        if (next.sockets) w.sockets = next.sockets;
        revealed += 1;
      }
    },
    [w, show],
  );

  useEffect(() => {
    const b = createFrameBatcher(flush, maxFps, undefined, {fps: floodFps, afterMs: FLOOD_AFTER_MS});
    batcher.current = b;
    // Events between the first render and this subscription are in the history.
    for (const event of lab.history?.() ?? []) {
      if (event.seq > w.lastSeq) {
        show(event);
        w.lastSeq = event.seq;
      }
    }
    const unsubscribe = lab.subscribe((event) => {
      if (event.seq <= w.lastSeq) return;
      w.lastSeq = event.seq;
      if (settings.current.slowMotion) {
        const held: Held = {event};
        // Taken now, synchronously: this is the table right after this event.
        if (STRUCTURAL.has(event.type) && lab.snapshot) held.sockets = lab.snapshot();
        w.held.push(held);
        if (w.held.length > HOLD_LIMIT) revealHeld(w.held.length - HOLD_LIMIT);
        w.version += 1;
      } else {
        show(event);
      }
      b.schedule();
    });
    flush();
    return () => {
      unsubscribe();
      b.cancel();
    };
  }, [lab, maxFps, floodFps, w, flush, show, revealHeld]);

  // Entering slow motion freezes the table where the log is; leaving it shows all.
  const wasSlow = useRef(slowMotion);
  useEffect(() => {
    if (wasSlow.current === slowMotion) return;
    wasSlow.current = slowMotion;
    if (slowMotion) {
      w.sockets = lab.snapshot?.();
    } else {
      revealHeld(w.held.length);
      w.sockets = undefined;
    }
    w.version += 1;
    batcher.current?.cancel();
    flush();
  }, [slowMotion, lab, w, flush, revealHeld]);

  const revealNow = useCallback(
    (all: boolean) => {
      if (w.held.length === 0) return;
      revealHeld(all ? w.held.length : 1);
      batcher.current?.cancel();
      flush(); // a key press shows its result now, not at the next frame
    },
    [w, revealHeld, flush],
  );
  const reveal = useCallback(() => revealNow(false), [revealNow]);
  const revealAll = useCallback(() => revealNow(true), [revealNow]);

  return {log: shown.log, recent: shown.recent, held: shown.held, reveal, revealAll, sockets: slowMotion ? shown.sockets : undefined};
}
