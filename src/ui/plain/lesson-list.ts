// The lesson map as plain lines: "01  Title   3/12", then what it teaches and its languages.
// A Persian page in app mode reads from the right: number, title, then progress.
import type {MenuEntry} from '../../lessons/catalog.ts';
import {conceptNames, type Translate} from '../format/index.ts';
import {textWidth} from '../layout/text.ts';
import {directedLayout} from '../layout/textLayout.ts';
import {pageLines, type PageLayout} from './page.ts';

export interface ListContext {
  t: Translate;
  /** A lesson's title in a language (its own namespace). */
  title: (id: string, lng: string) => string;
  lng: string;
  page: PageLayout;
}

const INDENT = '    ';

export function listLines(entries: readonly MenuEntry[], ctx: ListContext): string[] {
  const {t, page} = ctx;
  const lines = (text: string) => pageLines(text, page);
  if (entries.length === 0) return lines(t('lessons:list.empty'));
  // Every row fits the width asked for (--width may be as small as 20).
  const width = page.width ?? 80;
  const cells = directedLayout(page.bidi, page.rtl);
  const out = [...lines(t('lessons:list.title')), ''];
  entries.forEach((e, i) => {
    const number = String(i + 1).padStart(2, '0');
    const done = e.completed || (e.total > 0 && e.done >= e.total) ? '✓ ' : '';
    const progress = `${done}${t('lessons:list.progress', {done: e.done, total: e.total})}`;
    // A lesson missing the learner's language is titled in one it has.
    const lng = e.languages.includes(ctx.lng) ? ctx.lng : (e.languages.includes('en') ? 'en' : e.languages[0] ?? ctx.lng);
    const room = width - number.length - 2 - textWidth(progress) - 1;
    const row = [number, '  ', cells.cell(ctx.title(e.id, lng), room), ' ', progress];
    out.push((cells.mirror ? row.reverse() : row).join('').trimEnd());
    const taught = conceptNames(e.concepts, t);
    const about = [taught ? t('lessons:list.concepts', {list: taught}) : '', t('lessons:list.languages', {list: e.languages.join(' ')})];
    out.push(...lines(`${INDENT}${about.filter((a) => a !== '').join(' · ')}`));
    for (const m of e.missing) out.push(...lines(`${INDENT}${t(`lessons:list.needs.${m}`)}`));
  });
  out.push('', ...lines(t('lessons:list.open')));
  return out;
}
