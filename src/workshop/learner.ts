// What a learner's screen knows: a reducer over what their client saw and did. Pure
// data, so the screen, the plain transcript and the tests read the same state.
import type {Diagnosis} from './doctor.ts';
import type {Addr} from './events.ts';
import type {ExperimentId} from './experiments.ts';
import type {HostLine, WallRowLine} from './protocol.ts';

export interface WallCopy {
  listening: number;
  connections: number;
  ports: number;
  addresses: number;
  rows: WallRowLine[];
}

export interface PollView {
  id: string;
  question: string;
  choices: string[];
  answered?: number;
  reveal?: {answer: number; counts: number[]};
  explain?: string;
}

/** One experiment as this learner lived it. */
export interface ExperimentView {
  id: ExperimentId;
  phase: 'running' | 'ended';
  /** second-connection: the second socket's own address, and how the host saw it. */
  second?: Addr;
  secondSeenAs?: Addr;
  /** refused: what the new connect got. */
  outcome?: string;
  /** udp: the host's UDP port, the address our datagram left from, the room's total. */
  udpPort?: number;
  sentFrom?: Addr;
  datagrams?: number;
  /** close: who closed first, the 4-tuple that closed, whether our OS shows TIME_WAIT for it, the new connection. */
  closer?: 'you' | 'host';
  closed?: {local: Addr; remote: Addr};
  timeWait?: boolean;
  back?: Addr;
  /** The first connection's address when the experiment started (to compare). */
  first?: Addr;
  failed?: Diagnosis;
}

export interface LearnerState {
  phase: 'connecting' | 'joined' | 'reconnecting' | 'failed' | 'ended';
  host: string;
  port: number;
  code: string;
  nick: string;
  learner?: number;
  /** Our connection as our OS has it: local is our address:port, remote the host's. */
  local?: Addr;
  remote?: Addr;
  /** What the host sees as our address:port (the wall's remote address for our row). */
  seenAs?: Addr;
  wall?: WallCopy;
  /** A wall copy whose rows are still arriving, and how many it announced. */
  wallPending?: {copy: WallCopy; expected: number};
  poll?: PollView;
  experiment?: ExperimentView;
  stuck: boolean;
  diagnosis?: Diagnosis;
  /** How many times the join was tried. */
  attempts: number;
}

export type LearnerAction =
  | {kind: 'connecting'}
  | {kind: 'connected'; local: Addr; remote: Addr}
  | {kind: 'line'; line: HostLine}
  | {kind: 'failed'; diagnosis: Diagnosis}
  | {kind: 'stuck'; on: boolean}
  | {kind: 'answer'; choice: number}
  | {kind: 'experiment'; patch: Partial<ExperimentView>}
  | {kind: 'reconnecting'}
  | {kind: 'ended'};

export function initialLearnerState(target: {host: string; port: number; code: string; nick: string}): LearnerState {
  return {phase: 'connecting', ...target, stuck: false, attempts: 0};
}

// A poll's lines arrive one by one (poll, q, c…): this remembers which poll they belong to.
export function learnerReducer(state: LearnerState, action: LearnerAction): LearnerState {
  switch (action.kind) {
    case 'connecting':
      return {...state, phase: state.phase === 'reconnecting' ? 'reconnecting' : 'connecting', attempts: state.attempts + 1};
    case 'connected':
      return {...state, local: action.local, remote: action.remote};
    case 'failed':
      return {...state, phase: 'failed', diagnosis: action.diagnosis};
    case 'stuck':
      return {...state, stuck: action.on};
    case 'answer':
      return state.poll ? {...state, poll: {...state.poll, answered: action.choice}} : state;
    case 'experiment':
      return state.experiment ? {...state, experiment: {...state.experiment, ...action.patch}} : state;
    case 'reconnecting':
      return {...state, phase: 'reconnecting'};
    case 'ended':
      return state.phase === 'failed' ? state : {...state, phase: 'ended'};
    case 'line':
      return onLine(state, action.line);
  }
}

function onLine(state: LearnerState, line: HostLine): LearnerState {
  switch (line.kind) {
    case 'welcome':
      return {...state, phase: 'joined', learner: line.learner};
    case 'you':
      if (line.role === 'second') return state.experiment ? {...state, experiment: {...state.experiment, secondSeenAs: {address: line.address, port: line.port}}} : state;
      return {...state, seenAs: {address: line.address, port: line.port}};
    case 'wall': {
      const copy: WallCopy = {listening: line.listening, connections: line.connections, ports: line.ports, addresses: line.addresses, rows: []};
      // The rows follow the counts line: the copy is shown once they are all here.
      if (line.rows === 0) return withoutPendingWall({...state, wall: copy});
      return {...state, wallPending: {copy, expected: line.rows}};
    }
    case 'row': {
      const pending = state.wallPending;
      if (!pending) return state;
      const copy = {...pending.copy, rows: [...pending.copy.rows, {learner: line.learner, address: line.address, port: line.port, role: line.role, nick: line.nick}]};
      if (copy.rows.length < pending.expected) return {...state, wallPending: {copy, expected: pending.expected}};
      return withoutPendingWall({...state, wall: copy});
    }
    case 'poll':
      return {...state, poll: {id: line.id, question: '', choices: Array.from({length: line.choices}, () => '')}};
    case 'q':
      return state.poll ? {...state, poll: {...state.poll, question: line.text}} : state;
    case 'c': {
      const p = state.poll;
      if (!p || line.n > p.choices.length) return state;
      const choices = [...p.choices];
      choices[line.n - 1] = line.text;
      return {...state, poll: {...p, choices}};
    }
    case 'answered':
      return state.poll?.id === line.id ? {...state, poll: {...state.poll, answered: line.choice}} : state;
    case 'reveal':
      return state.poll?.id === line.id ? {...state, poll: {...state.poll, reveal: {answer: line.answer, counts: line.counts}}} : state;
    case 'explain':
      return state.poll ? {...state, poll: {...state.poll, explain: line.text}} : state;
    case 'poll-closed':
      return state.poll?.id === line.id ? withoutPoll(state) : state;
    case 'exp': {
      if (line.phase === 'start') {
        const view: ExperimentView = {id: line.id, phase: 'running'};
        if (state.local) view.first = state.local;
        if (line.id === 'udp' && line.args[0] !== undefined && /^\d+$/.test(line.args[0])) view.udpPort = Number(line.args[0]);
        if (line.id === 'close' && (line.args[0] === 'you' || line.args[0] === 'host')) view.closer = line.args[0];
        return {...state, experiment: view};
      }
      if (state.experiment?.id !== line.id) return state;
      const ended: ExperimentView = {...state.experiment, phase: 'ended'};
      if (line.id === 'udp' && line.args[0] !== undefined && /^\d+$/.test(line.args[0])) ended.datagrams = Number(line.args[0]);
      return {...state, experiment: ended};
    }
    default:
      return state;
  }
}

function withoutPendingWall(state: LearnerState): LearnerState {
  const {wallPending: _pending, ...rest} = state;
  return rest;
}

function withoutPoll(state: LearnerState): LearnerState {
  const {poll: _poll, ...rest} = state;
  return rest;
}
