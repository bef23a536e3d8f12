// Schema validation with ajv, each complaint mapped back to the YAML line it is about.
import {Ajv} from 'ajv';
import type {ErrorObject, ValidateFunction} from 'ajv';
import {lessonSchema} from './schema.ts';
import type {LessonError, LessonErrorCode} from './types.ts';
import type {Path, YamlSource} from './yaml-source.ts';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  // Compiled once, lazily: ajv builds the checking function from our own schema only.
  compiled ??= new Ajv({allErrors: true, strict: true}).compile(lessonSchema);
  return compiled;
}

export function validateSchema(file: string, source: YamlSource): LessonError[] {
  const validate = validator();
  if (validate(source.data)) return [];
  const seen = new Set<string>();
  const out: LessonError[] = [];
  for (const error of validate.errors ?? []) {
    const mapped = mapError(file, source, error);
    const id = `${mapped.line}|${mapped.field}|${mapped.code}|${JSON.stringify(mapped.params)}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(mapped);
    }
  }
  return out;
}

function mapError(file: string, source: YamlSource, error: ErrorObject): LessonError {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
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
      out = {message: error.message ?? error.keyword};
  }
  return {file, line, field: formatField(fieldPath), code, params: out};
}

/** "/steps/3/task" → ["steps", 3, "task"] (RFC 6901 unescaping). */
function parsePointer(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
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
