import i18next, {type i18n} from 'i18next';
import {builtinContent} from '../content/builtin.ts';
import type {LocaleResources} from '../content/types.ts';
import {proseNumbers} from './formatter.ts';
import {LANGUAGES, type Language} from './languages.ts';

/**
 * One i18next instance per app: every locales/<lng>/<ns>.json is a namespace named
 * after its file. Extra resources (a user's lesson pack) are merged on top.
 * Missing keys are never shown raw in production: the fallback is English, and the
 * locale-completeness test makes a missing key a test failure.
 * Numbers interpolated into prose are written in the language's digits (formatter.ts).
 */
const NO_NESTING = '\u0000\u0000';

export function createI18n(lng: Language, extra: LocaleResources[] = []): i18n {
  const resources: LocaleResources = {};
  for (const source of [builtinContent().locales, ...extra]) {
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
  return instance;
}
