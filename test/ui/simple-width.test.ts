// The bundle measures most text without string-width's segmenter (scripts/stubs/
// simple-width.js): wherever it answers, it must give string-width's answer.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .js module of the build scripts
import {simpleWidth} from '../../scripts/stubs/simple-width.js';

const measured = (s: string): number | undefined => simpleWidth(s);

/** Every BMP code unit the fast path answers for. */
const simple: string[] = [];
for (let c = 0; c < 0xd800; c++) if (measured(String.fromCharCode(c)) !== undefined) simple.push(String.fromCharCode(c));

describe('simple width', () => {
  it('covers the app’s own text: Latin, Persian with ZWNJ and marks, Russian, box drawing, symbols', () => {
    for (const s of ['socket-lessons · Lessons', 'سوکت\u200cها', 'مُعَلِّم', 'Сокеты и порты', '┏━ ▸ OS view ━┓', '○ ● ◇ ▶ ✗ ✓ ◌ ▸ ↑ ↓ …', 'ﻻ ﺳﻼﻡ']) {
      expect(measured(s), s).toBe(stringWidth(s));
    }
  });

  it('gives string-width’s answer for every single character it measures', () => {
    expect(simple.length).toBeGreaterThan(3000);
    const wrong = simple.filter((c) => measured(c) !== stringWidth(c)).map((c) => c.charCodeAt(0).toString(16));
    expect(wrong).toEqual([]);
  });

  it('gives string-width’s answer for any string of such characters (clusters included)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...simple), {maxLength: 24}), (chars) => {
        const s = chars.join('');
        expect(measured(s)).toBe(stringWidth(s));
      }),
      {numRuns: 5000},
    );
  });

  it('counts no cells for colours (SGR), as string-width strips them', () => {
    const sgr = fc.array(fc.integer({min: 0, max: 255}), {maxLength: 4}).map((n) => `\x1b[${n.join(';')}m`);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...simple), sgr), {maxLength: 16}), (parts) => {
        const s = parts.join('');
        expect(measured(s)).toBe(stringWidth(s));
      }),
      {numRuns: 3000},
    );
    expect(measured('\x1b[1m\x1b[94m▸ 01 \x1b[39m\x1b[22m\x1b[90m0/13\x1b[39m')).toBe(9);
  });

  it('leaves emoji, keycaps, ZWJ sequences, Hangul, CJK, astral characters and other escapes to string-width', () => {
    for (const s of ['⌚', '▶\ufe0f', '1\u20e3', '©\u200d©', '\u1100\u1161', '漢字', '😀', 'a\x1b]8;;http://x\x07b', 'a\x1b[2Jb', '\x9b31m', 'a\x1b[12345m']) {
      expect(measured(s), JSON.stringify(s)).toBeUndefined();
    }
  });
});
