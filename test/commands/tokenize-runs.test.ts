// The tokenizer takes plain characters a run at a time (issue 14: a 100,000-line script
// spent a seventh of its allocations on one string per character). Same tokens and the
// same errors as reading them one by one, which this reference does.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {asciiDigit} from '../../src/commands/digits.ts';
import {MAX_LINE_CHARS, tokenize, type Token} from '../../src/commands/tokenize.ts';

const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const ESCAPES: Record<string, string> = {n: '\n', t: '\t', '\\': '\\', '"': '"'};
const isControl = (c: number) => (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);

/** One character at a time, as the tokenizer did before. */
function reference(input: string): ReturnType<typeof tokenize> {
  const line = input.replace(/\r?\n$/, '').replace(/\r$/, '');
  if (line.length > MAX_LINE_CHARS) return {ok: false, error: {code: 'LINE_TOO_LONG', at: MAX_LINE_CHARS, limit: MAX_LINE_CHARS, actual: line.length}};
  const tokens: Token[] = [];
  let cur: Token | undefined;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const code = line.charCodeAt(i);
    if (isControl(code)) return {ok: false, error: {code: 'CONTROL_CHAR', at: i, codePoint: code}};
    if (/\s/.test(ch)) {
      if (cur) tokens.push(cur);
      cur = undefined;
      i++;
      continue;
    }
    if (ch === '#' && !cur) break;
    if (BIDI_MARKS.test(ch)) {
      i++;
      continue;
    }
    cur ??= {text: '', at: i, quoted: false};
    if (ch !== '"') {
      cur.text += asciiDigit(ch);
      i++;
      continue;
    }
    const open = i;
    cur.quoted = true;
    i++;
    for (;;) {
      if (i >= line.length) return {ok: false, error: {code: 'UNTERMINATED_QUOTE', at: open}};
      const q = line[i]!;
      const qc = line.charCodeAt(i);
      if (isControl(qc)) return {ok: false, error: {code: 'CONTROL_CHAR', at: i, codePoint: qc}};
      if (q === '"') {
        i++;
        break;
      }
      if (q === '\\') {
        const next = line[i + 1];
        const value = next === undefined ? undefined : ESCAPES[next];
        if (value === undefined) return {ok: false, error: {code: 'BAD_ESCAPE', at: i, token: line.slice(i, i + 2)}};
        cur.text += value;
        i += 2;
        continue;
      }
      cur.text += q;
      i++;
    }
  }
  if (cur) tokens.push(cur);
  return {ok: true, tokens};
}

// Characters that matter to the tokenizer, and some that do not.
const CHARS = [' ', '\t', '"', '\\', '#', 'n', 't', 'a', 'Z', '0', ':', '.', '۳', '٥', '\u200f', '\u2066', '\u00a0', '\u3000', 'س', '\x01', '\x7f', '\u0085', '\r', '\n'];

describe('tokenize, a run at a time', () => {
  it('gives the same tokens and errors as reading one character at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), {maxLength: 40}), (chars) => {
        const line = chars.join('');
        expect(tokenize(line)).toEqual(reference(line));
      }),
      {numRuns: 20_000},
    );
    for (const line of ['sendto s r "hello"', 'listen tcp 127.0.0.1:0 as srv # a comment', 'send c1 "a \\"b\\" \\n"', 'bind udp ۱۲۷.۰.۰.۱:۰ as u1', '"unterminated']) {
      expect(tokenize(line)).toEqual(reference(line));
    }
  });
});
