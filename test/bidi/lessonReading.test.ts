// Issue 12: every builtin lesson, in Persian with the app's layout, read back the way a
// Persian reader reads mixed text (test/support/readingOrder.ts, independent of the
// layout code). Each lesson runs once with --auto on real sockets (live addresses, ports,
// received data); at widths 40, 60 and 100 its transcript and its prose pane (every
// step, the same rendering path the screen uses) are laid out. The layout's entry points
// are watched: each paragraph handed to them must come back as lines that read as that
// paragraph. And every Persian line that reaches the page or the pane must have been
// laid out (shaped): nothing is printed in logical order.
import {describe, expect, it, vi} from 'vitest';
import {runLessonAuto} from '../../src/cli/lesson-mode.ts';
import {createI18n} from '../../src/i18n/setup.ts';
import {loadCatalog} from '../../src/lessons/catalog.ts';
import type {LessonSession} from '../../src/lessons/session.ts';
import {proseLines} from '../../src/ui/app/lesson/proseLines.ts';
import {translatorOf} from '../../src/ui/format/index.ts';
import {directedLayout} from '../../src/ui/layout/textLayout.ts';
import {colourTheme} from '../../src/ui/theme.ts';
import {explain, readsAs} from '../support/readingOrder.ts';

interface Laid {
  text: string;
  lines: string[];
}
const laid = vi.hoisted(() => ({calls: [] as {text: string; lines: string[]}[]}));

// Watch the layout's public entry points (what the plain printers and the panes call).
vi.mock('../../src/i18n/bidi/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/i18n/bidi/index.ts')>();
  const keep = (text: string, mode: string, lines: string[]) => {
    if (mode === 'app') laid.calls.push({text, lines});
    return lines;
  };
  return {
    ...real,
    layoutText: (text: string, opts: Parameters<typeof real.layoutText>[1]) => keep(text, opts.mode, real.layoutText(text, opts)),
    layoutParagraph: (text: string, opts: Parameters<typeof real.layoutParagraph>[1]) =>
      // Each hard line is a paragraph of its own.
      text.split(/\r?\n/).flatMap((p) => keep(p, opts.mode, real.layoutParagraph(p, opts))),
  };
});

const WIDTHS = [40, 60, 100];
const catalog = loadCatalog();
/** Arabic-script letters that a shaping layout always turns into presentation forms (a lone hamza, ء, has none to take). */
const BARE_LETTERS = /[\u0622-\u063F\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC]/u;

function misread(calls: readonly Laid[]): string[] {
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

describe('every lesson in Persian reads in logical order (app mode)', () => {
  it.each(catalog.lessons.map((l) => l.id))('%s: transcript and prose pane at widths 40, 60 and 100', async (id) => {
    const lesson = catalog.lessons.find((l) => l.id === id)!;
    const t = translatorOf(createI18n('fa'));
    const ui = createI18n('fa');
    const pane = {t: ui.getFixedT('fa', 'ui'), theme: colourTheme, text: directedLayout('app', true)};
    laid.calls.length = 0;
    const printed: string[] = [];
    let session: LessonSession | undefined;

    for (const width of WIDTHS) {
      let out = '';
      const code = await runLessonAuto({
        id,
        lng: 'fa',
        json: false,
        width,
        bidi: 'app',
        packs: [],
        stdout: {write: (s: string) => (out += s)},
        onSession: (s) => (session = s),
      });
      expect(code, out).toBe(0);
      printed.push(...out.split('\n'));
      // The screen's prose pane, every step, with the run's live values.
      const state = session!.getState();
      const prose = (key: string) => t(`${id}:${key}`);
      const pane1 = proseLines({lesson, state: {...state, index: lesson.steps.length - 1}, prose, t, width, cursor: 0}, pane);
      printed.push(...pane1.map((line) => line.map((s) => s.text).join('')));
    }

    // Nothing Persian reaches the page or the pane unshaped (in logical order).
    const unlaid = printed.filter((l) => BARE_LETTERS.test(l));
    expect(unlaid, unlaid.join('\n')).toEqual([]);
    expect(laid.calls.length).toBeGreaterThan(0);
    const bad = misread(laid.calls);
    expect(bad, bad.slice(0, 8).join('\n\n')).toEqual([]);
  });
});
