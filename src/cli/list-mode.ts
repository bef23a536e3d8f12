// `socket-lessons list`: the lesson map as plain text — title, completed/total, the
// concepts each lesson teaches and the languages it ships in.
import type {Content} from '../content/types.ts';
import type {BidiMode} from '../i18n/bidi/index.ts';
import type {Language} from '../i18n/languages.ts';
import {createI18n} from '../i18n/setup.ts';
import {loadCatalogAsync, menuEntries} from '../lessons/catalog.ts';
import type {Progress} from '../lessons/progress.ts';
import type {Capabilities} from '../lessons/types.ts';
import type {Translate} from '../ui/format/index.ts';
import {packProblemsText} from '../ui/plain/lesson-errors.ts';
import {pageFor, pageText} from '../ui/plain/page.ts';
import {listLines} from '../ui/plain/lesson-list.ts';
import type {Writable} from './lesson-mode.ts';

export interface ListOptions {
  lng: Language;
  packs: readonly string[];
  stdout: Writable;
  /** Pack problems go here; default: stdout. */
  stderr?: Writable;
  width?: number;
  /** How Persian is laid out; default off (logical order, copyable). */
  bidi?: BidiMode;
  /** Saved progress, for completed/total. */
  progress?: Progress;
  content?: Content;
  capabilities?: Capabilities;
}

export async function runList(options: ListOptions): Promise<number> {
  const catalog = await loadCatalogAsync({...(options.content ? {content: options.content} : {}), packs: options.packs});
  const i18n = await createI18n(options.lng, catalog.locales);
  const t: Translate = (key, opts) => i18n.t(key, opts as never) as unknown as string;
  const entries = menuEntries(catalog.lessons, options.progress, options.capabilities);
  const title = (id: string, lng: string) => i18n.t(`${id}:title`, {lng}) as unknown as string;
  const page = pageFor(options.lng, options.bidi ?? 'off', options.width);
  options.stdout.write(listLines(entries, {t, title, lng: options.lng, page}).map((l) => `${l}\n`).join(''));
  if (catalog.errors.length > 0) {
    (options.stderr ?? options.stdout).write(pageText(packProblemsText(catalog.errors, t), page));
    return 1;
  }
  return 0;
}
