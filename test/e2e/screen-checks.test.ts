// The layout checks the pty tests rely on must catch what they claim to catch.
import {describe, expect, it} from 'vitest';
import type {ScreenRow} from './pty-rig.ts';
import {firstPaneText, layoutProblems, misalignedCells} from './screen-checks.ts';

const row = (text: string, width: number, wrapped = false): ScreenRow => {
  const cells = [...text.padEnd(width, ' ')].slice(0, width);
  return {text: text.trimEnd(), cells, wrapped};
};
const screen = (lines: string[], width = 12) => lines.map((l) => row(l, width));

const clean = [
  'title',
  '┏━ a ━┓┌─ b┐',
  '┃ x   ┃│ y │',
  '┗━━━━━┛└───┘',
  '── c ───────',
];

describe('layoutProblems', () => {
  it('passes a clean screen of panes', () => {
    expect(layoutProblems(screen(clean), 12)).toEqual([]);
  });

  it('finds a row the terminal wrapped (written past the last column)', () => {
    const rows = screen(clean);
    rows[3] = {...rows[3]!, wrapped: true};
    expect(layoutProblems(rows, 12)).toEqual([expect.stringContaining('overflow of row 2')]);
  });

  it('finds a bordered row that stops short of the last column', () => {
    const rows = screen(['title', '┏━ a ━┓┌─ b┐', '┃ x   ┃│ y', '┗━━━━━┛└───┘']);
    expect(layoutProblems(rows, 12).join()).toContain('row 2 opens a border');
  });

  it('finds a vertical border that breaks', () => {
    const rows = screen(['title', '┏━ a ━┓┌─ b┐', '┃ x   ┃ y  │', '┗━━━━━┛└───┘']);
    expect(layoutProblems(rows, 12).join()).toContain('breaks at row 2');
  });

  it('finds a pane that never closes', () => {
    const rows = screen(['title', '┏━ a ━━━━━━┓', '┃ x        ┃']);
    expect(layoutProblems(rows, 12).join()).toContain('never closes');
  });
});

describe('misalignedCells', () => {
  it('accepts cells that start under their headers (left to right)', () => {
    const [header, ...body] = screen(['name  proto', '▶ u1  UDP', 'srv   TCP'], 12);
    expect(misalignedCells(header!, body, 0, 11, 'ltr')).toEqual([]);
  });

  it('finds a cell one column off', () => {
    const [header, ...body] = screen(['name  proto', '▶ u1   UDP'], 12);
    expect(misalignedCells(header!, body, 0, 11, 'ltr')).toEqual([expect.stringContaining('"UDP" starts at column 7')]);
  });

  it('right to left, compares the ends of the cells', () => {
    const [header, ...body] = screen(['proto  name', '  UDP  ▶ u1', '  TCP   srv', '  TCP  srv '], 12);
    expect(misalignedCells(header!, body, 0, 11, 'rtl')).toEqual([expect.stringContaining('"srv" ends at column 9')]);
  });
});

describe('firstPaneText', () => {
  it('reads only the top-left pane', () => {
    expect(firstPaneText(screen(clean))).toBe('x  ');
  });

  it('reads the top-right pane on a right-to-left screen (titles at the right end)', () => {
    const mirrored = ['title', '┌── b ─┐┏━━ a ━┓', '│    y │┃    x ┃', '└──────┘┗━━━━━━┛'];
    expect(firstPaneText(screen(mirrored, 16))).toBe('   x');
    // One pane as wide as the screen: that pane, whichever side its title is on.
    expect(firstPaneText(screen(['title', '┏━━━━ a ━┓', '┃     x ┃', '┗━━━━━━━━┛'], 10))).toBe('    x ');
  });
});
