// A lesson pack on disk (`--lessons DIR`, `lint DIR`) → PackInput for the loader.
// Reading never throws: every problem (a file refused by the pack limits of
// src/content/read-dir.ts, a locale file that does not parse) becomes a LessonError
// naming the file.
import fs from 'node:fs';
import path from 'node:path';
import {readContentSteps} from '../content/read-dir.ts';
import {runSteps, type Steps} from '../content/steps.ts';
import type {PackInput} from './loader.ts';
import type {LessonError} from './types.ts';

export function readPackDir(dir: string): PackInput {
  return runSteps(readPackSteps(dir));
}

/** The same, one step per file read (see src/content/steps.ts). */
export function* readPackSteps(dir: string): Steps<PackInput> {
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

  const content = yield* readContentSteps(dir, (problem) => errors.push({...problem, field: ''}));
  if (content.lessons.length === 0 && errors.length === 0) {
    errors.push({file: path.join(dir, 'lessons'), line: 1, field: '', code: 'empty-pack', params: {}});
  }
  return {name: dir, lessons: content.lessons, locales: content.locales, localeRoot: path.join(dir, 'locales'), errors};
}

function errorCode(error: unknown): string {
  const code = (error as {code?: unknown}).code;
  return typeof code === 'string' ? code : String((error as Error).message ?? error);
}
