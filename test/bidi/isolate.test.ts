import {describe, expect, it} from 'vitest';
import {isolateLtrRuns} from '../../src/i18n/bidi/isolate.ts';

const show = (s: string) => isolateLtrRuns(s).text.replace(/\u2066/g, '<').replace(/\u2069/g, '>');

describe('isolateLtrRuns', () => {
  it.each([
    ['پورت 5000 باز است', 'پورت <5000> باز است'],
    ['روی 127.0.0.1:5000.', 'روی <127.0.0.1:5000>.'],
    ['به [::1]:80، وصل شو', 'به <[::1]:80>، وصل شو'],
    ['(TCP)', '(<TCP>)'],
    ['(پورت 80)', '(پورت <80>)'],
    ['«listen»', '«<listen>»'],
    ['دستور listen tcp 127.0.0.1:0 as srv را', 'دستور <listen tcp 127.0.0.1:0 as srv> را'],
    ['TCP و UDP', '<TCP> و <UDP>'],
    ['کلید q یا Ctrl+C', 'کلید <q> یا <Ctrl+C>'],
    ['a -> b', '<a -> b>'],
    ['5000. سپس 6000', '<5000>. سپس <6000>'],
    ['{{port}} را ببینید', '<{{port}}> را ببینید'],
    ['فقط فارسی، بدون عدد لاتین. ۱۲۳', 'فقط فارسی، بدون عدد لاتین. ۱۲۳'],
  ])('%s', (input, expected) => {
    expect(show(input)).toBe(expected);
  });

  it('leaves text with its own bidi controls alone', () => {
    const s = 'پورت \u2066[::1]:80\u2069';
    expect(isolateLtrRuns(s).text).toBe(s);
  });

  it('maps every character back to its source; inserted controls to -1', () => {
    const {text, source} = isolateLtrRuns('پورت 80');
    expect(source).toHaveLength(text.length);
    expect(source).toEqual([0, 1, 2, 3, 4, -1, 5, 6, -1]);
  });
});
