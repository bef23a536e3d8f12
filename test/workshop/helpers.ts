import type {Poll} from '../../src/workshop/polls.ts';
import type {Speaker} from '../../src/workshop/room.ts';

/** A speaker that says its keys (and parameters), so tests see which text was chosen. */
export const keySpeaker: Speaker = {
  say: (lang, key, params) => `${lang}:${key}${params ? ` ${JSON.stringify(params)}` : ''}`,
  poll: (lang, poll: Poll) => ({question: `${lang}:${poll.question}`, choices: poll.choices.map((c) => `${lang}:${c}`), explain: `${lang}:${poll.explain}`}),
};
