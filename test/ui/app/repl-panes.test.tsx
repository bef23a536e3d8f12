// The REPL below 80×24 shows one pane at a time: Tab on an empty line moves to the next
// pane (Shift+Tab back), Tab with text on the line still completes it, and the footer and
// collapsed panes say which is which, in every language.
import {afterEach, describe, expect, it} from 'vitest';
import {Lab} from '../../../src/lab/index.ts';
import {memoryHistory} from '../../../src/ui/repl/history.ts';
import {ReplScreen} from '../../../src/ui/repl/ReplScreen.tsx';
import {LANGUAGES} from '../helpers/i18n.ts';
import {KEY, renderAt, until, type Rendered} from './helpers.tsx';

const SHIFT_TAB = '\u001b[Z';

let app: Rendered | undefined;
let lab: Lab | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await lab?.dispose();
  lab = undefined;
});

function start(lng: (typeof LANGUAGES)[number], columns: number, rows: number): Rendered {
  lab = new Lab();
  // Logical order (bidi off), so the words can be compared as written.
  return (app = renderAt(lng, <ReplScreen lab={lab} width={columns} height={rows} history={memoryHistory()} onQuit={() => {}} />, {columns, rows, providers: true, bidi: 'off'}));
}

describe('REPL panes at 50×20', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: Tab on an empty line shows the next pane, Shift+Tab the one before; the footer says so`, async () => {
      const r = start(lng, 50, 20);
      const ui = r.i18n.getFixedT(lng, 'ui');
      const tabBar = () => r.lines()[0]!;
      const shown = (pane: string) => new RegExp(`▸ ${ui(`pane.${pane}`)}`);
      await until(() => expect(tabBar()).toMatch(shown('repl')));
      expect(r.text()).toContain(`Tab ${ui('keys.nextPane')}`);
      for (const pane of ['sockets', 'diagram', 'log', 'os', 'repl']) {
        await r.press(KEY.tab);
        await until(() => expect(tabBar()).toMatch(shown(pane)));
      }
      await r.press(SHIFT_TAB);
      await until(() => expect(tabBar()).toMatch(shown('os')));
      await r.press(SHIFT_TAB);
      await until(() => expect(tabBar()).toMatch(shown('log')));
      // The event log is on screen: the socket a command makes shows up there.
      for (const ch of 'socket udp as u1') await r.press(ch);
      await r.press(KEY.enter);
      await until(() => expect(r.text()).toMatch(/u1/));
      expect(tabBar()).toMatch(shown('log'));
    });
  }

  it('Tab with text on the line completes it and moves no pane; the footer says Tab completes', async () => {
    const r = start('en', 50, 20);
    await until(() => expect(r.lines()[0]).toMatch(/▸ Commands/));
    await r.press('c');
    await r.press('o');
    await until(() => expect(r.text()).toContain('Tab complete'));
    expect(r.text()).toContain('Esc clear the line');
    await r.press(KEY.tab);
    await until(() => expect(r.text()).toMatch(/^› connect\s*$/m));
    expect(r.lines()[0]).toMatch(/▸ Commands/);
  });
});

describe('REPL at 80×24 (stacked)', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: a collapsed pane says how to open it from the REPL, and Tab on an empty line does`, async () => {
      const r = start(lng, 80, 24);
      const ui = r.i18n.getFixedT(lng, 'ui');
      const collapsed = ui('pane.collapsedRepl');
      // Not the lessons' "Tab to open": here Tab with text completes.
      await until(() => expect(r.text()).toContain(`${ui('pane.os')} · ${collapsed}`));
      expect(r.text()).not.toContain(ui('pane.collapsed'));
      for (let i = 0; i < 4; i++) await r.press(KEY.tab);
      // The OS view has the focus: it is open, another pane is collapsed instead.
      await until(() => expect(r.text()).toMatch(new RegExp(`[┏┃].*▸ ${ui('pane.os')}`)));
      expect(r.text()).not.toContain(`${ui('pane.os')} · ${collapsed}`);
      expect(r.text()).toContain(collapsed);
    });
  }
});
