// graphemes() splits text it knows needs no segmenter by itself (issue 14: start-up);
// for any text the clusters are the segmenter's.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {graphemes} from '../../src/i18n/bidi/graphemes.ts';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const reference = (text: string) => [...segmenter.segment(text)].map((s) => ({index: s.index, text: s.segment}));

// Simple characters next to ones that join (marks, ZWJ/ZWNJ, CR LF, Persian, emoji, Hangul).
const CHARS = ['a', 'Z', ' ', '~', 'é', '\u00ad', 'ж', 'Ё', '\u0483', '\u0301', '\u200c', '\u200d', '\r', '\n', 'س', '\u064e', '👍', '\u1100', '\u1161', '🇮', '🇷'];

describe('graphemes', () => {
  it('give the segmenter’s clusters for any text, simple or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), {maxLength: 20}), (chars) => {
        const text = chars.join('');
        expect(graphemes(text)).toEqual(reference(text));
      }),
      {numRuns: 5000},
    );
    for (let c = 0x20; c < 0x530; c++) {
      const text = `${String.fromCharCode(c)}a${String.fromCharCode(c)}`;
      expect(graphemes(text), c.toString(16)).toEqual(reference(text));
    }
  });
});
