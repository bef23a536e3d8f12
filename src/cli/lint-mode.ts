// `socket-lessons lint DIR`: validate a lesson pack for its author. Prints one line per
// problem ("file:line: field: what is wrong") and exits 0 (clean) or 1.
import type {BidiMode} from '../i18n/bidi/index.ts';
import type {Language} from '../i18n/languages.ts';
import {createI18n} from '../i18n/setup.ts';
import {loadPack} from '../lessons/loader.ts';
import {readPackDir} from '../lessons/pack-fs.ts';
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
  const pack = readPackDir(dir);
  const {lessons, errors} = loadPack(pack);
  const i18n = createI18n(options.lng, [pack.locales]);
  const t: Translate = (key, opts) => i18n.t(key, opts as never) as unknown as string;
  const lines = sortErrors(errors).map((e) => formatLessonError(e, t));
  if (errors.length === 0) lines.push(t('lessons:lint.ok', {count: lessons.length}));
  else lines.push(t('lessons:lint.summary', {count: errors.length}));
  options.stdout.write(pageText(lines.join('\n'), pageFor(options.lng, options.bidi ?? 'off', options.width)));
  return errors.length === 0 ? 0 : 1;
}
