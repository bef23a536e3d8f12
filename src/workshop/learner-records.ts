// A learner's state, as a stream of records: what `join --json` prints and the plain
// transcript describes. Each record says what just changed.
import type {Diagnosis} from './doctor.ts';
import type {Addr} from './events.ts';
import type {ExperimentId} from './experiments.ts';
import type {ExperimentView, LearnerState, WallCopy} from './learner.ts';

/** Which part of an experiment changed (the fields of ExperimentView, and its start and end). */
export type ExperimentChange = 'start' | 'end' | 'second' | 'secondSeenAs' | 'outcome' | 'sentFrom' | 'closed' | 'timeWait' | 'back' | 'failed';

export type LearnerRecord =
  | {type: 'connecting'; host: string; port: number; attempt: number}
  | {type: 'joined'; learner: number; local?: Addr; remote?: Addr}
  | {type: 'mirror'; local?: Addr; seenAs: Addr; same: boolean}
  | ({type: 'wall'} & WallCopy)
  | {type: 'poll'; id: string; question: string; choices: string[]}
  | {type: 'answered'; id: string; choice: number}
  | {type: 'reveal'; id: string; answer: number; counts: number[]; explain: string; mine?: number}
  | {type: 'poll-closed'; id: string}
  | {type: 'experiment'; id: ExperimentId; change: ExperimentChange; view: ExperimentView}
  | {type: 'stuck'; on: boolean}
  | {type: 'reconnecting'}
  | {type: 'failed'; diagnosis: Diagnosis}
  | {type: 'ended'};

const FIELDS: readonly Exclude<ExperimentChange, 'start' | 'end'>[] = ['second', 'secondSeenAs', 'outcome', 'sentFrom', 'closed', 'timeWait', 'back', 'failed'];

const sameAddr = (a: Addr | undefined, b: Addr | undefined) => a?.address === b?.address && a?.port === b?.port;

export class LearnerRecords {
  private prev: LearnerState | undefined;
  private pollShown: string | undefined;
  private revealShown: string | undefined;
  private answeredShown: number | undefined;

  /** The records for the step from the last state seen to this one. */
  next(s: LearnerState): LearnerRecord[] {
    const p = this.prev;
    this.prev = s;
    const out: LearnerRecord[] = [];
    if (s.attempts > 0 && s.attempts !== p?.attempts && (s.phase === 'connecting' || s.phase === 'reconnecting')) {
      out.push({type: 'connecting', host: s.host, port: s.port, attempt: s.attempts});
    }
    if (s.phase === 'reconnecting' && p?.phase !== 'reconnecting') out.push({type: 'reconnecting'});
    if (s.phase === 'joined' && s.learner !== undefined && (p?.phase !== 'joined' || p.learner !== s.learner || !sameAddr(p.local, s.local))) {
      const r: LearnerRecord = {type: 'joined', learner: s.learner};
      if (s.local) r.local = s.local;
      if (s.remote) r.remote = s.remote;
      out.push(r);
    }
    if (s.seenAs && !sameAddr(s.seenAs, p?.seenAs)) {
      const r: LearnerRecord = {type: 'mirror', seenAs: s.seenAs, same: sameAddr(s.seenAs, s.local)};
      if (s.local) r.local = s.local;
      out.push(r);
    }
    if (s.wall && s.wall !== p?.wall) out.push({type: 'wall', ...s.wall});
    this.poll(s, out);
    if (s.experiment && s.experiment !== p?.experiment) this.experiment(s.experiment, p?.experiment, out);
    if (s.stuck !== (p?.stuck ?? false)) out.push({type: 'stuck', on: s.stuck});
    if (s.phase === 'failed' && p?.phase !== 'failed' && s.diagnosis) out.push({type: 'failed', diagnosis: s.diagnosis});
    if (s.phase === 'ended' && p?.phase !== 'ended') out.push({type: 'ended'});
    return out;
  }

  private poll(s: LearnerState, out: LearnerRecord[]): void {
    const poll = s.poll;
    if (!poll) {
      if (this.pollShown !== undefined) out.push({type: 'poll-closed', id: this.pollShown});
      this.pollShown = undefined;
      this.revealShown = undefined;
      return;
    }
    // A poll arrives as several lines: show it once every choice has its text.
    if (this.pollShown !== poll.id && poll.question !== '' && poll.choices.every((c) => c !== '')) {
      this.pollShown = poll.id;
      this.revealShown = undefined;
      out.push({type: 'poll', id: poll.id, question: poll.question, choices: poll.choices});
      this.answeredShown = undefined;
    }
    if (this.pollShown === poll.id && poll.answered !== undefined && poll.answered !== this.answeredShown) {
      this.answeredShown = poll.answered;
      out.push({type: 'answered', id: poll.id, choice: poll.answered});
    }
    if (this.pollShown === poll.id && poll.reveal && poll.explain !== undefined && this.revealShown !== poll.id) {
      this.revealShown = poll.id;
      const r: LearnerRecord = {type: 'reveal', id: poll.id, answer: poll.reveal.answer, counts: poll.reveal.counts, explain: poll.explain};
      if (poll.answered !== undefined) r.mine = poll.answered;
      out.push(r);
    }
  }

  private experiment(e: ExperimentView, before: ExperimentView | undefined, out: LearnerRecord[]): void {
    const same = before?.id === e.id && before.phase !== undefined;
    if (!same || (before.phase === 'ended' && e.phase === 'running')) out.push({type: 'experiment', id: e.id, change: 'start', view: e});
    for (const f of FIELDS) {
      if (e[f] !== undefined && (!same || JSON.stringify(e[f]) !== JSON.stringify(before[f]))) out.push({type: 'experiment', id: e.id, change: f, view: e});
    }
    if (e.phase === 'ended' && (!same || before.phase !== 'ended')) out.push({type: 'experiment', id: e.id, change: 'end', view: e});
  }
}
