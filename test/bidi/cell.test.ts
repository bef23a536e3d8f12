import {describe, expect, it} from 'vitest';
import {cellWidth, fitCell, layoutCell} from '../../src/i18n/bidi/index.ts';

describe('cellWidth', () => {
  it.each([
    ['می‌شود', 5], // ZWNJ takes no cell
    ['سَلامٌ', 4], // vowel marks take none
    ['ﻻ', 1], // a lam-alef ligature is one cell
    ['\u2066[::1]:80\u2069', 8], // isolates take none
    ['\u200f\u200e', 0],
    ['сокет', 5],
    ['127.0.0.1:5000', 14],
  ])('%s → %i', (s, w) => {
    expect(cellWidth(s)).toBe(w);
  });
});

describe('fitCell', () => {
  it('pads to the width, by cells', () => {
    expect(fitCell('می‌شود', 8)).toBe('می‌شود   ');
    expect(fitCell('80', 5, 'right')).toBe('   80');
    expect(fitCell('ab', 5, 'center')).toBe(' ab  ');
  });
  it('cuts with an ellipsis', () => {
    expect(fitCell('LISTENING', 6)).toBe('LISTE…');
    expect(cellWidth(fitCell('LISTENING', 6))).toBe(6);
  });
});

describe('layoutCell: a table column stays aligned with Persian cells', () => {
  const header = ['وضعیت', 'پورت محلی', 'پردازش'];
  const rows = [
    ['در حال گوش دادن', '5000', 'socket-lessons'],
    ['برقرار‌شده', '49152', 'nc'],
  ];
  const widths = [12, 10, 14];

  it('every row has the same cell widths in app mode', () => {
    for (const row of [header, ...rows]) {
      const cells = row.map((c, i) => layoutCell(c, widths[i]!, {mode: 'app', defaultDirection: 'rtl'}));
      expect(cells.map(cellWidth)).toEqual(widths);
    }
  });

  it('Persian is right-aligned and cut at its logical end (the beginning shows)', () => {
    expect(layoutCell('وضعیت', 8, {mode: 'app'})).toBe('   ﺖﯿﻌﺿﻭ');
    // «در حال گوش دادن» in 8 cells: the start «در حال» stays, at the right.
    const cut = layoutCell('در حال گوش دادن', 8, {mode: 'app'});
    expect(cellWidth(cut)).toBe(8);
    expect(cut.endsWith('ﻝﺎﺣ ﺭﺩ')).toBe(true);
    expect(cut).toBe(' …ﻝﺎﺣ ﺭﺩ');
  });

  it('ports stay ASCII and intact; terminal mode stays logical', () => {
    expect(layoutCell('5000', 6, {mode: 'app', defaultDirection: 'rtl'})).toBe('  5000');
    expect(layoutCell('وضعیت', 8, {mode: 'terminal'})).toBe('وضعیت   ');
  });
});
