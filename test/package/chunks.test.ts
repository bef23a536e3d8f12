// What each start loads before it does anything (issue 14): read from esbuild's metafile
// of the build (`npm test` builds first). The menu's first frame must not wait for the
// lab, the lesson runner, the command language, the pack reader (and its YAML parser),
// or the words of languages nobody asked for; --version must not load Ink or i18next.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/meta.json'), 'utf8')) as {
  outputs: Record<string, {imports: {path: string; kind: string}[]; inputs: Record<string, unknown>; entryPoint?: string}>;
};

/** Output files whose own inputs include `input`. */
function outputsOf(input: string): string[] {
  return Object.keys(meta.outputs).filter((o) => Object.keys(meta.outputs[o]!.inputs).some((i) => i.endsWith(input)));
}

/** Every input loaded with `input`'s chunk before it runs (static imports only). */
function loadedWith(input: string): string[] {
  const [start] = outputsOf(input);
  expect(start, `${input} is in no chunk`).toBeDefined();
  const seen = new Set<string>();
  const stack = [start!];
  while (stack.length > 0) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out]!.imports) if (i.kind === 'import-statement' && meta.outputs[i.path]) stack.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
}

const matching = (inputs: string[], pattern: RegExp) => inputs.filter((i) => pattern.test(i));

describe('what a start loads', () => {
  it('the menu (src/cli/interactive.tsx): no lab, lesson runner, command executor, pack reader, YAML or other languages', () => {
    const inputs = loadedWith('src/cli/interactive.tsx');
    expect(matching(inputs, /node_modules\/ink\//).length, 'the menu is drawn by Ink').toBeGreaterThan(0);
    expect(matching(inputs, /src\/lab\/index\.ts|src\/lab\/lab\.ts/)).toEqual([]);
    expect(matching(inputs, /src\/lessons\/(session|loader|pack-fs|runner)\.ts/)).toEqual([]);
    expect(matching(inputs, /src\/commands\/(index|parse|executor|tokenize)\.ts/)).toEqual([]);
    expect(matching(inputs, /node_modules\/yaml\//)).toEqual([]);
    expect(matching(inputs, /src\/content\/locale-(en|fa|ru)\.ts/)).toEqual([]);
  });

  it('the lesson and REPL screens are a chunk of their own, with the lab', () => {
    const inputs = loadedWith('src/cli/lesson-screens.tsx');
    expect(matching(inputs, /src\/lab\/index\.ts/)).toHaveLength(1);
    expect(outputsOf('src/cli/lesson-screens.tsx')).not.toEqual(outputsOf('src/cli/interactive.tsx'));
  });

  it('each language’s words are a chunk of their own, loaded by nothing else', () => {
    const chunks = ['en', 'fa', 'ru'].map((lng) => outputsOf(`src/content/locale-${lng}.ts`));
    for (const c of chunks) expect(c).toHaveLength(1);
    expect(new Set(chunks.flat()).size).toBe(3);
    for (const c of chunks) {
      const importers = Object.keys(meta.outputs).filter((o) => meta.outputs[o]!.imports.some((i) => i.path === c[0] && i.kind === 'import-statement'));
      expect(importers, `${c[0]} is imported statically`).toEqual([]);
    }
  });

  it('--version and argument errors (dist/app.js): no Ink, React, yoga or i18next', () => {
    const inputs = loadedWith('src/cli.tsx');
    expect(matching(inputs, /node_modules\/(ink|react|react-reconciler|yoga-layout|i18next)\//)).toEqual([]);
  });
});
