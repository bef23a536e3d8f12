import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {planColumns, type ColumnSpec} from '../../src/ui/layout/columns.ts';
import {fitLine, lineWidth} from '../../src/ui/layout/styledLine.ts';
import {fit, truncate, wrapText} from '../../src/ui/layout/text.ts';

describe('fit and truncate', () => {
  it('pads to the exact width and marks every cut with …', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abc', 5, {align: 'end'})).toBe('  abc');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('127.0.0.1:5000', 8, {cut: 'start'})).toBe('…01:5000'.replace('01', '.1'));
  });
  it('counts wide characters and never splits a grapheme', () => {
    expect(stringWidth(fit('漢字漢字', 5))).toBe(5);
    expect(truncate('漢字漢字', 5)).toBe('漢字…');
    expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(stringWidth(fit('سوکت‌ها', 4))).toBe(4);
  });
  it('wraps by words and hard-cuts words longer than a line', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    for (const line of wrapText('a very long sentence that must wrap somewhere sensible', 10)) expect(stringWidth(line)).toBeLessThanOrEqual(10);
  });
});

describe('planColumns', () => {
  const specs: ColumnSpec[] = [
    {id: 'a', min: 3, priority: 9},
    {id: 'b', min: 3, priority: 1, optional: true},
    {id: 'c', min: 5, priority: 5},
  ];
  const rows = [['alpha', 'beta', 'gamma-gamma-gamma']];
  it('uses natural widths when they fit', () => {
    expect(planColumns(specs, rows, 80, 2).widths).toEqual([5, 4, 17]);
  });
  it('drops an optional column before squeezing, then shrinks the widest first', () => {
    const plan = planColumns(specs, rows, 20, 2);
    expect(plan.visible).toEqual([0, 2]);
    expect(plan.widths[0]! + plan.widths[2]! + 2).toBeLessThanOrEqual(20);
    expect(plan.widths[0]).toBe(5);
  });
  it('never exceeds the width, down to one column', () => {
    for (let width = 1; width <= 40; width++) {
      const plan = planColumns(specs, rows, width, 2);
      const used = plan.visible.reduce((s, i) => s + plan.widths[i]!, 0) + 2 * (plan.visible.length - 1);
      expect(used, `width ${width}`).toBeLessThanOrEqual(width);
    }
  });
});

describe('planColumns: keep, whole and headers', () => {
  // A header, then values: an address, a state, a pid and a program.
  const specs: ColumnSpec[] = [
    {id: 'local', min: 7, priority: 9, keep: 1},
    {id: 'state', min: 5, priority: 8, keep: 2},
    {id: 'pid', min: 3, priority: 5, whole: true},
    {id: 'program', min: 4, priority: 4},
  ];
  const rows = [
    ['local address', 'state of the socket', 'pid', 'program'],
    ['127.0.0.1:54002', 'ESTABLISHED', '4242', 'this app'],
  ];
  const used = (plan: {widths: number[]; visible: number[]}) => plan.visible.reduce((s, i) => s + plan.widths[i]!, 0) + 2 * (plan.visible.length - 1);

  it('cuts a header wider than its values before any value', () => {
    expect(planColumns(specs, rows, 52, 2, 1)).toEqual({widths: [15, 19, 4, 8], visible: [0, 1, 2, 3]});
    expect(planColumns(specs, rows, 48, 2, 1)).toEqual({widths: [15, 15, 4, 8], visible: [0, 1, 2, 3]});
  });
  it('shrinks, then drops, the columns without keep (lowest priority first) before cutting a kept one', () => {
    expect(planColumns(specs, rows, 40, 2, 1)).toEqual({widths: [15, 11, 4, 4], visible: [0, 1, 2, 3]});
    expect(planColumns(specs, rows, 36, 2, 1)).toEqual({widths: [15, 13, 4, 0], visible: [0, 1, 2]});
    expect(planColumns(specs, rows, 30, 2, 1)).toEqual({widths: [15, 13, 0, 0], visible: [0, 1]});
  });
  it('cuts the lower keep first: the address before the state', () => {
    expect(planColumns(specs, rows, 24, 2, 1)).toEqual({widths: [11, 11, 0, 0], visible: [0, 1]});
  });
  it('never cuts a whole column: it is dropped instead', () => {
    for (let width = 1; width <= 60; width++) {
      const plan = planColumns(specs, rows, width, 2, 1);
      expect(plan.widths[2] === 0 || plan.widths[2]! >= 4, `width ${width}`).toBe(true);
      expect(used(plan), `width ${width}`).toBeLessThanOrEqual(width);
    }
  });
  it('without keep or headers, the same plan as before', () => {
    const plain = [
      {id: 'a', min: 3, priority: 9},
      {id: 'b', min: 3, priority: 5},
    ];
    expect(planColumns(plain, [['alpha-alpha', 'beta-beta-beta']], 20, 2)).toEqual({widths: [9, 9], visible: [0, 1]});
  });
});

describe('fitLine', () => {
  it('cuts styled segments and pads to the width, at the start for right-to-left', () => {
    const line = [{text: 'hello ', role: 'active' as const}, {text: 'world'}];
    expect(lineWidth(fitLine(line, 8))).toBe(8);
    expect(fitLine(line, 8).map((s) => s.text).join('')).toBe('hello w…');
    expect(fitLine([{text: 'ab'}], 4, true).map((s) => s.text).join('')).toBe('  ab');
  });
});
