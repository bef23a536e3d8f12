import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cellWidth, layoutParagraph, layoutStyled, type BidiMode} from '../../src/i18n/bidi/index.ts';

const persianWord = fc
  .array(fc.constantFrom(...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإئؤءۀة'), {minLength: 1, maxLength: 8})
  .chain((letters) =>
    fc.array(fc.constantFrom('', '', '', '\u064e', '\u0650', '\u064b', '\u0651', '\u200c'), {
      minLength: letters.length,
      maxLength: letters.length,
    }).map((marks) => letters.map((l, i) => l + marks[i]).join('')),
  );
const token = fc.oneof(
  {weight: 6, arbitrary: persianWord},
  {weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}$/)},
  {weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,5}$/)},
  {weight: 1, arbitrary: fc.stringMatching(/^[۰-۹]{1,4}$/)},
  {weight: 1, arbitrary: fc.constantFrom('127.0.0.1:5000', '[::1]:80', 'listen tcp', '(', ')', '«', '»', '.', '،', '؟', '-', ':')},
);
const paragraph = fc
  .array(fc.tuple(token, fc.constantFrom(' ', ' ', ' ', '  ', '')), {minLength: 1, maxLength: 30})
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

const MIRROR: Record<string, string> = {')': '(', ']': '[', '»': '«', '>': '<', '}': '{'};
/** Base letters, whatever their presentation form; brackets folded; spaces and controls dropped. */
function letters(s: string): string[] {
  return [...s.normalize('NFKC').replace(/[\s\u200c-\u200f\u2066-\u2069]/g, '')]
    .map((c) => MIRROR[c] ?? c)
    .sort();
}

describe('layout properties (fast-check)', () => {
  it('app mode: never throws, no line wider than width, no letter lost', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({min: 1, max: 80}), (text, width) => {
        const lines = layoutParagraph(text, {mode: 'app', width});
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width);
        expect(letters(lines.join(''))).toEqual(letters(text));
      }),
      {numRuns: 400},
    );
  });

  it('terminal and off modes: the text comes back as it was, only wrapped', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({min: 1, max: 80}), fc.constantFrom<BidiMode>('terminal', 'off'), (text, width, mode) => {
        const lines = layoutParagraph(text, {mode, width});
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      {numRuns: 200},
    );
  });

  it('styled spans give the same screen text as plain text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(paragraph, fc.boolean()), {minLength: 1, maxLength: 4}), fc.integer({min: 4, max: 60}), (parts, width) => {
        const spans = parts.map(([text, bold]) => ({text, style: bold ? 'bold' : undefined}));
        const styled = layoutStyled(spans, {mode: 'app', width}).map((l) => l.map((s) => s.text).join(''));
        expect(styled).toEqual(layoutParagraph(parts.map(([t]) => t).join(''), {mode: 'app', width}));
      }),
      {numRuns: 150},
    );
  });
});
