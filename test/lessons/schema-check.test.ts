// The bundled schema checker against ajv (kept as a devDependency for this test): the
// builtin lessons, damaged at random places with random values, get the same
// complaints, in the same order, from both.
import {Ajv} from 'ajv';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {builtinContent} from '../../src/content/builtin.ts';
import {checkSchema} from '../../src/lessons/schema-check.ts';
import {lessonSchema} from '../../src/lessons/schema.ts';
import {parseYamlSource} from '../../src/lessons/yaml-source.ts';

const ajv = new Ajv({allErrors: true, strict: true}).compile(lessonSchema);

function viaAjv(data: unknown) {
  if (ajv(data)) return [];
  return (ajv.errors ?? []).map((e) => ({
    keyword: e.keyword,
    path: e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    params: e.params,
  }));
}
const viaChecker = (data: unknown) => checkSchema(lessonSchema, data).map((e) => ({...e, path: [...e.path]}));

const lessons = builtinContent().lessons.map((l) => parseYamlSource(l.text).data);

/** Every path into a document (objects and arrays), the document itself included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function mutate(doc: unknown, path: (string | number)[], how: 'set' | 'delete' | 'extra', value: unknown): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return how === 'set' ? value : copy;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path.at(-1)!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (how === 'extra' && parent && typeof parent === 'object' && !Array.isArray(parent)) {
    parent[`x${String(key)}`] = value;
  } else if (how === 'extra' && Array.isArray(parent)) {
    parent.push(structuredClone(parent[key as number]));
  } else {
    parent[key] = value;
  }
  return copy;
}

const values = fc.oneof(
  fc.constantFrom('', 'a', 'A b', 'C1', 'tcp', 'listen', 'EADDRINUSE', 'Eaddr', 'srv', '1x', 'x#1', 0, -1, 1.5, -2.5, 3, null, true, [], {}, ['a', 'a'], ['tcp', 'tcp'], [''], Number.NaN),
  fc.jsonValue({maxDepth: 2}),
);

describe('schema checker = ajv', () => {
  it('accepts every builtin lesson, as ajv does', () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const doc of lessons) {
      expect(viaAjv(doc)).toEqual([]);
      expect(viaChecker(doc)).toEqual([]);
    }
  });

  it('reports the same errors as ajv for damaged lessons', () => {
    const docs = fc
      .tuple(fc.nat(lessons.length - 1), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'extra'), values), {minLength: 1, maxLength: 4}))
      .map(([n, , changes]) => {
        let doc = lessons[n];
        for (const [pick, how, value] of changes) {
          const all = paths(doc);
          doc = mutate(doc, all[pick % all.length]!, how as 'set' | 'delete' | 'extra', value);
        }
        return doc;
      });
    fc.assert(
      fc.property(docs, (doc) => {
        expect(viaChecker(doc)).toEqual(viaAjv(doc));
      }),
      {numRuns: 3000},
    );
  });
});
