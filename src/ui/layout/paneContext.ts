// What every pane-line builder needs besides its data: words, colours and how text is
// laid out (BiDi). Pure builders take it as a parameter; components get it from
// usePaneContext().
import type {TFunction} from 'i18next';
import type {ColourRole, Theme} from '../theme.ts';
import {fitLine, type StyledLine} from './styledLine.ts';
import type {TextLayout} from './textLayout.ts';

export interface PaneContext {
  t: TFunction;
  theme: Theme;
  text: TextLayout;
}

/** One line of prose (an empty state, a "+N more" note), laid out for the screen's direction. */
export function noteLine(ctx: PaneContext, text: string, width: number, role: ColourRole | undefined = 'muted'): StyledLine {
  const cell = ctx.text.cell(text, width);
  return [role ? {text: cell, role} : {text: cell}];
}

/** Several lines of prose wrapped to `width`. */
export function noteLines(ctx: PaneContext, text: string, width: number, role: ColourRole | undefined = 'muted'): StyledLine[] {
  return ctx.text.wrap(text, width).map((l) => fitLine([role ? {text: l, role} : {text: l}], width, ctx.text.mirror));
}
