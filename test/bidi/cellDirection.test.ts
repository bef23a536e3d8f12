// A table cell takes its screen's direction: in a Russian or English table a Persian
// nickname (the wall's "who" column) starts at the column's left edge with the row's
// marker first, and still reads right to left; in a Persian table, the mirror image.
import {describe, expect, it} from 'vitest';
import {directedLayout} from '../../src/ui/layout/textLayout.ts';
import {readingOrder, words} from '../support/readingOrder.ts';

const NICK = 'سارا';

describe('a table cell with Persian in it', () => {
  it('in a left-to-right screen starts at the left, marker first, the name read right to left', () => {
    const cell = directedLayout('app', false).cell(`● ${NICK}`, 12);
    expect(cell).toHaveLength(12);
    expect(cell.startsWith('● ')).toBe(true);
    expect(cell.endsWith(' ')).toBe(true);
    expect(words(readingOrder(cell.slice(2).trim()))).toEqual([NICK]);
  });

  it('lines up with Latin cells of the same column', () => {
    const layout = directedLayout('app', false);
    const latin = layout.cell('● ava', 12);
    const persian = layout.cell(`● ${NICK}`, 12);
    expect(persian.indexOf('●')).toBe(latin.indexOf('●'));
  });

  it('in a right-to-left screen ends at the right, marker last on screen', () => {
    const cell = directedLayout('app', true).cell(`● ${NICK}`, 12);
    expect(cell).toHaveLength(12);
    expect(cell.endsWith(' ●')).toBe(true);
    expect(cell.startsWith(' ')).toBe(true);
  });

  it('too long for its column: cut at the logical end, the beginning kept', () => {
    const cell = directedLayout('app', false).cell(`● ${NICK} ${NICK} ${NICK}`, 9);
    expect(cell.startsWith('● ')).toBe(true);
    expect(cell.trimEnd().endsWith('…')).toBe(true);
  });
});
