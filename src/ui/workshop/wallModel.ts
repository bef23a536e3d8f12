// What the wall shows, read from the host's room and its lab: the listening socket and one
// row per accepted socket (nickname, source address:port, state, bytes), the counts, the
// poll, the experiment, and the grid's learners. Plain data: the line builders draw it.
import type {LabEvent} from '../../lab/types.ts';
import type {HostEvent} from '../../workshop/events.ts';
import type {RoomRecord, WorkshopHost} from '../../workshop/host.ts';
import {maskAddress} from '../../workshop/privacy.ts';
import type {ExperimentId} from '../../workshop/experiments.ts';

export interface WallRow {
  kind: 'listener' | 'udp' | 'main' | 'second' | 'pending';
  /** A nickname from outside (escape before drawing), or '' for our own sockets. */
  nick: string;
  learner?: number;
  address: string;
  port: number;
  state: string;
  bytesIn: number;
  bytesOut: number;
}

export interface GridRow {
  learner: number;
  nick: string;
  address: string;
  present: boolean;
  leaveReason?: string;
  step?: string;
  result?: string;
  answer?: number;
  stuck: boolean;
}

export interface WallModel {
  room: RoomRecord;
  listening: boolean;
  udpPort?: number;
  rows: WallRow[];
  counts: {listening: number; connections: number; ports: number; addresses: number};
  poll?: {id: string; ns: string; question: string; choices: readonly string[]; counts: number[]; revealed: boolean; answer: number};
  experiment?: {id: ExperimentId; phase: string; datagrams: number};
  grid: GridRow[];
  failures: {address: string; port: number; reason: string}[];
  /** The version of the room this model was read at. */
  version: number;
}

export function wallModel(host: WorkshopHost, room: RoomRecord): WallModel {
  const r = host.room;
  const hide = (a: string) => (room.private ? maskAddress(a) : a);
  const rows: WallRow[] = [];
  rows.push({kind: 'listener', nick: '', address: room.address, port: host.port, state: r.listening ? 'LISTEN' : 'closed', bytesIn: 0, bytesOut: 0});
  if (r.udpPort !== undefined) rows.push({kind: 'udp', nick: '', address: room.address, port: r.udpPort, state: 'UNCONN', bytesIn: host.lab.get('room-udp')?.bytesIn ?? 0, bytesOut: 0});
  for (const c of r.connections.values()) {
    const info = c.socket !== undefined ? host.lab.get(c.socket) : undefined;
    const l = c.learner !== undefined ? r.learners.get(c.learner) : undefined;
    const row: WallRow = {
      kind: c.role,
      nick: l?.nick ?? '',
      address: hide(c.from.address),
      port: c.from.port,
      state: info?.state ?? 'closed',
      bytesIn: info?.bytesIn ?? 0,
      bytesOut: info?.bytesOut ?? 0,
    };
    if (c.learner !== undefined) row.learner = c.learner;
    rows.push(row);
  }
  const model: WallModel = {room, listening: r.listening, rows, counts: r.counts(), grid: [], failures: [], version: r.version};
  if (r.udpPort !== undefined) model.udpPort = r.udpPort;
  if (r.poll) {
    const p = r.poll.poll;
    model.poll = {id: p.id, ns: p.ns, question: p.question, choices: p.choices, counts: [...r.poll.counts], revealed: r.poll.phase === 'revealed', answer: p.answer};
  }
  if (r.experiment) model.experiment = {id: r.experiment.id, phase: r.experiment.phase, datagrams: r.experiment.datagrams};
  for (const l of r.learners.values()) {
    const g: GridRow = {learner: l.id, nick: l.nick, address: hide(l.address), present: l.present, stuck: l.stuck};
    if (l.leaveReason) g.leaveReason = l.leaveReason;
    if (l.step) g.step = l.step;
    const last = Object.entries(l.results).at(-1);
    if (last) g.result = `${last[0]}: ${last[1]}`;
    const answer = r.poll?.answers.get(l.id);
    if (answer !== undefined) g.answer = answer;
    model.grid.push(g);
  }
  model.failures = r.failures.slice(-50).map((f) => ({address: hide(f.from.address), port: f.from.port, reason: f.reason}));
  return model;
}

/** Lab events worth redrawing for (bytes moved, states changed). */
export function labChanges(e: LabEvent): boolean {
  return e.type !== 'os';
}

/** Host events the activity list keeps. */
export function shownEvent(e: HostEvent): boolean {
  return e.type !== 'step' && !(e.type === 'connection' && e.phase !== 'rejected' && e.role !== 'second');
}
