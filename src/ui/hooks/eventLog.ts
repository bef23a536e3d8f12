// The event log as data: a bounded list of rows in which floods of data/send/message
// events fold into one counting row. Pure and O(1) per event, so a 20,000-datagram
// flood costs the UI a few array pushes, not 20,000 React renders.
import type {LabEvent, Protocol} from '../../lab/types.ts';

export type FloodType = 'data' | 'send' | 'message';

export interface EventRow {
  kind: 'event';
  /** Stable React key: the event's seq. */
  key: number;
  event: LabEvent;
}

/** Events after the first of a run: "+1,200 datagrams sent". The first stays an EventRow above. */
export interface FloodRow {
  kind: 'flood';
  key: number;
  socket: string;
  protocol: Protocol;
  type: FloodType;
  count: number;
  bytes: number;
  /** Time (ms since the lab started) of the first and last folded event. */
  firstT: number;
  lastT: number;
  lastSeq: number;
}

export type LogRow = EventRow | FloodRow;

export interface EventLogState {
  rows: LogRow[];
  /** Rows dropped off the front to keep the log bounded. */
  dropped: number;
  /** Every event ever appended, folded or not. */
  total: number;
  /** Key of the row the last event went into: the "newest" highlight. */
  newestKey: number | undefined;
}

export function emptyLog(): EventLogState {
  return {rows: [], dropped: 0, total: 0, newestKey: undefined};
}

export const DEFAULT_LOG_LIMIT = 500;
/** How far back past other flood events a run may still continue. */
const LOOKBACK = 8;

function floodType(event: LabEvent): FloodType | undefined {
  // A send the peer did not take (its window is full) is news: it stands on its own row.
  if (event.type === 'send' && event.queued !== undefined) return undefined;
  return event.type === 'data' || event.type === 'send' || event.type === 'message' ? event.type : undefined;
}

/** Rows a flood run may pass over: data/send/message rows and the kernel's drop rows. */
function isFloodRow(row: LogRow): boolean {
  return row.kind === 'flood' || floodType(row.event) !== undefined || row.event.type === 'drop';
}

type DropEvent = Extract<LabEvent, {type: 'drop'}>;

/** The drop row of this socket a new drop event adds to (within the flood it belongs to). */
function dropRowIndex(log: EventLogState, event: DropEvent): number {
  for (let i = log.rows.length - 1, seen = 0; i >= 0 && seen < LOOKBACK; i--, seen++) {
    const row = log.rows[i]!;
    if (!isFloodRow(row)) return -1;
    if (row.kind === 'event' && row.event.type === 'drop' && row.event.socket === event.socket) return i;
  }
  return -1;
}

/**
 * Append one event, mutating `log` (the caller owns it; see snapshotLog for React).
 * A data/send/message event continues a run when an earlier row of the same socket and
 * type is among the last few rows and only other data/send/message rows lie between:
 * a UDP ping-pong (send on one socket, message on the other, alternating) still folds
 * into two counting rows, while a connect or close in between starts afresh.
 */
export function appendEvent(log: EventLogState, event: LabEvent, limit = DEFAULT_LOG_LIMIT): void {
  log.total += 1;
  if (event.type === 'drop') {
    // One row per flood says how many the kernel dropped: "kernel dropped 1,304 datagrams".
    const i = dropRowIndex(log, event);
    if (i >= 0) {
      const before = log.rows[i] as EventRow & {event: DropEvent};
      log.rows[i] = {kind: 'event', key: before.key, event: {...event, count: before.event.count + event.count}};
      log.newestKey = before.key;
      return;
    }
  }
  const type = floodType(event);
  if (type !== undefined) {
    const bytes = 'bytes' in event ? event.bytes : 0;
    let firstOfRun: EventRow | undefined;
    for (let i = log.rows.length - 1, seen = 0; i >= 0 && seen < LOOKBACK; i--, seen++) {
      const row = log.rows[i]!;
      if (!isFloodRow(row)) break;
      if (row.kind === 'flood' && row.socket === event.socket && row.type === type) {
        row.count += 1;
        row.bytes += bytes;
        row.lastT = event.t;
        row.lastSeq = event.seq;
        log.newestKey = row.key;
        return;
      }
      if (row.kind === 'event' && row.event.socket === event.socket && row.event.type === type) {
        firstOfRun = row;
        break;
      }
    }
    if (firstOfRun) {
      push(log, {kind: 'flood', key: event.seq, socket: event.socket, protocol: event.protocol, type, count: 1, bytes, firstT: event.t, lastT: event.t, lastSeq: event.seq}, limit);
      return;
    }
  }
  push(log, {kind: 'event', key: event.seq, event}, limit);
}

function push(log: EventLogState, row: LogRow, limit: number): void {
  log.rows.push(row);
  log.newestKey = row.key;
  const excess = log.rows.length - limit;
  if (excess > 0) {
    log.rows.splice(0, excess);
    log.dropped += excess;
  }
}

/** An immutable copy for React state (flood rows are mutated in place by appendEvent). */
export function snapshotLog(log: EventLogState): EventLogState {
  return {
    rows: log.rows.map((row) => (row.kind === 'flood' ? {...row} : row)),
    dropped: log.dropped,
    total: log.total,
    newestKey: log.newestKey,
  };
}

/** Would this event fold into an existing row (rather than add one)? Used by slow motion. */
export function wouldFold(log: EventLogState, event: LabEvent): boolean {
  if (event.type === 'drop') return dropRowIndex(log, event) >= 0;
  const type = floodType(event);
  if (type === undefined) return false;
  for (let i = log.rows.length - 1, seen = 0; i >= 0 && seen < LOOKBACK; i--, seen++) {
    const row = log.rows[i]!;
    if (!isFloodRow(row)) return false;
    if (row.kind === 'flood' && row.socket === event.socket && row.type === type) return true;
    if (row.kind === 'event' && row.event.socket === event.socket && row.event.type === type) return false;
  }
  return false;
}
