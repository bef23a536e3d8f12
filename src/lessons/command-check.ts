// Lesson commands are checked with the same parser the REPL uses.
import {parseLine} from '../commands/index.ts';
import type {LineCheck} from './semantic.ts';

// Verbs that steer the app rather than sockets have no place in a lesson's script.
const NOT_IN_LESSONS = new Set(['quit', 'lang', 'clear']);

export const checkCommandLine: LineCheck = (line) => {
  const parsed = parseLine(line);
  if (!parsed.ok) {
    const {error} = parsed;
    const params: Record<string, string | number> = {column: error.at + 1};
    if (error.token !== undefined) params.token = error.token;
    if (error.suggestion !== undefined) params.suggestion = error.suggestion;
    if (error.expected !== undefined) params.expected = error.expected;
    return {reason: error.code, params};
  }
  if (NOT_IN_LESSONS.has(parsed.command.verb)) return {reason: 'NOT_IN_LESSON', params: {token: parsed.command.verb}};
  return undefined;
};
