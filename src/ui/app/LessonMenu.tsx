import {Box} from 'ink';
import {useTranslation} from 'react-i18next';
import {Lines} from '../components/Line.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {textWidth} from '../layout/text.ts';
import type {TextLayout} from '../layout/textLayout.ts';
import {conceptNames, type Translate} from '../format/index.ts';

export interface MenuItem {
  id: string;
  concepts: string[];
  done: number;
  total: number;
  /** Languages the lesson's prose exists in. */
  languages: string[];
}

/** The selected lesson's title in the second language, laid out for that language. */
export interface MenuAlso {
  title(id: string): string | undefined;
  text: TextLayout;
}

export interface LessonMenuProps {
  items: MenuItem[];
  selected: number;
  /** Index of the lesson to continue, if any. */
  resumeIndex?: number | undefined;
  width: number;
  /** Rows available: the list scrolls to keep the selected lesson in view. */
  height?: number;
  also?: MenuAlso | undefined;
}

/** The lesson map: one row a lesson, the selected one marked with ▸ (never colour alone). */
export function LessonMenu(props: LessonMenuProps) {
  const {t} = useTranslation('app');
  const ctx = usePaneContext();
  const lines = menuLines(props, t as unknown as Translate, ctx);
  return (
    <Box flexDirection="column" width={props.width}>
      <Lines lines={visible(lines, props.selected, props.height)} />
    </Box>
  );
}

/** Titles are translated here, not by the caller, so a language change shows at once. */
export function menuLines({items, selected, resumeIndex, width, also}: LessonMenuProps, t: Translate, ctx: PaneContext): StyledLine[] {
  if (items.length === 0) return [[{text: ctx.text.cell(t('menu.empty'), width), role: 'muted'}]];
  const lines: StyledLine[] = [];
  items.forEach((item, index) => {
    const active = index === selected;
    const complete = item.total > 0 && item.done >= item.total;
    const mark = active ? ctx.theme.symbols.selected : ' ';
    const number = String(index + 1).padStart(2, '0');
    const progress = `${complete ? `${ctx.theme.symbols.ok} ` : ''}${t('menu.progress', {done: item.done, total: item.total})}`;
    // Read from the right on a right-to-left screen: the mark stands at the edge, then the number.
    const lead = ctx.text.mirror ? ` ${number} ${mark}` : `${mark} ${number} `;
    const titleWidth = Math.max(4, width - textWidth(lead) - textWidth(progress) - 1);
    const row = [
      {text: lead, role: active ? ('focus' as const) : undefined},
      {text: ctx.text.cell(t(`${item.id}:title`), titleWidth), role: active ? ('focus' as const) : undefined},
      {text: ' '},
      {text: progress, role: complete ? ('ok' as const) : ('muted' as const)},
    ];
    // A right-to-left screen reads from the right: number first, progress last.
    lines.push((ctx.text.mirror ? row.reverse() : row).map((s) => (s.role ? {text: s.text, role: s.role} : {text: s.text})));
    if (active) {
      // What it teaches by name (a learner does not know what "C4" is), its languages, and whether to continue here.
      const details = [conceptNames(item.concepts, t), item.languages.join(' '), index === resumeIndex ? t('menu.continue') : '']
        .filter((part) => part !== '')
        .join(' · ');
      const pad = ' '.repeat(textWidth(lead));
      const room = Math.max(1, width - pad.length);
      const indented = (cell: string, mirror: boolean): StyledLine => fitLine(mirror ? [{text: cell, role: 'muted'}, {text: pad}] : [{text: pad}, {text: cell, role: 'muted'}], width, mirror);
      lines.push(indented(ctx.text.cell(details, room), ctx.text.mirror));
      const second = also?.title(item.id);
      if (second) lines.push(indented(also!.text.cell(second, room), also!.text.mirror));
    }
  });
  return lines;
}

/**
 * The window of rows that keeps the selected lesson and its detail lines in view; rows
 * above it are one a lesson, so the selected index is its line.
 */
function visible(lines: StyledLine[], at: number, height: number | undefined): StyledLine[] {
  if (height === undefined || lines.length <= height) return lines;
  const start = Math.min(Math.max(0, at + 3 - height), lines.length - height);
  return lines.slice(start, start + height);
}
