// What happens in a room, as data: the records `host --json` prints (one per line), the
// screens follow and `--record` keeps. Documented in docs/workshop-protocol.md.
import type {ByeReason} from './protocol.ts';
import type {ExperimentId} from './experiments.ts';

export interface Addr {
  address: string;
  port: number;
}

export interface JoinLines {
  node: string;
  deno: string;
  nc: string;
}

export type LeaveReason = 'closed' | 'kicked' | 'left' | 'host-ended' | 'gone';

export type HostEvent =
  | {
      type: 'room';
      address: string;
      port: number;
      code: string;
      max: number;
      private: boolean;
      join: JoinLines;
      /** The default port was taken: the port asked for, and who held it when known. */
      portFallback?: {wanted: number};
      /** --simulate on a system that does not route all of 127/8: every simulated learner shares 127.0.0.1. */
      simulated?: {learners: number; sharedAddress: boolean};
      discovery?: 'announced' | 'unavailable' | 'off';
    }
  | {type: 'connection'; phase: 'opened' | 'closed' | 'rejected'; conn: number; from: Addr; learner?: number; role?: 'main' | 'second'; reason?: ByeReason}
  | {type: 'join'; learner: number; nick: string; from: Addr; conn: number; resumed: boolean}
  | {type: 'leave'; learner: number; nick: string; reason: LeaveReason}
  | {
      type: 'experiment';
      id: ExperimentId;
      phase: 'start' | 'result' | 'datagram' | 'end' | 'abort';
      learner?: number;
      result?: string;
      port?: number;
      from?: Addr;
      /** At the end: what the room did (learners who took part, results by word). */
      summary?: Record<string, number>;
      /** close: who closes first, by learner. */
      closers?: {you: number[]; host: number[]};
    }
  | {type: 'poll'; id: string; phase: 'open' | 'answer' | 'reveal' | 'close'; learner?: number; choice?: number; counts: number[]; answer?: number}
  | {type: 'stuck'; learner: number; on: boolean}
  | {type: 'step'; learner: number; step: string}
  | {type: 'error'; code: string; experiment?: ExperimentId; poll?: string; learner?: number; sysCode?: string}
  | {type: 'end'; reason: 'quit' | 'signal' | 'error' | 'stdin-closed'};

export type HostEventType = HostEvent['type'];
