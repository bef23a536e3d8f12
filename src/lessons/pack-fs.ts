// A lesson pack on disk (`--lessons DIR`, `lint DIR`) → PackInput for the loader.
// Reading never throws: every problem becomes a LessonError naming the file.
import fs from 'node:fs';
import path from 'node:path';
import {readContentDir} from '../content/read-dir.ts';
import type {PackInput} from './loader.ts';
import type {LessonError} from './types.ts';

export function readPackDir(dir: string): PackInput {
  const errors: LessonError[] = [];
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    errors.push({file: dir, line: 1, field: '', code: 'read-error', params: {message: errorCode(error)}});
  }
  if (stat && !stat.isDirectory()) {
    errors.push({file: dir, line: 1, field: '', code: 'read-error', params: {message: 'ENOTDIR'}});
  }
  if (errors.length > 0) return {name: dir, lessons: [], locales: {}, errors};

  let content: ReturnType<typeof readContentDir>;
  try {
    content = readContentDir(dir, (file, error) => {
      errors.push({file, line: jsonErrorLine(file, error), field: '', code: 'locale-json', params: {message: error.message}});
    });
  } catch (error) {
    errors.push({file: dir, line: 1, field: '', code: 'read-error', params: {message: errorCode(error)}});
    return {name: dir, lessons: [], locales: {}, errors};
  }
  // A namespace must be a JSON object of keys; anything else cannot hold prose.
  for (const [lng, namespaces] of Object.entries(content.locales)) {
    for (const [ns, value] of Object.entries(namespaces)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const file = path.join(dir, 'locales', lng, `${ns}.json`);
        errors.push({file, line: 1, field: '', code: 'locale-json', params: {message: 'not an object'}});
        delete namespaces[ns];
      }
    }
  }
  if (content.lessons.length === 0) {
    errors.push({file: path.join(dir, 'lessons'), line: 1, field: '', code: 'empty-pack', params: {}});
  }
  return {name: dir, lessons: content.lessons, locales: content.locales, localeRoot: path.join(dir, 'locales'), errors};
}

function errorCode(error: unknown): string {
  const code = (error as {code?: unknown}).code;
  return typeof code === 'string' ? code : String((error as Error).message ?? error);
}

/** JSON.parse says "... (line 3 column 5)" or "at position 42"; turn either into a line. */
function jsonErrorLine(file: string, error: Error): number {
  const byLine = /line (\d+)/.exec(error.message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(error.message);
  if (!byPosition) return 1;
  try {
    const text = fs.readFileSync(file, 'utf8').slice(0, Number(byPosition[1]));
    return text.split('\n').length;
  } catch {
    return 1;
  }
}
