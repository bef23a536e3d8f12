// Words for one event-log row. (src/ui/format may later offer a shared describeEvent;
// until then the log's wording lives here and in ui.json under "event".)
import type {TFunction} from 'i18next';
import type {LabEvent} from '../../lab/types.ts';
import type {LogRow} from '../hooks/eventLog.ts';
import {sanitize} from '../layout/text.ts';
import {endpointText} from './endpointText.ts';

export interface EventCells {
  time: string;
  socket: string;
  name: string;
  details: string;
  error: boolean;
}

const PREVIEW = 40;

function bytes(t: TFunction, count: number): string {
  return t('bytes', {count});
}

function preview(text: string): string {
  const clean = sanitize(text);
  return clean.length > PREVIEW ? `${clean.slice(0, PREVIEW)}…` : clean;
}

/** The API name shown in the "event" column; Latin in every language except 'error'/'os'. */
function eventName(event: LabEvent, t: TFunction): string {
  if (event.type === 'send' && event.to) return t('event.name.sendto');
  return t(`event.name.${event.type}`);
}

export function eventDetails(event: LabEvent, t: TFunction): string {
  const local = endpointText(event.local);
  const remote = endpointText(event.remote);
  switch (event.type) {
    case 'socket':
      return t('event.socket', {role: t(`role.${event.role}`)});
    case 'bind':
      return t(event.implicit ? 'event.bindImplicit' : 'event.bind', {local});
    case 'listen':
      return t('event.listen', {local, backlog: event.backlog});
    case 'connect':
      return event.protocol === 'udp' ? t('event.connectUdp', {remote}) : t('event.connect', {local, remote});
    case 'accept':
      return t('event.accept', {child: event.child, remote});
    case 'data':
      return t('event.data', {bytes: bytes(t, event.bytes), preview: preview(event.preview)});
    case 'send':
      return event.to ? t('event.sendTo', {bytes: bytes(t, event.bytes), to: endpointText(event.to)}) : t('event.send', {bytes: bytes(t, event.bytes)});
    case 'message':
      return t('event.message', {bytes: bytes(t, event.bytes), from: endpointText(event.from), preview: preview(event.preview)});
    case 'end':
      return t(event.by === 'local' ? 'event.endLocal' : 'event.endPeer');
    case 'close':
      return t(event.hadError ? 'event.closeError' : 'event.close');
    case 'error':
      return t('event.error', {code: event.error.sysCode ?? event.error.code, operation: event.error.operation});
    case 'os': {
      const e = event.entry;
      const where = {protocol: e.protocol, local: endpointText(e.local)};
      if (event.change === 'removed') return t('event.osRemoved', where);
      if (event.change === 'state') return t('event.osState', {...where, from: event.previousState ?? '?', to: e.state});
      return t('event.osAdded', {...where, state: e.state});
    }
  }
  return ''; // unreachable while the switch covers every event type
}

const FLOOD_KEY = {data: 'data', message: 'received'} as const;

export function rowCells(row: LogRow, t: TFunction): EventCells {
  if (row.kind === 'event') {
    const {event} = row;
    return {time: String(Math.round(event.t)), socket: event.socket, name: eventName(event, t), details: eventDetails(event, t), error: event.type === 'error'};
  }
  const key = row.type === 'send' ? (row.protocol === 'udp' ? 'sent' : 'write') : FLOOD_KEY[row.type];
  return {
    time: String(Math.round(row.lastT)),
    socket: row.socket,
    name: t(`event.name.${row.type === 'send' && row.protocol === 'udp' ? 'sendto' : row.type}`),
    details: t(`log.flood.${key}`, {count: row.count, bytes: bytes(t, row.bytes)}),
    error: false,
  };
}
