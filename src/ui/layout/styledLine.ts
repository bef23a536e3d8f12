// A line of a pane as plain data: text segments, each with an optional colour role.
// Panes build these (pure, testable for width), <Line> draws them.
import type {ColourRole} from '../theme.ts';
import {ELLIPSIS, textWidth, truncate} from './text.ts';

export interface Seg {
  text: string;
  role?: ColourRole;
}

export type StyledLine = Seg[];

export function plain(line: StyledLine): string {
  return line.map((s) => s.text).join('');
}

export function lineWidth(line: StyledLine): number {
  return textWidth(plain(line));
}

/**
 * Cut the line to `width` cells (marking the cut with …) and pad it to exactly `width`:
 * at the end, or at the start for a right-to-left screen (`alignEnd`).
 */
export function fitLine(line: StyledLine, width: number, alignEnd = false): StyledLine {
  if (width <= 0) return [];
  const total = lineWidth(line);
  const out: StyledLine = [];
  if (total <= width) {
    const pad = total < width ? [{text: ' '.repeat(width - total)}] : [];
    const kept = line.filter((s) => s.text !== '');
    return alignEnd ? [...pad, ...kept] : [...kept, ...pad];
  }
  let room = width - 1; // keep a cell for the ellipsis
  for (const seg of line) {
    if (room <= 0) break;
    const w = textWidth(seg.text);
    if (w <= room) {
      out.push(seg);
      room -= w;
    } else {
      // truncate() adds its own …; take room+1 cells and we have our ellipsis in place
      const cut = truncate(seg.text, room + 1);
      out.push(seg.role ? {text: cut, role: seg.role} : {text: cut});
      return padTo(out, width);
    }
  }
  out.push({text: ELLIPSIS});
  return padTo(out, width);
}

function padTo(line: StyledLine, width: number): StyledLine {
  const w = lineWidth(line);
  return w < width ? [...line, {text: ' '.repeat(width - w)}] : line;
}
