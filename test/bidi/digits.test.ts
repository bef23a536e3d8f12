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
