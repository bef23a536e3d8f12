import {describe, expect, it} from 'vitest';
import {formatNumber, formatPort, toAsciiDigits} from '../../src/i18n/digits.ts';

describe('digits', () => {
  it('prose numbers follow the language, grouped', () => {
    expect(formatNumber(3, 'fa')).toBe('۳');
    expect(formatNumber(12345, 'fa')).toBe('۱۲٬۳۴۵');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'ru')).toBe('12\u00a0345');
    expect(formatNumber(12345, 'fa', {grouping: false})).toBe('۱۲۳۴۵');
    expect(formatNumber(1.5, 'fa')).toBe('۱٫۵');
  });

  it('ports are ASCII and never grouped', () => {
    expect(formatPort(5000)).toBe('5000');
    expect(formatPort(65535)).toBe('65535');
  });

  it('toAsciiDigits reads Persian and Arabic-Indic digits', () => {
    expect(toAsciiDigits('listen tcp 127.0.0.1:۵۰۰۰')).toBe('listen tcp 127.0.0.1:5000');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    expect(toAsciiDigits('سوکت ۳')).toBe('سوکت 3');
  });
});

describe('small whole numbers, written without Intl', () => {
  it('are what Intl.NumberFormat writes, in every language, grouped or not', () => {
    for (const lng of ['en', 'fa', 'ru']) {
      for (const grouping of [true, false]) {
        const intl = new Intl.NumberFormat(lng, {useGrouping: grouping, maximumFractionDigits: 20});
        for (let n = 0; n < 1200; n++) expect(formatNumber(n, lng, {grouping}), `${lng} ${n}`).toBe(intl.format(n));
        for (const n of [-1, 0.5, 999.5, 1e21]) expect(formatNumber(n, lng, {grouping})).toBe(intl.format(n));
      }
    }
  });
});
