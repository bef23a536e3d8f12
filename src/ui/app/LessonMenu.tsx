import {Box} from 'ink';
import {useTranslation} from 'react-i18next';
import {Lines} from '../components/Line.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {textWidth} from '../layout/text.ts';
import type {Translate} from '../format/index.ts';

export interface MenuItem {
  id: string;
  title: string;
  concepts: string[];
  done: number;
  total: number;
  /** Languages the lesson's prose exists in. */
  languages: string[];
}

export interface LessonMenuProps {
  items: MenuItem[];
  selected: number;
  /** Index of the lesson to continue, if any. */
  resumeIndex?: number;
  width: number;
  /** Rows available: the list scrolls to keep the selected lesson in view. */
  height?: number;
}

/** The lesson map: one row a lesson, the selected one marked with ▸ (never colour alone). */
export function LessonMenu({items, selected, resumeIndex, width, height}: LessonMenuProps) {
  const {t} = useTranslation('app');
  const ctx = usePaneContext();
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={visible(menuLines({items, selected, resumeIndex, width}, t as unknown as Translate, ctx), selected, height)} />
    </Box>
  );
}

export function menuLines({items, selected, resumeIndex, width}: LessonMenuProps, t: Translate, ctx: PaneContext): StyledLine[] {
  if (items.length === 0) return [[{text: ctx.text.cell(t('menu.empty'), width), role: 'muted'}]];
  const lines: StyledLine[] = [];
  items.forEach((item, index) => {
    const active = index === selected;
    const complete = item.total > 0 && item.done >= item.total;
    const mark = active ? ctx.theme.symbols.selected : ' ';
    const number = String(index + 1).padStart(2, '0');
    const progress = `${complete ? `${ctx.theme.symbols.ok} ` : ''}${t('menu.progress', {done: item.done, total: item.total})}`;
    const lead = `${mark} ${number} `;
    const titleWidth = Math.max(4, width - textWidth(lead) - textWidth(progress) - 1);
    const row = [
      {text: lead, role: active ? ('focus' as const) : undefined},
      {text: ctx.text.cell(item.title, titleWidth), role: active ? ('focus' as const) : undefined},
      {text: ' '},
      {text: progress, role: complete ? ('ok' as const) : ('muted' as const)},
    ];
    // A right-to-left screen reads from the right: number first, progress last.
    lines.push((ctx.text.mirror ? row.reverse() : row).map((s) => (s.role ? s : {text: s.text})));
    if (active) {
      const details = `${t('menu.concepts', {list: item.concepts.join(' ')})} · ${item.languages.join(' ')}${index === resumeIndex ? ` · ${t('menu.continue')}` : ''}`;
      const pad = ' '.repeat(textWidth(lead));
      const cell = ctx.text.cell(details, width - pad.length);
      lines.push(ctx.text.mirror ? [{text: cell, role: 'muted'}, {text: pad}] : [{text: pad}, {text: cell, role: 'muted'}]);
    }
  });
  return lines;
}

/** The window of rows that keeps the selected lesson (and its details line) in view. */
function visible(lines: StyledLine[], selected: number, height: number | undefined): StyledLine[] {
  if (height === undefined || lines.length <= height) return lines;
  const start = Math.min(Math.max(0, selected + 2 - height), lines.length - height);
  return lines.slice(start, start + height);
}
