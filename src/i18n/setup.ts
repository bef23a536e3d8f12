import i18next, {type i18n} from 'i18next';
import {builtinLocale} from '../content/builtin-locales.ts';
import type {LocaleResources} from '../content/types.ts';
import {proseNumbers} from './formatter.ts';
import {LANGUAGES, isLanguage, type Language} from './languages.ts';

/**
 * One i18next instance per app: every locales/<lng>/<ns>.json is a namespace named
 * after its file. Extra resources (a user's lesson pack) are merged on top.
 * Missing keys are never shown raw in production: the fallback is English, and the
 * locale-completeness test makes a missing key a test failure.
 * Numbers interpolated into prose are written in the language's digits (formatter.ts).
 *
 * Only the learner's language and English (the fallback) are loaded at first; any other
 * language is loaded by ensureLanguages() before it is used (i18next would otherwise
 * answer in English without a word).
 */
const NO_NESTING = '\u0000\u0000';

/** Builtin languages added to each instance (or being added). */
const added = new WeakMap<i18n, Map<Language, Promise<void>>>();

export async function createI18n(lng: Language, extra: LocaleResources[] = []): Promise<i18n> {
  const first = [...new Set<Language>([lng, 'en'])];
  const builtin = await Promise.all(first.map(builtinLocale));
  const resources: LocaleResources = {};
  const sources: LocaleResources[] = [Object.fromEntries(first.map((l, i) => [l, builtin[i]!])), ...extra];
  for (const source of sources) {
    for (const [language, namespaces] of Object.entries(source)) {
      for (const [ns, keys] of Object.entries(namespaces)) {
        (resources[language] ??= {})[ns] = {...resources[language]?.[ns], ...keys};
      }
    }
  }
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
  const instance = i18next.createInstance().use(proseNumbers);
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: namespaces,
    defaultNS: 'app',
    resources,
    initAsync: false,
    // Every value goes through proseNumbers: numbers in prose follow the language.
    // Nesting ($t(key) inside a text) is off: the app's own texts do not use it, and in a
    // lesson pack's prose it would let the pack show the app's words (a fake crash) or
    // nest keys into an exponential "bomb". A prefix no text can hold (pack text went
    // through the sanitiser, which escapes NUL) turns it off.
    interpolation: {escapeValue: false, alwaysFormat: true, nestingPrefix: NO_NESTING, nestingSuffix: NO_NESTING},
    returnNull: false,
  });
  added.set(instance, new Map(first.map((l) => [l, Promise.resolve()])));
  return instance;
}

/**
 * Loads the app's words in `languages` into `instance`, each once: call it before
 * anything asks for a language that may not be loaded (changeLanguage, getFixedT,
 * t(…, {lng})). Anything that is not one of the app's languages is ignored. An
 * instance not made by createI18n (tests) counts a language as loaded when it has the
 * `app` namespace in it.
 */
export function ensureLanguages(instance: i18n, languages: Iterable<string | undefined>): Promise<void> {
  const mine = added.get(instance) ?? new Map<Language, Promise<void>>();
  added.set(instance, mine);
  const waits: Promise<void>[] = [];
  for (const lng of new Set(languages)) {
    if (!isLanguage(lng)) continue;
    let done = mine.get(lng);
    if (!done) {
      done = instance.hasResourceBundle(lng, 'app') ? Promise.resolve() : builtinLocale(lng).then((namespaces) => addBuiltin(instance, lng, namespaces));
      // A failed load is tried again next time.
      done.catch(() => mine.delete(lng));
      mine.set(lng, done);
    }
    waits.push(done);
  }
  return Promise.all(waits).then(() => undefined);
}

/** True when every one of `languages` is loaded: nothing to wait for. */
export function hasLanguages(instance: i18n, languages: Iterable<string | undefined>): boolean {
  for (const lng of languages) if (isLanguage(lng) && !instance.hasResourceBundle(lng, 'app')) return false;
  return true;
}

function addBuiltin(instance: i18n, lng: Language, namespaces: Record<string, Record<string, unknown>>): void {
  // Under what is there (a pack's prose for its own lessons): the app's words never replace a pack's.
  for (const [ns, keys] of Object.entries(namespaces)) instance.addResourceBundle(lng, ns, keys, true, false);
}
