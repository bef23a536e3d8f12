// A checker for the small part of JSON Schema that lessonSchema uses. It replaced ajv in
// the bundle (ajv and its code generator were ~125 KB of the package and ~100 ms of
// start-up); it reports what ajv reports with allErrors, in ajv's order, and
// test/lessons/schema-check.test.ts compares the two on generated documents.
import type {Path} from './yaml-source.ts';

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer';
  required?: readonly string[];
  additionalProperties?: false;
  properties?: Readonly<Record<string, Schema>>;
  items?: Schema;
  minItems?: number;
  uniqueItems?: boolean;
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
}

export interface SchemaError {
  keyword: string;
  path: Path;
  params: Record<string, unknown>;
}

const patterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const typeOk: Record<NonNullable<Schema['type']>, (v: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  integer: Number.isInteger,
};

/** Every complaint about `data`, as ajv (allErrors) would list them. */
export function checkSchema(schema: Schema, data: unknown, path: Path = [], out: SchemaError[] = []): SchemaError[] {
  const error = (keyword: string, params: Record<string, unknown>, at: Path = path) => out.push({keyword, path: at, params});
  if (schema.type && !typeOk[schema.type](data)) error('type', {type: schema.type});
  if (schema.enum && !schema.enum.includes(data)) error('enum', {allowedValues: schema.enum});
  if (isNumber(data) && schema.minimum !== undefined && data < schema.minimum) {
    error('minimum', {comparison: '>=', limit: schema.minimum});
  }
  if (typeof data === 'string') {
    // ajv counts code points, not UTF-16 units.
    if (schema.minLength !== undefined && [...data].length < schema.minLength) error('minLength', {limit: schema.minLength});
    if (schema.pattern !== undefined && !regex(schema.pattern).test(data)) error('pattern', {pattern: schema.pattern});
  }
  if (Array.isArray(data)) {
    if (schema.minItems !== undefined && data.length < schema.minItems) error('minItems', {limit: schema.minItems});
    if (schema.items) data.forEach((item, i) => checkSchema(schema.items!, item, [...path, i], out));
    if (schema.uniqueItems) {
      const dup = duplicate(data, schema.items?.type);
      if (dup) error('uniqueItems', dup);
    }
  }
  if (isObject(data)) {
    for (const key of schema.required ?? []) if (data[key] === undefined) error('required', {missingProperty: key});
    if (schema.additionalProperties === false) {
      for (const key in data) if (!schema.properties || !Object.hasOwn(schema.properties, key)) error('additionalProperties', {additionalProperty: key});
    }
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (data[key] !== undefined) checkSchema(sub, data[key], [...path, key], out);
    }
  }
  return out;
}

/**
 * The first duplicate pair, found the way ajv's generated code finds it: with a typed
 * item schema it scans from the end with a map (j is the later index), otherwise it
 * compares pairs from the end (j is the earlier index).
 */
function duplicate(data: unknown[], itemType: Schema['type']): {i: number; j: number} | undefined {
  if (itemType === 'string' || itemType === 'integer') {
    const seen = new Map<unknown, number>();
    for (let i = data.length - 1; i >= 0; i--) {
      const item = data[i];
      if (!typeOk[itemType](item)) continue;
      const j = seen.get(item);
      if (j !== undefined) return {i, j};
      seen.set(item, i);
    }
    return undefined;
  }
  for (let i = data.length - 1; i >= 0; i--) {
    for (let j = i - 1; j >= 0; j--) if (deepEqual(data[i], data[j])) return {i, j};
  }
  return undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
