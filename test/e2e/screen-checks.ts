// What "nothing overflows, no border is broken" means on an emulated screen, and how to
// read a table's columns back from it. Pure functions of the screen rows.
import type {ScreenRow} from './pty-rig.ts';

const LEFT_EDGES = '│┃┌┏└┗';
const RIGHT_EDGES = '│┃┐┓┘┛';
const RULES = '─━';
const VERTICALS = '│┃┆├┤┠┨';
const BOTTOMS: Record<string, string> = {'┌': '└┗', '┏': '└┗', '┐': '┘┛', '┓': '┘┛'};

/**
 * Every way the screen shows a layout bug, one sentence each (empty: none):
 * - a row xterm wrapped on from the row above (the app wrote past the last column);
 * - a row that starts with a pane border or rule but does not reach the last column with one
 *   (panes always fill the width, so a short or cut row is a broken border);
 * - a top corner whose column does not run down, unbroken, to its bottom corner.
 */
export function layoutProblems(rows: readonly ScreenRow[], columns: number): string[] {
  const problems: string[] = [];
  rows.forEach((row, y) => {
    if (row.wrapped) problems.push(`row ${y} is the overflow of row ${y - 1}: ${JSON.stringify(rows[y - 1]?.text)}`);
    if (row.cells.length > columns) problems.push(`row ${y} is ${row.cells.length} cells wide`);
    const first = row.cells[0] ?? ' ';
    const last = lastCell(row);
    const isRule = RULES.includes(first);
    if (LEFT_EDGES.includes(first) || isRule) {
      const closes = isRule ? RULES.includes(last.char) : RIGHT_EDGES.includes(last.char);
      if (!closes || last.x !== columns - 1) problems.push(`row ${y} opens a border but ends with ${JSON.stringify(last.char)} at column ${last.x}: ${JSON.stringify(row.text)}`);
    }
  });
  rows.forEach((row, y) => {
    row.cells.forEach((char, x) => {
      const bottoms = BOTTOMS[char];
      if (!bottoms) return;
      for (let down = y + 1; down < rows.length; down++) {
        const below = rows[down]?.cells[x] ?? ' ';
        if (bottoms.includes(below)) return;
        if (!VERTICALS.includes(below)) {
          problems.push(`the border below ${char} at (${x}, ${y}) breaks at row ${down}: ${JSON.stringify(below)}`);
          return;
        }
      }
      problems.push(`the border below ${char} at (${x}, ${y}) never closes`);
    });
  });
  return problems;
}

function lastCell(row: ScreenRow): {char: string; x: number} {
  for (let x = row.cells.length - 1; x >= 0; x--) {
    const char = row.cells[x] ?? ' ';
    if (char !== ' ' && char !== '') return {char, x};
  }
  return {char: '', x: -1};
}

/** A run of text in a row: cells [start, end] (inclusive), split where two or more spaces are. */
export interface Segment {
  text: string;
  start: number;
  end: number;
}

/** The segments of cells [from, to] of a row; tables put at least two spaces between columns. */
export function segments(row: ScreenRow, from = 0, to = row.cells.length - 1): Segment[] {
  const out: Segment[] = [];
  let current: Segment | undefined;
  let spaces = 0;
  for (let x = from; x <= to; x++) {
    const char = row.cells[x] ?? ' ';
    if (char === ' ') {
      spaces++;
      if (spaces >= 2 && current) {
        out.push(current);
        current = undefined;
      }
      continue;
    }
    if (current && spaces === 1) current.text += ' ';
    spaces = 0;
    if (!current) current = {text: char, start: x, end: x};
    else {
      current.text += char;
      current.end = x;
    }
  }
  if (current) out.push(current);
  // A wide character's right half ('') belongs to its segment.
  for (const s of out) while (s.end + 1 <= to && row.cells[s.end + 1] === '') s.end++;
  return out;
}

/**
 * Where each row's cells do not line up with the header's columns. Left to right a cell
 * starts where its header starts; right to left (a mirrored table) it ends where its
 * header ends. Returns one sentence per misplaced cell.
 */
export function misalignedCells(header: ScreenRow, body: readonly ScreenRow[], from: number, to: number, direction: 'ltr' | 'rtl'): string[] {
  const edge = (s: Segment) => (direction === 'ltr' ? s.start : s.end);
  const columns = new Set(segments(header, from, to).map(edge));
  const problems: string[] = [];
  for (const row of body) {
    for (const s of segments(row, from, to)) {
      if (!columns.has(edge(s))) problems.push(`${JSON.stringify(s.text)} ${direction === 'ltr' ? 'starts' : 'ends'} at column ${edge(s)}, the header's columns are at ${[...columns].join(', ')}`);
    }
  }
  return problems;
}

/** A pane found by its top-left corner: its inner columns and the rows between its borders. */
export interface PaneBox {
  /** First and last column inside the border and its one cell of padding. */
  left: number;
  right: number;
  rows: ScreenRow[];
}

export function paneAt(rows: readonly ScreenRow[], x: number, y: number): PaneBox {
  const top = rows[y];
  if (!top || !'┌┏'.includes(top.cells[x] ?? '')) throw new Error(`no pane corner at (${x}, ${y})`);
  let right = x + 1;
  while (right < top.cells.length && !'┐┓'.includes(top.cells[right]!)) right++;
  const body: ScreenRow[] = [];
  for (let down = y + 1; down < rows.length && !'└┗'.includes(rows[down]!.cells[x]!); down++) body.push(rows[down]!);
  return {left: x + 2, right: right - 2, rows: body};
}

/** The cells of a row inside a pane, as text. */
export const paneLine = (row: ScreenRow, box: PaneBox) => row.cells.slice(box.left, box.right + 1).join('');

/**
 * The text of the pane at the top corner where reading starts (the lesson's prose or the
 * REPL transcript in every layout): top-left, or top-right on a right-to-left screen,
 * whose pane titles stand at the right end of their borders. Other panes repeat names
 * and ports before the prose says them.
 */
export function firstPaneText(rows: readonly ScreenRow[]): string {
  const y = rows.findIndex((r) => '┌┏'.includes(r.cells[0] ?? ''));
  if (y < 0) return '';
  const top = rows[y]!.cells;
  // Left to right a title follows "┌─ "; right to left the border runs on after the corner.
  const titleAtLeft = RULES.includes(top[1] ?? '') && top[2] === ' ';
  let x = 0;
  if (!titleAtLeft) for (let i = top.length - 1; i > 0; i--) if ('┌┏'.includes(top[i] ?? '')) (x = i), (i = 0);
  const box = paneAt(rows, x, y);
  return box.rows.map((r) => paneLine(r, box)).join('\n');
}
