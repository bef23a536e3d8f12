// An i18next instance for tests: every locales/<lng>/*.json loaded as a namespace named
// after the file, no fallback language (a missing key must fail, not print English), and
// a record of every missing key.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import i18next, {type i18n as I18n} from 'i18next';
import {proseNumbers} from '../../../src/i18n/formatter.ts';

export const LANGUAGES = ['en', 'fa', 'ru'] as const;
export type Lng = (typeof LANGUAGES)[number];

const root = join(import.meta.dirname, '..', '..', '..', 'locales');

export function loadLocale(lng: string): Record<string, Record<string, unknown>> {
  const dir = join(root, lng);
  const out: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.json')) out[file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  }
  return out;
}

export interface TestI18n {
  i18n: I18n;
  missing: string[];
}

export function createTestI18n(lng: Lng): TestI18n {
  const missing: string[] = [];
  // Numbers are formatted as the app formats them (src/i18n/setup.ts).
  const i18n = i18next.createInstance().use(proseNumbers);
  void i18n.init({
    lng,
    resources: {[lng]: loadLocale(lng)},
    ns: ['ui'],
    defaultNS: 'ui',
    fallbackLng: false,
    initAsync: false,
    interpolation: {escapeValue: false, alwaysFormat: true},
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => {
      missing.push(`${ns}:${key}`);
    },
  });
  return {i18n, missing};
}
