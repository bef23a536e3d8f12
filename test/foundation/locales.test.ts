import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../e2e/pty-rig.ts';

const LANGS = ['en', 'fa', 'ru'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
// The socket API's words stay Latin in every language (CURRICULUM.md).
const API_WORDS = new Set(['socket', 'bind', 'listen', 'connect', 'accept', 'send', 'sendto', 'recv', 'recvfrom', 'close', 'shutdown', 'disconnect', 'reset', 'TCP', 'UDP', 'Unix', 'TIME_WAIT', 'LISTEN', 'ESTABLISHED']);

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

function load(lng: string): Map<string, string> {
  const dir = path.join(ROOT, 'locales', lng);
  const all = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const ns = file.slice(0, -5);
    for (const [key, value] of flatten(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))) all.set(`${ns}:${key}`, value);
  }
  return all;
}

describe('locales: three languages, always complete', () => {
  const keys = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<(typeof LANGS)[number], Map<string, string>>;
  // Plural forms differ by language (ru has _few and _many, fa and en only _one/_other):
  // compare keys without their plural suffix, then check each language's own forms.
  const base = (lng: string) => new Set([...keys[lng as 'en'].keys()].map((k) => k.replace(PLURAL, '')));
  const union = new Set(LANGS.flatMap((l) => [...base(l)]));

  it('has prose to check', () => {
    expect(keys.en.size).toBeGreaterThan(20);
  });

  for (const lng of LANGS) {
    it(`${lng} has every key, none empty`, () => {
      const own = base(lng);
      const missing = [...union].filter((k) => !own.has(k));
      const empty = [...keys[lng]].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(missing).toEqual([]);
      expect(empty).toEqual([]);
    });
  }

  it('every plural key has the forms its language needs', () => {
    for (const lng of LANGS) {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const plural = new Set([...keys[lng].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const lacking = [...plural].flatMap((k) => categories.filter((c) => !keys[lng].has(`${k}_${c}`)).map((c) => `${lng} ${k}_${c}`));
      expect(lacking).toEqual([]);
    }
  });

  it('fa and ru are written in their own scripts, not left in English', () => {
    const scripts = {fa: /[\u0600-\u06FF]/, ru: /[\u0400-\u04FF]/};
    for (const lng of ['fa', 'ru'] as const) {
      const untranslated = [...keys[lng]]
        .filter(([k, v]) => /[A-Za-z]{4,}/.test(v.replace(/\{\{[^}]*\}\}|\{[^}]*\}/g, "")) && !scripts[lng].test(v) && v === keys.en.get(k))
        // A value that is only a command, an address or a name stays ASCII by design.
        .filter(([k, v]) => !/(^|:)name$/.test(k) && !v.split(/[\s,/|]+/).every((word) => API_WORDS.has(word)));
      expect(untranslated.map(([k]) => k)).toEqual([]);
    }
  });

  it('interpolation variables match across languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}|\{([\w#.-]+\.(?:port|host|local|remote|path))\}/g)].map((m) => m[1] ?? m[2]).sort();
    const mismatched = [...keys.en]
      .filter(([k, v]) => LANGS.some((l) => keys[l].has(k) && JSON.stringify(vars(keys[l].get(k)!)) !== JSON.stringify(vars(v))))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });
});
