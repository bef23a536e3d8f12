// The command language's fixed words. Command words stay English in every language.

export const VERBS = [
  'socket',
  'bind',
  'listen',
  'connect',
  'send',
  'sendto',
  'shutdown',
  'close',
  'reset',
  'sockets',
  'os',
  'scan',
  'wait',
  'help',
  'lang',
  'clear',
  'quit',
] as const;

export type Verb = (typeof VERBS)[number];

export const PROTOCOLS = ['tcp', 'udp', 'unix'] as const;

/** Words that can never be socket names: they would make a line ambiguous. */
export const RESERVED = new Set<string>([...PROTOCOLS, 'as', 'from']);

/** Event types `wait` understands (the lab's LabEventType). */
export const WAIT_EVENTS = [
  'socket',
  'bind',
  'listen',
  'connect',
  'accept',
  'data',
  'send',
  'message',
  'end',
  'close',
  'error',
  'os',
] as const;

export const LANGUAGES = ['en', 'fa', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isVerb(word: string): word is Verb {
  return (VERBS as readonly string[]).includes(word);
}

/** Verbs that may create a socket and so accept a trailing `as NAME`. */
export const CREATING_VERBS: ReadonlySet<Verb> = new Set<Verb>(['socket', 'bind', 'listen', 'connect', 'sendto']);
