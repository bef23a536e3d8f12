// Words for one event-log row. The sentence for an event comes from the command
// engineer's describeEvent (src/ui/format), so the REPL, the plain output and this log
// say the same thing; only the flood rows ("+1,200 datagrams sent") are worded here.
import type {TFunction} from 'i18next';
import type {LabEvent} from '../../lab/types.ts';
import {describeEvent, type Translate} from '../format/index.ts';
import type {LogRow} from '../hooks/eventLog.ts';

export interface EventCells {
  time: string;
  socket: string;
  /** The API word (bind, connect, recvfrom…), Latin in every language. */
  name: string;
  details: string;
  error: boolean;
}

function eventName(event: LabEvent, t: TFunction): string {
  if (event.type === 'send' && (event.to || event.protocol === 'udp')) return t('event.name.sendto');
  return t(`event.name.${event.type}`);
}

const FLOOD_KEY = {data: 'data', message: 'received'} as const;

// An event's words do not change once said (in one language): the log redraws its rows
// many times a second under a flood, and translating each of them every time was a
// third of the app's time.
const said = new WeakMap<LabEvent, {t: TFunction; cells: EventCells}>();

export function rowCells(row: LogRow, t: TFunction): EventCells {
  if (row.kind === 'event') {
    const {event} = row;
    const hit = said.get(event);
    if (hit && hit.t === t) return hit.cells;
    const cells = {
      time: t('log.at', {ms: Math.round(event.t)}),
      socket: event.socket,
      name: eventName(event, t),
      details: describeEvent(event, t as unknown as Translate),
      error: event.type === 'error',
    };
    said.set(event, {t, cells});
    return cells;
  }
  const key = row.type === 'send' ? (row.protocol === 'udp' ? 'sent' : 'write') : FLOOD_KEY[row.type];
  return {
    time: t('log.at', {ms: Math.round(row.lastT)}),
    socket: row.socket,
    name: t(`event.name.${row.type === 'send' && row.protocol === 'udp' ? 'sendto' : row.type}`),
    details: t(`log.flood.${key}`, {count: row.count, bytes: t('bytes', {count: row.bytes})}),
    error: false,
  };
}
