// Builtin lessons are parsed by the build (preparse) and the app loads them without
// parsing YAML: the lessons, and the lines errors name, are the same either way.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readContent} from '../../scripts/build.mjs';
import {builtinContent} from '../../src/content/builtin.ts';
import {loadCatalog} from '../../src/lessons/pack-catalog.ts';
import {loadPack} from '../../src/lessons/loader.ts';
import {parseYamlSource, preparse, preparsedSource} from '../../src/lessons/yaml-source.ts';

const content = builtinContent();

describe('preparsed builtin lessons', () => {
  it('load to the same lessons as from their text', () => {
    const fromText = loadPack({name: 'builtin', lessons: content.lessons, locales: content.locales});
    const withParsed = content.lessons.map((l) => ({...l, parsed: preparse(l.text)}));
    expect(withParsed.every((l) => l.parsed)).toBe(true);
    const fromData = loadPack({name: 'builtin', lessons: withParsed, locales: content.locales});
    expect(fromText.errors).toEqual([]);
    expect(fromData).toEqual(fromText);
  });

  it('the build also loads them (the app does not check them again at start-up): the same lessons', () => {
    const built = readContent(path.resolve(import.meta.dirname, '../..'));
    expect(built.validated).toHaveLength(content.lessons.length);
    // As the bundle sees them: JSON text.
    const embedded = JSON.parse(JSON.stringify(built));
    expect(loadCatalog({content: embedded})).toEqual(loadCatalog({content}));
    // With a pack after them: the same catalog.
    const dup = loadCatalog({content: embedded, packs: [path.resolve(import.meta.dirname, 'fixtures/good')]});
    expect(dup).toEqual(loadCatalog({content, packs: [path.resolve(import.meta.dirname, 'fixtures/good')]}));
  });

  it('a file with YAML problems is not preparsed (the app reports it)', () => {
    expect(preparse('id: [x')).toBeUndefined();
    expect(preparse('say: !!js/function x')).toBeUndefined();
  });

  it('any line not stored is found by parsing the text on demand', () => {
    const text = content.lessons[0]!.text;
    const full = parseYamlSource(text);
    const pre = preparsedSource(text, preparse(text)!);
    for (const path of [['id'], ['steps', 1], ['steps', 2, 'run', 0], ['concepts'], ['nothing', 'here']]) {
      expect(pre.lineOf(path)).toBe(full.lineOf(path));
    }
    expect(pre.keyLineOf([], 'steps')).toBe(full.keyLineOf([], 'steps'));
  });
});
