// What running a command produces: typed results and typed errors, data only.

import type {Endpoint, LabErrorInfo, LabEvent, LabEventType, OsView, Protocol, Role, ScanResult, SocketInfo, SocketState} from '../lab/types.ts';
import type {Command, ParseError} from './types.ts';
import type {Language, Verb} from './verbs.ts';

export type Result =
  | {verb: 'socket'; socket: SocketInfo}
  | {verb: 'bind'; socket: SocketInfo; created: boolean}
  | {verb: 'listen'; socket: SocketInfo; created: boolean}
  | {
      verb: 'connect';
      socket: SocketInfo;
      created: boolean;
      /** When the peer is one of our passive sockets: it, and the socket its accept made. */
      listener?: string;
      accepted?: string;
    }
  | {
      verb: 'send';
      socket: SocketInfo;
      bytes: number;
      /** our socket that received it */
      receivedBy?: string;
      /** Bytes not yet taken by the peer: its receive window is full (flow control, not an error). */
      queued?: number;
    }
  | {
      verb: 'sendto';
      socket: SocketInfo;
      created: boolean;
      to: Endpoint;
      bytes: number;
      /** The socket had no address: the OS bound it here before sending. */
      implicitBind?: Endpoint;
      receivedBy?: string;
    }
  | {verb: 'shutdown' | 'close' | 'reset'; socket: SocketInfo; /** our socket at the other end */ peer?: string}
  | {verb: 'sockets'; sockets: SocketInfo[]}
  | {verb: 'os'; view: OsView}
  | {verb: 'scan'; scan: ScanResult; /** port → our passive sockets on it */ owners: Record<number, string[]>}
  | {verb: 'wait'; event: LabEvent}
  | {verb: 'help'; topic?: Verb}
  | {verb: 'lang'; lng: Language}
  | {verb: 'clear'}
  | {verb: 'quit'};

/** Extra facts the executor knows about a failure, for a better explanation. */
export interface ErrorContext {
  /** ENAME: the name is not a socket of ours, or is already taken. */
  nameProblem?: 'unknown' | 'taken';
  /** ENAME unknown: the names that do exist. */
  known?: string[];
  /** ESTATE: the socket as it was when the command failed. */
  socketProtocol?: Protocol;
  socketRole?: Role;
  socketState?: SocketState;
  /** ESTATE when an address was wanted from a socket that has none yet. */
  noAddress?: boolean;
  /** ETIMEDOUT: what we waited for and how long. */
  waitingFor?: LabEventType | Verb;
  timeoutMs?: number;
}

export type CommandError = ({kind: 'parse'} & ParseError) | ({kind: 'lab'} & LabErrorInfo & ErrorContext);

interface OutcomeBase {
  /** The line as given, when run from text. */
  line?: string;
  /** Lab events that happened while the command ran, in order. */
  events: LabEvent[];
}

export type Outcome =
  | (OutcomeBase & {ok: true; command: Command; result: Result})
  | (OutcomeBase & {ok: false; command?: Command; error: CommandError});
