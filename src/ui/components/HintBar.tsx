// The footer: translated key hints on one line. When they do not all fit, the least
// important go first; `?` (help) stays to the end. A pending notice (NoticeContext) takes
// the line instead until the next key press.
import {Box, useInput} from 'ink';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import type {Hint} from '../keys.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {fitLine, lineWidth, type StyledLine} from '../layout/styledLine.ts';
import {textWidth} from '../layout/text.ts';
import {Line} from './Line.tsx';
import {useNotice} from './NoticeContext.tsx';

export interface HintBarProps {
  /** From hintsFor(…) in keys.ts. */
  hints: readonly Hint[];
  width: number;
}

const SEP = '  ';

export function hintBarLine({hints, width}: HintBarProps, {t, text}: PaneContext): StyledLine {
  const build = (shown: readonly Hint[]): StyledLine => {
    const items = shown.map((h): StyledLine => {
      const key = h.keys === 'Space' ? t('keys.space') : h.keys;
      const label = t(h.labelKey);
      const keyCell = {text: text.cell(key, textWidth(key)), role: 'focus' as const};
      const labelCell = {text: text.cell(label, textWidth(label)), role: 'muted' as const};
      // Right to left: the key stands to the right of its label, as it is read first.
      return text.mirror ? [labelCell, {text: ' '}, keyCell] : [keyCell, {text: ' '}, labelCell];
    });
    const ordered = text.mirror ? items.reverse() : items;
    return ordered.flatMap((item, i) => (i > 0 ? [{text: SEP}, ...item] : item));
  };
  let shown = [...hints];
  let line = build(shown);
  while (lineWidth(line) > width && shown.length > 1) {
    const drop = shown.reduce((low, h) => (h.priority < low.priority ? h : low));
    shown = shown.filter((h) => h !== drop);
    line = build(shown);
  }
  return fitLine(line, width, text.mirror);
}

export function HintBar(props: HintBarProps) {
  const ctx = usePaneContext();
  const {notice, dismiss} = useNotice();
  useInput(() => dismiss(), {isActive: notice !== undefined});
  const line = notice === undefined ? hintBarLine(props, ctx) : fitLine([{text: ctx.text.cell(notice, props.width), role: 'error'}], props.width, ctx.text.mirror);
  return (
    <Box width={props.width} height={1}>
      <Line line={line} />
    </Box>
  );
}
