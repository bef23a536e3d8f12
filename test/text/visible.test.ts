// The one sanitiser: what it escapes, what it keeps (Persian's ZWNJ, prose line feeds),
// and, on any input at all, that nothing unsafe survives and a second pass changes nothing.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ndjsonLine, quoted, visible, visibleDeep} from '../../src/text/visible.ts';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('visible', () => {
  it('turns escape sequences, C1 controls and bidi overrides into visible escapes', () => {
    expect(visible('a\x1b]52;c;cm0=\x07b')).toBe('a\\x1b]52;c;cm0=\\x07b');
    expect(visible('\x1b[2J\x9b31m')).toBe('\\x1b[2J\\x9b31m');
    expect(visible('\u202eevil\u2066x\u2069')).toBe('\\u{202e}evil\\u{2066}x\\u{2069}');
    expect(visible('line\nnext\r\tx')).toBe('line\\nnext\\r\\tx');
  });

  it('prose keeps its line feeds and Persian keeps its ZWNJ; names and paths are one line', () => {
    expect(visible('one\ntwo\x1b[1m', 'prose')).toBe('one\ntwo\\x1b[1m');
    expect(visible('می‌خواهم', 'prose')).toBe('می‌خواهم');
    expect(visible('/tmp/a\nb', 'line')).toBe('/tmp/a\\nb');
  });

  it('literal (received bytes) also shows backslashes, quotes and invisible characters', () => {
    expect(quoted('GET / "x"\\\r\n\u200b\ufeff')).toBe('"GET / \\"x\\"\\\\\\r\\n\\u{200b}\\u{feff}"');
  });

  it('any input: nothing unsafe survives, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 200}), (s) => {
        for (const mode of ['prose', 'line', 'literal'] as const) {
          const once = visible(s, mode);
          expect(UNSAFE.test(mode === 'prose' ? once : once.replace(/\n/g, ''))).toBe(false);
          if (mode !== 'literal') expect(visible(once, mode)).toBe(once);
        }
        expect(visible(s, 'line')).not.toContain('\n');
      }),
      {numRuns: 500},
    );
  });

  it('visibleDeep cleans every string and key of a pack’s data', () => {
    expect(visibleDeep({'k\x1b': ['a\x07', {b: '\u202e'}], n: 1})).toEqual({'k\\x1b': ['a\\x07', {b: '\\u{202e}'}], n: 1});
  });

  it('NDJSON: paragraphs keep line feeds, every other field is one line', () => {
    const line = ndjsonLine({text: 'a\nb\x1b', event: {path: '/x\ny', preview: 'p\x9b'}, choices: ['c\nd']});
    expect(JSON.parse(line)).toEqual({text: 'a\nb\\x1b', event: {path: '/x\\ny', preview: 'p\\x9b'}, choices: ['c\nd']});
    expect(line.endsWith('\n')).toBe(true);
  });
});
