// Watches the BiDi layout's public entry points (what the plain printers and the panes
// call) so a test can read back every paragraph it laid out in app mode with the
// independent reading-order checker. Use it from a test file as
//
//   vi.mock('../../src/i18n/bidi/index.ts', async (original) =>
//     (await import('../support/layoutSpy.ts')).watchLayout(await original()));
import type * as Bidi from '../../src/i18n/bidi/index.ts';
import {explain, readsAs} from './readingOrder.ts';

export interface Laid {
  text: string;
  lines: string[];
}

/** Every app-mode paragraph laid out since the last clear, with its screen lines. */
export const laidOut: Laid[] = [];

export function watchLayout(real: typeof Bidi): typeof Bidi {
  const keep = (text: string, mode: string, lines: string[]) => {
    if (mode === 'app') laidOut.push({text, lines});
    return lines;
  };
  return {
    ...real,
    layoutText: (text, opts) => keep(text, opts.mode, real.layoutText(text, opts)),
    // Each hard line is a paragraph of its own.
    layoutParagraph: (text, opts) => text.split(/\r?\n/).flatMap((p) => keep(p, opts.mode, real.layoutParagraph(p, opts))),
  };
}

/** Paragraphs whose screen lines do not read back as their words, explained. */
export function misread(calls: readonly Laid[] = laidOut): string[] {
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const {text, lines} of calls) {
    const key = `${text}\u0000${lines.join('\n')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = readsAs(lines, text);
    if (!r.ok) bad.push(explain(r, lines, text));
  }
  return bad;
}

/** Arabic-script letters a shaping layout always turns into presentation forms (a lone hamza, ء, has none to take). */
export const BARE_LETTERS = /[\u0622-\u063F\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC]/u;

/** Printed lines with Persian in logical order: they did not go through the layout. */
export function unlaid(lines: readonly string[]): string[] {
  return lines.filter((l) => BARE_LETTERS.test(l));
}
