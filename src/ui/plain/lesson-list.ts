// The lesson map as plain lines: "01  Title   3/12", then concepts and languages.
import type {MenuEntry} from '../../lessons/catalog.ts';
import type {Translate} from '../format/index.ts';
import {fit, textWidth, wrapText} from '../layout/text.ts';

export interface ListContext {
  t: Translate;
  /** A lesson's title in a language (its own namespace). */
  title: (id: string, lng: string) => string;
  lng: string;
  width?: number | undefined;
}

export function listLines(entries: readonly MenuEntry[], ctx: ListContext): string[] {
  const {t} = ctx;
  if (entries.length === 0) return [t('lessons:list.empty')];
  // Every row fits the width asked for (--width may be as small as 20).
  const width = ctx.width ?? 80;
  const wrap = (text: string, indent = 0) => wrapText(text, width - indent).map((l) => ' '.repeat(indent) + l);
  const out = [...wrap(t('lessons:list.title')), ''];
  entries.forEach((e, i) => {
    const number = String(i + 1).padStart(2, '0');
    const done = e.completed || (e.total > 0 && e.done >= e.total) ? '✓ ' : '';
    const progress = `${done}${t('lessons:list.progress', {done: e.done, total: e.total})}`;
    // A lesson missing the learner's language is titled in one it has.
    const lng = e.languages.includes(ctx.lng) ? ctx.lng : (e.languages.includes('en') ? 'en' : e.languages[0] ?? ctx.lng);
    const room = width - 4 - textWidth(progress) - 1;
    out.push(`${number}  ${fit(ctx.title(e.id, lng), room)} ${progress}`);
    out.push(...wrap(`${t('lessons:list.concepts', {list: e.concepts.join(' ')})} · ${t('lessons:list.languages', {list: e.languages.join(' ')})}`, 4));
    for (const m of e.missing) out.push(...wrap(t(`lessons:list.needs.${m}`), 4));
  });
  out.push('', ...wrap(t('lessons:list.open')));
  return out;
}
