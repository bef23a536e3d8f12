// A short name with both scripts in it ("Persian — فارسی") on a left-to-right screen.
// The shared cell layout treats Latin runs as isolates inside Persian prose, so such a
// name would come out right-to-left; here the direction is known: the screen's.
import {hasRtl, layoutParagraph, type BidiMode} from '../../i18n/bidi/index.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {fit, textWidth} from '../layout/text.ts';

/** At most `width` cells, no padding (the caller's line pads). */
export function nameCell(ctx: PaneContext, mode: BidiMode, text: string, width: number): string {
  if (ctx.text.mirror || mode !== 'app' || !hasRtl(text)) return ctx.text.cell(text, Math.max(0, Math.min(textWidth(text), width)));
  const line = layoutParagraph(text, {mode, width: Infinity, direction: 'ltr', align: false, isolate: false})[0] ?? '';
  return fit(line, Math.max(0, Math.min(textWidth(line), width)));
}
