// Prose that may be Persian. For right-to-left languages the lines are laid out by
// src/i18n/bidi (shaped, reordered per wrapped line, right-aligned in app mode); for
// English and Russian it is a plain <Text> and Ink wraps as usual.
import {Box, Text, type TextProps} from 'ink';
import {useMemo} from 'react';
import {layoutStyled, type BaseDirection, type BidiMode, type Span} from '../../i18n/bidi/index.ts';
import {isRtl} from '../../i18n/languages.ts';
import {useBidi} from './BidiContext.tsx';

export type SpanStyle = Pick<
  TextProps,
  'color' | 'backgroundColor' | 'bold' | 'dimColor' | 'italic' | 'underline' | 'strikethrough' | 'inverse'
>;

export interface BidiTextProps extends SpanStyle {
  /** Plain text; or give spans. */
  text?: string | undefined;
  spans?: readonly Span<SpanStyle>[] | undefined;
  /** Cells this text may use. */
  width: number;
  /** Overrides the context. */
  mode?: BidiMode | undefined;
  language?: string | undefined;
  direction?: BaseDirection | undefined;
  /** Right-align right-to-left lines (app mode). Default true. */
  align?: boolean | undefined;
}

export function BidiText(props: BidiTextProps) {
  const context = useBidi();
  const {text, spans, width, direction, align, mode: modeProp, language: languageProp, ...style} = props;
  const mode = modeProp ?? context.mode;
  const language = languageProp ?? context.language;
  const rtl = isRtl(language.split('-')[0] ?? '');

  const lines = useMemo(
    () =>
      rtl
        ? layoutStyled<SpanStyle>(spans ?? [{text: text ?? ''}], {
            width,
            mode,
            direction,
            defaultDirection: 'rtl',
            align,
          })
        : null,
    [rtl, text, spans, width, mode, direction, align],
  );

  if (!lines) {
    return (
      <Text {...style}>
        {spans
          ? spans.map((s, i) => (
              <Text key={i} {...s.style}>
                {s.text}
              </Text>
            ))
          : text}
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        // Lines already fit: truncate rather than let Ink re-wrap a reordered line.
        <Text key={i} wrap="truncate-end" {...style}>
          {line.length === 0
            ? ' '
            : line.map((s, j) => (
                <Text key={j} {...s.style}>
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
