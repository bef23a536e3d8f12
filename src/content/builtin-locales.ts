// The app's words, one language at a time: in the build each language is a chunk of its
// own (locale-en.ts, locale-fa.ts, locale-ru.ts hold its locales as JSON text), loaded
// and parsed only when that language is first needed, so a start in English does not
// load or parse the Persian and Russian prose (~230 KB of the ~350 KB).
import type {Language} from '../i18n/languages.ts';
import {builtinContent} from './builtin.ts';

/** One language's namespaces (file name → nested keys). */
export type LocaleNamespaces = Record<string, Record<string, unknown>>;

const loading = new Map<Language, Promise<LocaleNamespaces>>();

export function builtinLocale(lng: Language): Promise<LocaleNamespaces> {
  let locale = loading.get(lng);
  if (!locale) {
    locale = load(lng);
    loading.set(lng, locale);
  }
  return locale;
}

async function load(lng: Language): Promise<LocaleNamespaces> {
  // Literal specifiers: the build makes each its own chunk.
  const {embedded} = await (lng === 'fa' ? import('./locale-fa.ts') : lng === 'ru' ? import('./locale-ru.ts') : import('./locale-en.ts'));
  if (embedded !== undefined) return JSON.parse(embedded) as LocaleNamespaces;
  // From source (tests, dev) the locales are read from the folders.
  return builtinContent().locales[lng] ?? {};
}
