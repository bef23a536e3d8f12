// Schema validation, each complaint mapped back to the YAML line it is about.
import {lessonSchema} from './schema.ts';
import {checkSchema, type SchemaError} from './schema-check.ts';
import type {LessonError, LessonErrorCode} from './types.ts';
import type {Path, YamlSource} from './yaml-source.ts';

export function validateSchema(file: string, source: YamlSource): LessonError[] {
  const seen = new Set<string>();
  const out: LessonError[] = [];
  for (const error of checkSchema(lessonSchema, source.data)) {
    const mapped = mapError(file, source, error);
    const id = `${mapped.line}|${mapped.field}|${mapped.code}|${JSON.stringify(mapped.params)}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(mapped);
    }
  }
  return out;
}

function mapError(file: string, source: YamlSource, error: SchemaError): LessonError {
  const {path, params} = error;
  let code: LessonErrorCode = 'invalid';
  let out: Record<string, string | number> = {};
  let fieldPath: Path = path;
  let line = source.lineOf(path);
  switch (error.keyword) {
    case 'type':
      code = 'type';
      out = {expected: String(params.type)};
      break;
    case 'required':
      code = 'required';
      out = {property: String(params.missingProperty)};
      fieldPath = [...path, String(params.missingProperty)];
      break;
    case 'additionalProperties':
      code = 'unknown-field';
      out = {property: String(params.additionalProperty)};
      fieldPath = [...path, String(params.additionalProperty)];
      line = source.keyLineOf(path, String(params.additionalProperty));
      break;
    case 'enum':
      code = 'enum';
      out = {allowed: (params.allowedValues as unknown[]).map(String).join(', ')};
      break;
    case 'pattern':
      code = 'pattern';
      out = {pattern: String(params.pattern)};
      break;
    case 'minItems':
      code = 'min-items';
      out = {min: Number(params.limit)};
      break;
    case 'minimum':
    case 'minLength':
      code = 'min-value';
      out = {min: Number(params.limit)};
      break;
    case 'uniqueItems':
      code = 'duplicate-item';
      fieldPath = [...path, Number(params.j)];
      line = source.lineOf(fieldPath);
      out = {index: Number(params.j)};
      break;
    default:
      out = {message: error.keyword};
  }
  return {file, line, field: formatField(fieldPath), code, params: out};
}

/** ["steps", 3, "task"] → "steps[3].task". */
export function formatField(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
