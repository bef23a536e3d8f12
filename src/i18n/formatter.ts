import type {FormatterModule} from 'i18next';
import {formatNumber} from './digits.ts';

/**
 * Interpolated values that are things a learner types or copies: they keep ASCII digits
 * and no grouping whatever the language. Pass such values as strings where you can
 * (formatPort); this list is the safety net for the names that always mean one.
 */
export const COPYABLE_KEYS: ReadonlySet<string> = new Set(['port', 'pid']);

/**
 * i18next's formatter for every interpolation (alwaysFormat): a number in prose follows
 * the language ("۳" in Persian, "1 234" in Russian), with or without ", number", so no
 * string can print ASCII digits by forgetting it. Strings pass through untouched.
 */
export const proseNumbers: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format(value, format, lng, options) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value;
    const key = (options as {interpolationkey?: string} | undefined)?.interpolationkey;
    if (key !== undefined && COPYABLE_KEYS.has(key)) return String(value);
    // ", digits": the language's digits without grouping, for counters in narrow columns.
    if (format === 'digits') return formatNumber(value, lng ?? 'en', {grouping: false});
    if (format !== undefined && format !== '' && format !== 'number') return value;
    return formatNumber(value, lng ?? 'en');
  },
};
