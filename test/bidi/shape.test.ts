import {describe, expect, it} from 'vitest';
import {shapeArabic} from '../../src/i18n/bidi/shape.ts';

const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase());

describe('shapeArabic', () => {
  it('every presentation form it emits is a form of its letter (NFKC)', () => {
    const letters = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگۀی';
    for (const ch of letters) {
      // isolated, final, medial, initial contexts
      for (const word of [ch, `ب${ch}`, `ب${ch}ب`, `${ch}ب`]) {
        const shaped = shapeArabic(word).text;
        expect(shaped.normalize('NFKC'), `${word} → ${cps(shaped).join(' ')}`).toBe(word);
      }
    }
  });

  it('lam-alef with madda and hamza: ligatures, never U+0000 (arabic-persian-reshaper 1.0.1 bug)', () => {
    expect(cps(shapeArabic('الآن').text)).toEqual(['FE8D', 'FEF5', 'FEE5']);
    expect(cps(shapeArabic('بلأ بلإ لا').text)).toEqual(['FE91', 'FEF8', '20', 'FE91', 'FEFA', '20', 'FEFB']);
  });

  it('a mark between lam and alef: no ligature, nothing dropped (as FriBidi)', () => {
    expect(cps(shapeArabic('کلَا').text)).toEqual(['FB90', 'FEE0', '64E', 'FE8E']);
  });

  it('ZWNJ breaks the join and stays; ZWJ and tatweel join', () => {
    expect(cps(shapeArabic('می‌شود').text)).toEqual(['FEE3', 'FBFD', '200C', 'FEB7', 'FEEE', 'FEA9']);
    expect(cps(shapeArabic('ب\u200d').text)).toEqual(['FE91', '200D']);
    expect(cps(shapeArabic('بـب').text)).toEqual(['FE91', '640', 'FE90']);
  });

  it('source maps each shaped character to its input index', () => {
    const {text, source} = shapeArabic('x لا y');
    expect(text.length).toBe(5);
    expect(source).toEqual([0, 1, 2, 4, 5]);
  });

  it('leaves text without Arabic letters as it is', () => {
    const s = 'Сокет — socket 127.0.0.1';
    expect(shapeArabic(s).text).toBe(s);
  });
});
