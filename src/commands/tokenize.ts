// Splits one line into words. Shell-like: whitespace separates, "..." quotes with
// \n \t \\ \" escapes, # at the start of a word begins a comment. Outside quotes,
// Persian/Arabic-Indic digits become ASCII and invisible BiDi marks (which Persian
// keyboards and terminals insert) are dropped; quoted text is data and kept as typed.

import {asciiDigit} from './digits.ts';
import type {ParseError} from './types.ts';

export interface Token {
  text: string;
  /** Index of the word's first character in the original line. */
  at: number;
  /** True when any part of the word was quoted: it is then never a keyword. */
  quoted: boolean;
}

/** Longest line accepted: room for 64 KiB of text plus the command around it. */
export const MAX_LINE_CHARS = 72 * 1024;

const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const ESCAPES: Record<string, string> = {n: '\n', t: '\t', '\\': '\\', '"': '"'};

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
}

const isSpace = (c: number, ch: string): boolean => c === 0x20 || c === 0x09 || (c > 0x7f && /\s/.test(ch));
/** Printable ASCII that is no space and no quote: taken a run at a time (scripts are long). */
const plain = (c: number): boolean => c > 0x20 && c < 0x7f && c !== 0x22;
/** Inside quotes: anything but the closing quote, an escape or a control character. */
const quotedPlain = (c: number): boolean => c !== 0x22 && c !== 0x5c && !isControl(c);

export type TokenizeResult = {ok: true; tokens: Token[]} | {ok: false; error: ParseError};

export function tokenize(input: string): TokenizeResult {
  // A script line may end in CR (CRLF files) or LF; neither is part of the command.
  const line = input.replace(/\r?\n$/, '').replace(/\r$/, '');
  if (line.length > MAX_LINE_CHARS) {
    return {ok: false, error: {code: 'LINE_TOO_LONG', at: MAX_LINE_CHARS, limit: MAX_LINE_CHARS, actual: line.length}};
  }
  const tokens: Token[] = [];
  let cur: Token | undefined;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const code = line.charCodeAt(i);
    if (isControl(code)) return {ok: false, error: {code: 'CONTROL_CHAR', at: i, codePoint: code}};
    if (isSpace(code, ch)) {
      if (cur) tokens.push(cur);
      cur = undefined;
      i++;
      continue;
    }
    if (ch === '#' && !cur) break; // comment to end of line
    if (BIDI_MARKS.test(ch)) {
      i++;
      continue;
    }
    cur ??= {text: '', at: i, quoted: false};
    if (ch !== '"') {
      let end = i;
      while (end < line.length && plain(line.charCodeAt(end))) end++;
      if (end > i) {
        cur.text += line.slice(i, end);
        i = end;
      } else {
        cur.text += asciiDigit(ch);
        i++;
      }
      continue;
    }
    // Quoted part: runs to the next unescaped quote.
    const open = i;
    cur.quoted = true;
    i++;
    for (;;) {
      let end = i;
      while (end < line.length && quotedPlain(line.charCodeAt(end))) end++;
      if (end > i) {
        cur.text += line.slice(i, end);
        i = end;
      }
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
        if (value === undefined) {
          return {ok: false, error: {code: 'BAD_ESCAPE', at: i, token: line.slice(i, i + 2)}};
        }
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
