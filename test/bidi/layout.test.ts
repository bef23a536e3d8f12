// Expected screen lines for known Persian inputs. Expected strings are in presentation
// forms, left to right as a terminal draws them; the single-line ones were checked with
// `fribidi --nopad --rtl --nobreak --clean --reordernsm` (addresses excepted: FriBidi,
// given no isolates, garbles them — that is why the app isolates).
import {describe, expect, it} from 'vitest';
import {cellWidth, layoutParagraph, layoutText, type LayoutOptions} from '../../src/i18n/bidi/index.ts';

const app = (width?: number): LayoutOptions => ({mode: 'app', width, defaultDirection: 'rtl'});

describe('layoutParagraph, app mode: one line', () => {
  it.each([
    ['ZWNJ: no join across it, and it is not sent', 'می‌شود', 'ﺩﻮﺷﯽﻣ'],
    ['vowel mark stays after its letter', 'سَلام', 'ﻡﻼﺳَ'],
    ['tanwin on a final alef', 'دقیقاً', 'ﺎًﻘﯿﻗﺩ'],
    ['lam-alef ligatures, with madda too', 'الآن کلاس', 'ﺱﻼﮐ ﻥﻵﺍ'],
    ['Latin digits stay left-to-right', 'پورت 5000 باز است', 'ﺖﺳﺍ ﺯﺎﺑ 5000 ﺕﺭﻮﭘ'],
    ['Latin words keep their place in the sentence', 'سوکت TCP و UDP', 'UDP ﻭ TCP ﺖﮐﻮﺳ'],
    ['Persian digits', 'پورت ۱۲۳ و ۳ سوکت', 'ﺖﮐﻮﺳ ۳ ﻭ ۱۲۳ ﺕﺭﻮﭘ'],
    ['brackets and guillemets are mirrored', '(سوکت) «پورت»', '«ﺕﺭﻮﭘ» (ﺖﮐﻮﺳ)'],
    ['an IPv6 address inside Persian stays intact', 'به [::1]:80 وصل شو.', '.ﻮﺷ ﻞﺻﻭ [::1]:80 ﻪﺑ'],
    ['an IPv4 address and port', 'سرور روی 127.0.0.1:5000 است', 'ﺖﺳﺍ 127.0.0.1:5000 ﯼﻭﺭ ﺭﻭﺮﺳ'],
    ['a command keeps its word order', 'بنویسید listen tcp 127.0.0.1:0 as srv', 'listen tcp 127.0.0.1:0 as srv ﺪﯿﺴﯾﻮﻨﺑ'],
    ['Arabic letters too (teh marbuta, alef maksura)', 'مدرسة على', 'ﻰﻠﻋ ﺔﺳﺭﺪﻣ'],
    ['heh with hamza above (ۀ) joins', 'خانۀ من', 'ﻦﻣ ﮥﻧﺎﺧ'],
  ])('%s', (_name, input, expected) => {
    expect(layoutParagraph(input, app())).toEqual([expected]);
  });

  it('a line that is only an address: intact, right-aligned in a Persian screen', () => {
    expect(layoutParagraph('127.0.0.1:5000', app(20))).toEqual(['      127.0.0.1:5000']);
    expect(layoutParagraph('[::1]:80', app(12))).toEqual(['    [::1]:80']);
    // …and left as it is when nothing says right-to-left.
    expect(layoutParagraph('[::1]:80', {mode: 'app', width: 12})).toEqual(['[::1]:80']);
  });
});

const SENTENCE =
  'هر سوکت فعال دقیقاً به یک همتا وصل است؛ وقتی اتصال بسته شود، سوکت‌های هر دو طرف از بین می‌روند.';

describe('layoutParagraph, app mode: wrapping, then reordering each line', () => {
  it('width 30', () => {
    expect(layoutParagraph(SENTENCE, app(30))).toEqual([
      ' ﺎﺘﻤﻫ ﮏﯾ ﻪﺑ ﺎًﻘﯿﻗﺩ ﻝﺎﻌﻓ ﺖﮐﻮﺳ ﺮﻫ',
      ' ،ﺩﻮﺷ ﻪﺘﺴﺑ ﻝﺎﺼﺗﺍ ﯽﺘﻗﻭ ؛ﺖﺳﺍ ﻞﺻﻭ',
      '      ﻦﯿﺑ ﺯﺍ ﻑﺮﻃ ﻭﺩ ﺮﻫ ﯼﺎﻫﺖﮐﻮﺳ',
      '                       .ﺪﻧﻭﺭﯽﻣ',
    ]);
  });

  it('width 50', () => {
    expect(layoutParagraph(SENTENCE, app(50))).toEqual([
      ' ﻝﺎﺼﺗﺍ ﯽﺘﻗﻭ ؛ﺖﺳﺍ ﻞﺻﻭ ﺎﺘﻤﻫ ﮏﯾ ﻪﺑ ﺎًﻘﯿﻗﺩ ﻝﺎﻌﻓ ﺖﮐﻮﺳ ﺮﻫ',
      '        .ﺪﻧﻭﺭﯽﻣ ﻦﯿﺑ ﺯﺍ ﻑﺮﻃ ﻭﺩ ﺮﻫ ﯼﺎﻫﺖﮐﻮﺳ ،ﺩﻮﺷ ﻪﺘﺴﺑ',
    ]);
  });

  it('width 100: one line', () => {
    const [line, ...rest] = layoutParagraph(SENTENCE, app(100));
    expect(rest).toEqual([]);
    expect(line!.trimStart()).toBe(
      '.ﺪﻧﻭﺭﯽﻣ ﻦﯿﺑ ﺯﺍ ﻑﺮﻃ ﻭﺩ ﺮﻫ ﯼﺎﻫﺖﮐﻮﺳ ،ﺩﻮﺷ ﻪﺘﺴﺑ ﻝﺎﺼﺗﺍ ﯽﺘﻗﻭ ؛ﺖﺳﺍ ﻞﺻﻭ ﺎﺘﻤﻫ ﮏﯾ ﻪﺑ ﺎًﻘﯿﻗﺩ ﻝﺎﻌﻓ ﺖﮐﻮﺳ ﺮﻫ',
    );
  });

  it('the FIRST screen line shows the BEGINNING of the sentence, at its right edge', () => {
    for (const width of [20, 30, 45, 70]) {
      const lines = layoutParagraph(SENTENCE, app(width));
      expect(lines[0]!.endsWith('ﺖﮐﻮﺳ ﺮﻫ')).toBe(true); // «هر سوکت», read from the right
      expect(lines.at(-1)!.trimStart().startsWith('.ﺪﻧﻭﺭﯽﻣ')).toBe(true); // «می‌روند.» last
      for (const l of lines) expect(cellWidth(l)).toBe(width); // right-aligned
    }
  });

  it('a mixed paragraph wraps without splitting the address or the command', () => {
    expect(layoutParagraph('دستور listen tcp 127.0.0.1:0 را بنویسید.', app(24))).toEqual([
      '                   ﺭﻮﺘﺳﺩ',
      '  listen tcp 127.0.0.1:0',
      '             .ﺪﯿﺴﯾﻮﻨﺑ ﺍﺭ',
    ]);
    expect(layoutParagraph('سرور روی 127.0.0.1:5000 گوش می‌دهد و [::1]:80 هم هست.', app(20))).toEqual([
      '            ﯼﻭﺭ ﺭﻭﺮﺳ',
      '  ﺵﻮﮔ 127.0.0.1:5000',
      ' ﻢﻫ [::1]:80 ﻭ ﺪﻫﺩﯽﻣ',
      '                .ﺖﺴﻫ',
    ]);
  });

  it('a paragraph that opens with a Latin word is still right-to-left', () => {
    expect(layoutParagraph('TCP یک پروتکل است.', app(30))).toEqual([
      '            .ﺖﺳﺍ ﻞﮑﺗﻭﺮﭘ ﮏﯾ TCP',
    ]);
  });

  it('each hard newline starts a paragraph', () => {
    expect(layoutParagraph('سوکت\nپورت', app(6))).toEqual(['  ﺖﮐﻮﺳ', '  ﺕﺭﻮﭘ']);
  });

  it('align: false leaves lines unpadded; no width means no wrapping', () => {
    expect(layoutParagraph('سوکت و پورت', {mode: 'app', width: 8, align: false})).toEqual(['ﻭ ﺖﮐﻮﺳ', 'ﺕﺭﻮﭘ']);
    expect(layoutParagraph('سوکت و پورت', {mode: 'app'})).toEqual(['ﺕﺭﻮﭘ ﻭ ﺖﮐﻮﺳ']);
  });
});

describe('terminal and off modes: logical order, no shaping, wrapped', () => {
  it.each(['terminal', 'off'] as const)('%s', (mode) => {
    expect(layoutParagraph('سوکت‌ها روی [::1]:80 گوش می‌دهند', {mode, width: 20})).toEqual([
      'سوکت‌ها روی [::1]:80',
      'گوش می‌دهند',
    ]);
  });
});

describe('Russian and English are never touched', () => {
  it.each([
    'Сокет — это конечная точка двунаправленного соединения (см. [::1]:80).',
    'A socket is one endpoint of a two-way conversation (see [::1]:80).',
  ])('%s', (text) => {
    expect(layoutParagraph(text, {mode: 'app'})).toEqual([text]);
    const wrapped = layoutParagraph(text, {mode: 'app', width: 24});
    expect(wrapped.join(' ')).toBe(text);
    for (const l of wrapped) expect(cellWidth(l)).toBeLessThanOrEqual(24);
  });
});

describe('layoutText: plain output gets exactly the screen lines', () => {
  it('Persian: app mode as on screen, off mode logical', () => {
    expect(layoutText(SENTENCE, {rtl: true, mode: 'app', width: 30})).toEqual(layoutParagraph(SENTENCE, app(30)));
    expect(layoutText('[::1]:80', {rtl: true, mode: 'app', width: 12})).toEqual(['    [::1]:80']);
    expect(layoutText(SENTENCE, {rtl: true, mode: 'off', width: 30})[0]).toBe('هر سوکت فعال دقیقاً به یک همتا');
  });
  it('English and Russian: only wrapped, in any mode', () => {
    expect(layoutText('Сокет и порт', {rtl: false, mode: 'app', width: 8})).toEqual(['Сокет и', 'порт']);
    expect(layoutText('[::1]:80', {rtl: false, mode: 'app', width: 12})).toEqual(['[::1]:80']);
  });
});
