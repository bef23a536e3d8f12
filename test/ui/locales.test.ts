// ui.json is complete in all three languages: the same keys (plural forms aside), no
// empty strings, and the same {{placeholders}} in every language.
import {describe, expect, it} from 'vitest';
import {loadLocale} from './helpers/i18n.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

const ui = (lng: string) => flatten(loadLocale(lng).ui ?? {});
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('locales/*/ui.json', () => {
  const en = ui('en');
  for (const lng of ['fa', 'ru']) {
    it(`${lng} has exactly the English keys, none empty, same placeholders`, () => {
      const other = ui(lng);
      expect([...new Set([...other.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
      for (const [key, text] of other) {
        expect(text.trim(), key).not.toBe('');
        const enText = en.get(key) ?? en.get(`${base(key)}_other`) ?? en.get(base(key))!;
        expect(placeholders(text), key).toEqual(placeholders(enText));
      }
    });
  }
  it('Russian plurals have one, few and many forms wherever English has a plural', () => {
    const ru = ui('ru');
    for (const key of en.keys()) {
      if (!key.endsWith('_other')) continue;
      for (const form of ['one', 'few', 'many']) expect(ru.has(key.replace(/_other$/, `_${form}`)), `${key} ${form}`).toBe(true);
    }
  });
});
