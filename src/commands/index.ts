// The command language's public API: parse a line, run it on a lab, complete a word.
export {parseLine, isBlank, suggestVerb, MAX_TEXT_BYTES, DEFAULT_WAIT_MS, MAX_WAIT_MS} from './parse.ts';
export {MAX_LINE_CHARS} from './tokenize.ts';
export {PARSE_ERROR_CODES} from './types.ts';
export {isName} from './address.ts';
export {VERBS, PROTOCOLS, LANGUAGES, WAIT_EVENTS, isVerb, type Verb, type Language} from './verbs.ts';
export type {
  AddressArg,
  Command,
  Expectation,
  ParseError,
  ParseErrorCode,
  ParseResult,
  PortSpec,
  Target,
} from './types.ts';
export {completions, commonPrefix, type Completion} from './complete.ts';
export {createExecutor, type Executor, type ExecutorOptions} from './executor.ts';
export type {Outcome, Result, CommandError, ErrorContext} from './outcome.ts';
export {USAGE} from './usage.ts';
