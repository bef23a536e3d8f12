// The reachability doctor: why a join failed, sorted into the kinds a learner can act on.
// Each kind is a socket lesson of its own; the screens say what to do, in words.
import type {LabErrorInfo} from '../lab/types.ts';

export type DiagnosisKind =
  /** Nothing listens there: the host is not running, or the port is wrong (ECONNREFUSED). */
  | 'refused'
  /** No answer at all: Wi-Fi client isolation or a firewall drops the packets. */
  | 'timeout'
  /** No route to the host (EHOSTUNREACH/ENETUNREACH): another network, or macOS's local network permission. */
  | 'unreachable'
  /** Something answered but it is not a socket-lessons room. */
  | 'not-a-room'
  | 'wrong-code'
  | 'room-full'
  | 'too-many-connections'
  | 'kicked'
  | 'host-ended'
  /** The address does not parse or does not resolve. */
  | 'bad-address'
  /** Deno without --allow-net. */
  | 'permission'
  /** The connection broke after joining. */
  | 'lost'
  | 'other';

export interface Diagnosis {
  kind: DiagnosisKind;
  /** The system's own error code, when there was one (shown as is: it is what a search finds). */
  code?: string;
  /** The host's reason word, when it said one. */
  reason?: string;
}

const REASONS: Record<string, DiagnosisKind> = {
  'wrong-code': 'wrong-code',
  'room-full': 'room-full',
  'too-many-connections': 'too-many-connections',
  kicked: 'kicked',
  'host-ended': 'host-ended',
};

/** A connect that failed, as the lab reported it; `timedOut` when our own connect timer gave up. */
export function diagnoseConnect(error: LabErrorInfo | undefined, timedOut = false): Diagnosis {
  if (timedOut) return {kind: 'timeout', code: 'ETIMEDOUT'};
  if (!error) return {kind: 'other'};
  const sys = error.sysCode ?? error.code;
  switch (error.code) {
    case 'ECONNREFUSED':
      return {kind: 'refused', code: 'ECONNREFUSED'};
    case 'ETIMEDOUT':
      return {kind: 'timeout', code: 'ETIMEDOUT'};
    case 'EPERM':
      return {kind: 'permission', code: sys};
    case 'ENOTLOOPBACK':
      return {kind: 'bad-address', code: sys};
    case 'ECONNRESET':
      return {kind: 'not-a-room', code: 'ECONNRESET'};
    default:
      break;
  }
  if (sys === 'EHOSTUNREACH' || sys === 'ENETUNREACH' || sys === 'EHOSTDOWN' || sys === 'ENETDOWN') return {kind: 'unreachable', code: sys};
  if (sys === 'ENOTFOUND' || sys === 'EAI_AGAIN' || sys === 'EADDRNOTAVAIL' || sys === 'EINVAL') return {kind: 'bad-address', code: sys};
  return {kind: 'other', code: sys};
}

/** The host said `bye REASON`. */
export function diagnoseBye(reason: string): Diagnosis {
  return {kind: REASONS[reason] ?? 'other', reason};
}

/** Whether trying the same line again could work without changing anything. */
export function retryable(d: Diagnosis): boolean {
  return d.kind === 'room-full' || d.kind === 'lost' || d.kind === 'other';
}
