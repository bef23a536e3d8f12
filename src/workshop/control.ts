// The instructor's commands as typed lines (headless `host` reads them on standard
// input): `poll ID`, `reveal`, `close-poll`, `run ID`, `end`, `kick N`, `polls`, `quit`.
import {toAsciiDigits} from '../i18n/digits.ts';
import {isExperimentId} from './experiments.ts';
import type {InstructorInput} from './host.ts';

export type ControlLine =
  | InstructorInput
  | {kind: 'polls'}
  | {kind: 'quit'}
  | {kind: 'empty'}
  | {kind: 'bad'; word: string};

export function parseControlLine(line: string): ControlLine {
  const [word = '', arg, extra] = toAsciiDigits(line).trim().split(/\s+/);
  const w = word.toLowerCase();
  if (w === '') return {kind: 'empty'};
  const bad: ControlLine = {kind: 'bad', word: w.slice(0, 32)};
  if (extra !== undefined) return bad;
  switch (w) {
    case 'poll':
      return arg ? {kind: 'open-poll', id: arg} : bad;
    case 'reveal':
      return arg === undefined ? {kind: 'reveal'} : bad;
    case 'close-poll':
      return arg === undefined ? {kind: 'close-poll'} : bad;
    case 'run':
    case 'start':
      return arg && isExperimentId(arg) ? {kind: 'start', experiment: arg} : bad;
    case 'end':
      return arg === undefined ? {kind: 'end'} : bad;
    case 'kick':
      return arg && /^\d{1,6}$/.test(arg) ? {kind: 'kick', learner: Number(arg)} : bad;
    case 'polls':
      return {kind: 'polls'};
    case 'quit':
    case 'q':
      return {kind: 'quit'};
    default:
      return bad;
  }
}
