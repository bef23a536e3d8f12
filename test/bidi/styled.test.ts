import {describe, expect, it} from 'vitest';
import {layoutParagraph, layoutStyled, type Span} from '../../src/i18n/bidi/index.ts';

type Style = {bold?: boolean; color?: string};
const BOLD: Style = {bold: true};
const CYAN: Style = {color: 'cyan'};
const text = (lines: Span<Style>[][]) => lines.map((l) => l.map((s) => s.text).join(''));

describe('layoutStyled: colour and bold survive reordering', () => {
  const spans: Span<Style>[] = [
    {text: 'یک '},
    {text: 'سوکت', style: BOLD},
    {text: ' روی '},
    {text: '127.0.0.1:5000', style: CYAN},
    {text: ' گوش می‌دهد.'},
  ];

  it('gives the same characters as layoutParagraph', () => {
    const plain = spans.map((s) => s.text).join('');
    for (const width of [12, 20, 40, 80]) {
      expect(text(layoutStyled(spans, {mode: 'app', width}))).toEqual(
        layoutParagraph(plain, {mode: 'app', width}),
      );
    }
  });

  it('keeps each styled word whole, in its place, with its style', () => {
    const [line] = layoutStyled(spans, {mode: 'app', width: 40});
    expect(line).toEqual([
      {text: '   .ﺪﻫﺩﯽﻣ ﺵﻮﮔ '}, // alignment padding + unstyled text
      {text: '127.0.0.1:5000', style: CYAN},
      {text: ' ﯼﻭﺭ '},
      {text: 'ﺖﮐﻮﺳ', style: BOLD},
      {text: ' ﮏﯾ'},
    ]);
  });

  it('a style change inside a word does not break the joining', () => {
    const [line] = layoutStyled<Style>([{text: 'سو'}, {text: 'کت', style: BOLD}], {mode: 'app'});
    // Visual: کت (bold) on the left, سو on the right; letters still in joined forms.
    expect(line).toEqual([{text: 'ﺖﮐ', style: BOLD}, {text: 'ﻮﺳ'}]);
  });

  it('wrapped lines each carry their own runs', () => {
    const lines = layoutStyled(spans, {mode: 'app', width: 12});
    const bold = lines.flat().filter((s) => s.style === BOLD);
    const cyan = lines.flat().filter((s) => s.style === CYAN);
    expect(bold.map((s) => s.text)).toEqual(['ﺖﮐﻮﺳ']);
    expect(cyan.map((s) => s.text).join('')).toBe('127.0.0.1:5000');
  });

  it('hard newlines inside a span split paragraphs', () => {
    const lines = layoutStyled<Style>([{text: 'سوکت\nپورت', style: BOLD}], {mode: 'app', width: 6});
    expect(lines).toEqual([
      [{text: '  '}, {text: 'ﺖﮐﻮﺳ', style: BOLD}],
      [{text: '  '}, {text: 'ﺕﺭﻮﭘ', style: BOLD}],
    ]);
  });

  it('leaves English spans alone (terminal mode too)', () => {
    const en: Span<Style>[] = [{text: 'A '}, {text: 'socket', style: BOLD}, {text: ' waits.'}];
    expect(layoutStyled(en, {mode: 'app'})).toEqual([en]);
    expect(layoutStyled(en, {mode: 'terminal'})).toEqual([en]);
  });
});
