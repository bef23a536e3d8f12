// `socket-lessons lint DIR`: validate a lesson pack for its author. Prints one line per
// problem ("file:line: field: what is wrong") and exits 0 (clean) or 1.
import type {Language} from '../i18n/languages.ts';
import {createI18n} from '../i18n/setup.ts';
import {runStepsAsync} from '../content/steps.ts';
import {loadPackSteps} from '../lessons/loader.ts';
import {readPackSteps} from '../lessons/pack-fs.ts';
import type {Translate} from '../ui/format/index.ts';
import {formatLessonError, sortErrors} from '../ui/plain/lesson-errors.ts';
import type {Writable} from './lesson-mode.ts';

export interface LintOptions {
  lng: Language;
  stdout: Writable;
}

export async function runLint(dir: string, options: LintOptions): Promise<0 | 1> {
  // One file at a time with the event loop free between them: Ctrl-C works throughout.
  const pack = await runStepsAsync(readPackSteps(dir));
  const {lessons, errors} = await runStepsAsync(loadPackSteps(pack));
  // The pack's own locale files are what is checked, never the words lint speaks in.
  const i18n = createI18n(options.lng);
  const t: Translate = (key, opts) => i18n.t(key, opts as never) as unknown as string;
  const lines = sortErrors(errors).map((e) => formatLessonError(e, t));
  if (errors.length === 0) lines.push(t('lessons:lint.ok', {count: lessons.length}));
  else lines.push(t('lessons:lint.summary', {count: errors.length}));
  options.stdout.write(lines.map((l) => `${l}\n`).join(''));
  return errors.length === 0 ? 0 : 1;
}
