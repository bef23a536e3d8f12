// The one thing the formatters need from i18next: a t function.
import type {i18n} from 'i18next';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Sentences remembered per instance (bounded): most lines of a transcript repeat. */
const LIMIT = 4096;
const remembered = new WeakMap<i18n, {language: string; said: Map<string, string>}>();

function cacheOf(instance: i18n): Map<string, string> {
  let c = remembered.get(instance);
  if (!c) {
    c = {language: instance.language, said: new Map()};
    const entry = c;
    // New words (a pack's) or another language: forget what was said.
    instance.store?.on?.('added', () => entry.said.clear());
    remembered.set(instance, c);
  }
  if (c.language !== instance.language) {
    c.language = instance.language;
    c.said.clear();
  }
  return c.said;
}

/** The key and its values as one string (typed, so 5 and "5" differ). */
function idOf(key: string, options: Record<string, unknown>): string {
  let id = key;
  for (const name in options) {
    const v = options[name];
    id += `\u0000${name}\u0001${typeof v === 'object' && v !== null ? `o${JSON.stringify(v)}` : `${typeof v}${String(v)}`}`;
  }
  return id;
}

/**
 * i18next's t, typed for the formatters (its overloads don't fit a plain signature).
 * A key with the same values says the same thing, so the answer is remembered: i18next
 * takes tens of microseconds a call, and a script of 100,000 commands asks the same
 * few sentences over and over.
 */
export function translatorOf(instance: i18n): Translate {
  const t = instance.t.bind(instance) as unknown as Translate;
  return (key, options) => {
    const said = cacheOf(instance);
    const id = options === undefined ? key : idOf(key, options);
    let text = said.get(id);
    if (text === undefined) {
      text = t(key, options);
      if (said.size >= LIMIT) said.clear();
      said.set(id, text);
    }
    return text;
  };
}
