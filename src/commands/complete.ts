// Tab completion: the word under the cursor (at the end of the line) completed from
// verbs, protocols, socket names and keywords that fit its position.

import {PROTOCOLS, VERBS, WAIT_EVENTS, LANGUAGES, isVerb, CREATING_VERBS, type Verb} from './verbs.ts';

export interface Completion {
  /** Index in the line where the completed word starts; replace line.slice(from). */
  from: number;
  /** Candidates in a stable order; empty when nothing fits. */
  candidates: string[];
}

function wordsFor(verb: Verb, index: number, previous: string | undefined, socketNames: readonly string[]): string[] {
  if (previous?.toLowerCase() === 'as') return [];
  const names = [...socketNames];
  switch (verb) {
    case 'help':
      return index === 1 ? [...VERBS] : [];
    case 'lang':
      return index === 1 ? [...LANGUAGES] : [];
    case 'wait':
      return index === 1 ? [...WAIT_EVENTS] : index === 2 ? names : [];
    case 'socket':
      return index === 1 ? ['tcp', 'udp'] : index === 2 ? ['as'] : [];
    case 'send':
    case 'shutdown':
    case 'close':
    case 'reset':
      return index === 1 ? names : [];
    case 'sockets':
    case 'os':
    case 'clear':
    case 'quit':
      return [];
    case 'scan':
      return index >= 2 ? names : [];
    default:
      // bind / listen / connect / sendto: protocol or name, then an address (a name), then `as`.
      if (index === 1) return [...PROTOCOLS, ...names];
      return CREATING_VERBS.has(verb) ? [...names, 'as'] : names;
  }
}

export function completions(line: string, socketNames: readonly string[]): Completion {
  const m = /(\S*)$/.exec(line)!;
  const word = m[1] ?? '';
  const from = line.length - word.length;
  const before = line.slice(0, from).trim();
  const words = before === '' ? [] : before.split(/\s+/);
  let pool: string[];
  if (words.length === 0) pool = [...VERBS];
  else {
    const verb = words[0]!.toLowerCase();
    pool = isVerb(verb) ? wordsFor(verb, words.length, words[words.length - 1], socketNames) : [];
  }
  const lower = word.toLowerCase();
  const candidates = [...new Set(pool)].filter((c) => c.toLowerCase().startsWith(lower));
  return {from, candidates};
}

/** The longest prefix all candidates share: what Tab can insert without choosing. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let p = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}
