// Every key binding has words in all three languages — the help overlay and the footer —
// and the REPL opens the same help with ? on an empty line.
import {afterEach, describe, expect, it} from 'vitest';
import {Lab} from '../../../src/lab/index.ts';
import {bindings, helpRows, hintsFor, type HintSet} from '../../../src/ui/keys.ts';
import {ReplScreen} from '../../../src/ui/repl/ReplScreen.tsx';
import {memoryHistory} from '../../../src/ui/repl/history.ts';
import {LANGUAGES} from '../helpers/i18n.ts';
import {allLanguagesI18n, KEY, renderAt, until, type Rendered} from './helpers.tsx';

const SETS: HintSet[] = ['menu', 'lesson', 'task', 'typing', 'repl', 'help', 'confirm', 'ask', 'settings', 'about', 'language', 'wall', 'wallGrid', 'picker', 'learner'];

describe('key words', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: every binding in the help, and every footer hint, has its own words`, () => {
      const {i18n, missing} = allLanguagesI18n(lng);
      const t = i18n.getFixedT(lng, 'ui');
      // The help lists every normal-mode binding (the quit dialog's y/n are its own footer's):
      // the lessons' help or the workshop screens' help, whichever screen the key belongs to.
      const listed = [...new Set([...helpRows({presenter: true}), ...helpRows({presenter: true, workshop: true})].map((r) => r.action))];
      const actions = [...new Set([...bindings.filter((b) => b.mode === 'normal').map((b) => b.action), ...listed])];
      expect(listed.sort()).toEqual(actions.sort());
      for (const action of actions) {
        const words = t(`help.action.${action}`);
        expect(words, action).not.toBe(`help.action.${action}`);
        expect(words.trim(), action).not.toBe('');
      }
      for (const set of SETS) for (const hint of hintsFor(set, {presenter: true})) expect(t(hint.labelKey), hint.labelKey).not.toBe(hint.labelKey.replace(/^\w+:/, ''));
      expect(missing).toEqual([]);
    });
  }

  it('the footers of the new screens offer their keys', () => {
    expect(hintsFor('menu').map((h) => h.id)).toContain('settings');
    expect(hintsFor('ask').map((h) => h.id)[0]).toBe('choose');
    // Presenter mode: Space wherever events can be held, tasks and questions too.
    for (const set of ['lesson', 'task', 'ask', 'repl'] as const) expect(hintsFor(set, {presenter: true})[0]?.id).toBe('reveal');
    for (const set of ['menu', 'settings', 'about'] as const) expect(hintsFor(set, {presenter: true}).map((h) => h.id)).not.toContain('reveal');
  });
});


let app: Rendered | undefined;
let lab: Lab | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await lab?.dispose();
  lab = undefined;
});

describe('REPL help', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: ? on an empty line opens the key help; Esc closes it; ? inside a line is text`, async () => {
      lab = new Lab();
      // Logical order (bidi off), so the Persian words can be compared as written.
      const r = (app = renderAt(lng, <ReplScreen lab={lab} width={100} height={40} history={memoryHistory()} onQuit={() => {}} />, {columns: 100, rows: 40, providers: true, bidi: 'off'}));
      const words = r.i18n.getFixedT(lng, 'ui')('help.action.pageUp');
      await until(() => expect(r.text()).toContain('›'));
      expect(r.text()).not.toContain(words);
      await r.press('?');
      await until(() => expect(r.text()).toContain(words));
      await r.press(KEY.escape);
      await until(() => expect(r.text()).not.toContain(words));
      await r.press('x');
      await r.press('?');
      await until(() => expect(r.text()).toMatch(/› x\?/));
      expect(r.text()).not.toContain(words);
    });
  }
});
