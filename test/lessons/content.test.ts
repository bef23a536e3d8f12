// The builtin lessons as data: valid, complete in all three languages, covering C1–C15.
import {describe, expect, it} from 'vitest';
import {builtinContent} from '../../src/content/builtin.ts';
import {LANGUAGES} from '../../src/i18n/languages.ts';
import {loadPack} from '../../src/lessons/loader.ts';
import {CONCEPTS} from '../../src/lessons/types.ts';

const content = builtinContent();
const {lessons, errors} = loadPack({name: 'builtin', ...content});

describe('builtin lessons', () => {
  it('there is at least one lesson file, and every one is valid', () => {
    expect(content.lessons.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(lessons).toHaveLength(content.lessons.length);
  });

  it('every lesson ships all three languages (so every key exists in each)', () => {
    // The loader checks every referenced key in every language a lesson ships; here we
    // make sure the builtin ones ship en, fa and ru.
    for (const l of lessons) expect(l.languages.slice().sort(), l.id).toEqual([...LANGUAGES].sort());
  });

  it('every lesson has a task and a question', () => {
    for (const l of lessons) {
      expect(l.steps.some((s) => s.kind === 'task'), l.id).toBe(true);
      expect(l.steps.some((s) => s.kind === 'ask'), l.id).toBe(true);
    }
  });

  it('every concept C1–C15 is taught by some lesson', () => {
    const covered = new Set(lessons.flatMap((l) => l.concepts));
    expect(CONCEPTS.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('lesson order numbers are unique', () => {
    const orders = lessons.map((l) => l.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('the runner words exist in every language with the same keys', () => {
    const flat = (o: unknown, prefix = ''): string[] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? flat(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
      );
    const en = new Set(flat(content.locales.en?.lessons));
    expect(en.size).toBeGreaterThan(0);
    for (const lng of LANGUAGES) expect(new Set(flat(content.locales[lng]?.lessons)), lng).toEqual(en);
  });
});
