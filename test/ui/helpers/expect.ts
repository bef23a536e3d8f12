// Shared assertions for pane tests.
import stringWidth from 'string-width';
import {expect} from 'vitest';
import {layoutParagraph} from '../../../src/i18n/bidi/index.ts';
import {plain, type StyledLine} from '../../../src/ui/layout/styledLine.ts';
import {frameLines} from './render.tsx';

export const WIDTHS = [50, 80, 120] as const;

/** Every line at most `width` cells (ANSI stripped). */
export function expectFits(frameOrLines: string | undefined | readonly StyledLine[], width: number, label = ''): void {
  const lines = typeof frameOrLines === 'string' || frameOrLines === undefined ? frameLines(frameOrLines) : frameOrLines.map(plain);
  lines.forEach((line, i) => {
    expect(stringWidth(line), `${label} line ${i} is ${stringWidth(line)} cells > ${width}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
  });
}

/** How a Persian phrase looks on screen in app mode (shaped, right to left). */
export function visual(text: string): string {
  return layoutParagraph(text, {mode: 'app', direction: 'rtl', align: false}).join(' ');
}
