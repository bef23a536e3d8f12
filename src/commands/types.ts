// Typed commands and typed parse errors. Data only: src/ui/format turns them into words.

import type {LabEventType} from '../lab/types.ts';
import type {Language, Verb} from './verbs.ts';

/** Where a command's address comes from. A NAME is resolved when the command runs. */
export type AddressArg =
  | {kind: 'inet'; host: string; port: number; family: 4 | 6 | 'hostname'; /** typed as a bare port */ bare?: boolean}
  | {kind: 'socket'; name: string}
  | {kind: 'path'; path: string};

/** The socket a command acts on: a new one of a protocol, or an existing one by name. */
export type Target = {kind: 'new'; protocol: 'tcp' | 'udp' | 'unix'; name?: string} | {kind: 'existing'; name: string};

export type PortSpec =
  | {kind: 'port'; port: number}
  | {kind: 'range'; from: number; to: number}
  | {kind: 'socket'; name: string};

export type Command =
  | {verb: 'socket'; protocol: 'tcp' | 'udp'; name?: string}
  | {verb: 'bind'; target: Target; address: AddressArg}
  /** address is absent for `listen unix` (fresh temp path) and `listen NAME` (its bound address). */
  | {verb: 'listen'; target: Target; address?: AddressArg}
  | {verb: 'connect'; target: Target; address: AddressArg; from?: AddressArg}
  | {verb: 'send'; socket: string; text: string}
  | {verb: 'sendto'; target: Target; address: AddressArg; text: string}
  | {verb: 'shutdown' | 'close' | 'reset'; socket: string}
  | {verb: 'sockets'}
  | {verb: 'os'}
  | {verb: 'scan'; host: string; hostFamily: 4 | 6 | 'hostname'; ports: PortSpec[]}
  | {verb: 'wait'; event: LabEventType; socket?: string; timeoutMs: number}
  | {verb: 'help'; topic?: Verb}
  | {verb: 'lang'; lng: Language}
  | {verb: 'clear'}
  | {verb: 'quit'};

/** What a missing or wrong argument should have been. */
export type Expectation =
  | 'verb'
  | 'protocol-or-name'
  | 'name'
  | 'address'
  | 'path'
  | 'text'
  | 'ports'
  | 'event'
  | 'timeout'
  | 'language';

export const PARSE_ERROR_CODES = [
  'EMPTY', // blank line or only a comment
  'LINE_TOO_LONG',
  'CONTROL_CHAR',
  'UNTERMINATED_QUOTE',
  'BAD_ESCAPE',
  'UNKNOWN_VERB',
  'MISSING', // an argument is missing: see `expected`
  'EXTRA', // more arguments than the verb takes
  'BAD_PROTOCOL', // a protocol this verb cannot use
  'NOT_A_NAME', // expected a socket name (or protocol), got something else
  'BAD_NAME', // `as NAME` with an invalid or reserved name
  'AS_NOT_ALLOWED', // `as NAME` on a command that creates no socket
  'BAD_ADDRESS',
  'BAD_PATH',
  'BAD_PORT', // not 0..65535
  'BAD_RANGE',
  'TEXT_TOO_LONG',
  'BAD_EVENT',
  'BAD_TIMEOUT',
  'BAD_LANGUAGE',
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  /** 0-based index into the line as typed (UTF-16 units), where the problem starts. */
  at: number;
  /** The offending word as typed (shortened to 40 characters), when there is one. */
  token?: string;
  /** The verb being parsed, once known. */
  verb?: Verb;
  expected?: Expectation;
  /** Allowed values (protocols, events, languages) for BAD_* codes. */
  allowed?: readonly string[];
  /** For UNKNOWN_VERB: the nearest verb. */
  suggestion?: string;
  /** For *_TOO_LONG: the limit; `actual` is the measured size. */
  limit?: number;
  actual?: number;
  /** For CONTROL_CHAR: the code point. */
  codePoint?: number;
}

export type ParseResult = {ok: true; command: Command} | {ok: false; error: ParseError};
