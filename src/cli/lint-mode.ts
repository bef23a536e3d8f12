// `socket-lessons lint DIR`: validate a lesson pack for its author. Prints one line per
// problem ("file:line: field: what is wrong") and exits 0 (clean) or 1.
import type {BidiMode} from '../i18n/bidi/index.ts';
import type {Language} from '../i18n/languages.ts';
import {createI18n} from '../i18n/setup.ts';
import {runStepsAsync} from '../content/steps.ts';
import {loadPackSteps} from '../lessons/loader.ts';
import {readPackSteps} from '../lessons/pack-fs.ts';
import type {Translate} from '../ui/format/index.ts';
import {formatLessonError, sortErrors} from '../ui/plain/lesson-errors.ts';
import {pageFor, pageText} from '../ui/plain/page.ts';
import type {Writable} from './lesson-mode.ts';

export interface LintOptions {
  lng: Language;
  stdout: Writable;
  /** How Persian is laid out; default off (logical order, copyable). */
  bidi?: BidiMode;
  width?: number;
}

export async function runLint(dir: string, options: LintOptions): Promise<0 | 1> {
  // One file at a time with the event loop free between them: Ctrl-C works throughout.
  const pack = await runStepsAsync(readPackSteps(dir));
  const {lessons, errors} = await runStepsAsync(loadPackSteps(pack));
  // The pack's own locale files are what is checked, never the words lint speaks in.
  const i18n = await createI18n(options.lng);
  const t: Translate = (key, opts) => i18n.t(key, opts as never) as unknown as string;
  const lines = sortErrors(errors).map((e) => formatLessonError(e, t));
  if (errors.length === 0) lines.push(t('lessons:lint.ok', {count: lessons.length}));
  else lines.push(t('lessons:lint.summary', {count: errors.length}));
  options.stdout.write(pageText(lines.join('\n'), pageFor(options.lng, options.bidi ?? 'off', options.width)));
  return errors.length === 0 ? 0 : 1;
}
