// Width of text whose characters never join into wider clusters: the sum of each
// character's own width. Covers what this app draws (Latin, Cyrillic, Persian and Arabic
// with their marks and ZWNJ, box drawing, arrows, the theme's symbols) without
// string-width's grapheme segmenter, whose set-up (an Intl.Segmenter, ~20 ms) every
// command would otherwise pay. Returns undefined for anything else (emoji, Hangul, CJK,
// astral characters, escape sequences): string-width answers those.
// test/ui/simple-width.test.ts checks it gives string-width's answer.
import {eastAsianWidth} from 'get-east-asian-width';

/** Inclusive BMP ranges measured here. */
const RANGES = [
  [0x00a0, 0x06ff], // Latin-1 … Cyrillic, Armenian, Hebrew, Arabic
  [0x0750, 0x077f], // Arabic Supplement
  [0x2000, 0x20cf], // punctuation (ZWNJ…), super- and subscripts, currency
  [0x2100, 0x23ff], // letterlike, arrows, mathematical, technical
  [0x2460, 0x27bf], // enclosed, box drawing, blocks, shapes, symbols, dingbats
  [0xfb50, 0xfdff], // Arabic presentation forms A (what the shaper writes)
  [0xfe70, 0xfeff], // Arabic presentation forms B
];

// Inside those ranges, but they start or change emoji clusters: ZWJ, combining keycap,
// variation selectors are outside anyway; characters shown as emoji by default.
const NEVER = /[\u200d\u20e3\p{Emoji_Presentation}]/u;
// What string-width counts as zero cells (it skips such characters).
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
const NOT_SIMPLE = 255;
/** Per BMP code unit: 0 not yet known, else width + 1, or NOT_SIMPLE. */
let known;

function classify(code) {
  if (!RANGES.some(([lo, hi]) => code >= lo && code <= hi)) return NOT_SIMPLE;
  const ch = String.fromCharCode(code);
  if (NEVER.test(ch)) return NOT_SIMPLE;
  return (INVISIBLE.test(ch) ? 0 : eastAsianWidth(code)) + 1;
}

/** Index of the `m` ending the SGR sequence at `i` (an ESC), or -1. */
function sgrEnd(text, i) {
  if (text.charCodeAt(i + 1) !== 0x5b) return -1;
  for (let j = i + 2, digits = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 4) return -1;
    } else if (c === 0x3b) digits = 0;
    else return c === 0x6d ? j : -1;
  }
  return -1;
}

export function simpleWidth(text) {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      width += 1;
      continue;
    }
    if (code === 0x1b) {
      // Colours (SGR, ESC [ digits ; … m: what Ink writes) take no cells; string-width
      // strips every kind of escape sequence, so leave any other kind to it.
      const end = sgrEnd(text, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      if (code === 0x9b) return undefined; // a one-byte CSI: string-width strips it
      continue; // a control character: no cells
    }
    known ??= new Uint8Array(0x10000);
    let k = known[code];
    if (k === 0) k = known[code] = classify(code);
    if (k === NOT_SIMPLE) return undefined;
    width += k - 1;
  }
  return width;
}
