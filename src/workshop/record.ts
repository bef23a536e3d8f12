// --record FILE.json: the session for the instructor's notes — who joined and left, each
// experiment and its summary, each poll's counts. No addresses unless asked for.
import type {HostEvent} from './events.ts';

export interface SessionRecord {
  format: 'socket-lessons-workshop';
  version: 1;
  startedAt: string;
  endedAt?: string;
  room: {port: number; max: number; private: boolean; address?: string};
  learners: {learner: number; nick: string; joinedAt: number; leftAt?: number; leaveReason?: string; rejoined: number; address?: string; port?: number}[];
  experiments: {id: string; startedAt: number; endedAt?: number; summary?: Record<string, number>; aborted?: boolean}[];
  polls: {id: string; openedAt: number; counts: number[]; answer?: number; revealed: boolean}[];
  stuck: {learner: number; on: boolean; at: number}[];
  rejected: Record<string, number>;
}

export class Recorder {
  readonly record: SessionRecord;
  private readonly t0: number;

  private readonly withAddresses: boolean;
  private readonly clock: {now(): number; date(): Date};

  constructor(withAddresses: boolean, clock: {now(): number; date(): Date} = {now: () => performance.now(), date: () => new Date()}) {
    this.withAddresses = withAddresses;
    this.clock = clock;
    this.t0 = clock.now();
    this.record = {
      format: 'socket-lessons-workshop', version: 1, startedAt: clock.date().toISOString(),
      room: {port: 0, max: 0, private: false}, learners: [], experiments: [], polls: [], stuck: [], rejected: {},
    };
  }

  private at(): number {
    return Math.round(this.clock.now() - this.t0);
  }

  add(event: HostEvent): void {
    const r = this.record;
    switch (event.type) {
      case 'room':
        r.room = {port: event.port, max: event.max, private: event.private, ...(this.withAddresses ? {address: event.address} : {})};
        return;
      case 'join': {
        const known = r.learners.find((l) => l.learner === event.learner);
        if (known) {
          known.rejoined++;
          delete known.leftAt;
          delete known.leaveReason;
          return;
        }
        const entry: SessionRecord['learners'][number] = {learner: event.learner, nick: event.nick, joinedAt: this.at(), rejoined: 0};
        if (this.withAddresses) {
          entry.address = event.from.address;
          entry.port = event.from.port;
        }
        r.learners.push(entry);
        return;
      }
      case 'leave': {
        const known = r.learners.find((l) => l.learner === event.learner);
        if (known) {
          known.leftAt = this.at();
          known.leaveReason = event.reason;
        }
        return;
      }
      case 'connection':
        if (event.phase === 'rejected' && event.reason) r.rejected[event.reason] = (r.rejected[event.reason] ?? 0) + 1;
        return;
      case 'experiment':
        if (event.phase === 'start') r.experiments.push({id: event.id, startedAt: this.at()});
        else if (event.phase === 'end' || event.phase === 'abort') {
          const open = r.experiments.findLast((e) => e.id === event.id && e.endedAt === undefined);
          if (open) {
            open.endedAt = this.at();
            if (event.summary) open.summary = event.summary;
            if (event.phase === 'abort') open.aborted = true;
          }
        }
        return;
      case 'poll': {
        if (event.phase === 'open') {
          r.polls.push({id: event.id, openedAt: this.at(), counts: event.counts, revealed: false});
          return;
        }
        const open = r.polls.findLast((p) => p.id === event.id);
        if (!open) return;
        open.counts = event.counts;
        if (event.answer !== undefined) open.answer = event.answer;
        if (event.phase === 'reveal') open.revealed = true;
        return;
      }
      case 'stuck':
        r.stuck.push({learner: event.learner, on: event.on, at: this.at()});
        return;
      case 'end':
        r.endedAt = this.clock.date().toISOString();
        return;
      default:
        return;
    }
  }
}
