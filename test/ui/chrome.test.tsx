// The frame around the panes: Pane, TabBar, HintBar, HelpOverlay, ConfirmQuit.
import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import {ConfirmQuit} from '../../src/ui/components/ConfirmQuit.tsx';
import {HelpOverlay} from '../../src/ui/components/HelpOverlay.tsx';
import {HintBar, hintBarLine} from '../../src/ui/components/HintBar.tsx';
import {Pane} from '../../src/ui/components/Pane.tsx';
import {TabBar} from '../../src/ui/components/TabBar.tsx';
import {hintsFor} from '../../src/ui/keys.ts';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {testContext} from './helpers/context.ts';
import {expectFits, visual, WIDTHS} from './helpers/expect.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {frameLines, renderIn} from './helpers/render.tsx';

const WORDS = {
  en: {hints: ['next', 'next pane', 'help', 'quit'], help: ['Keys', 'Scroll the event log up a page', 'Close every socket and exit at once', 'Esc or ? closes this help.'], quit: ['Quit?', 'A task is still running.', 'Quit anyway?', 'yes, quit', 'no, stay'], collapsed: 'Tab to open'},
  fa: {hints: ['بعدی', 'پنل بعدی', 'راهنما', 'خروج'], help: ['کلیدها', 'یک صفحه بالا رفتن در فهرست رویدادها', 'بستن همهٔ سوکت‌ها و خروج فوری'], quit: ['خروج؟', 'یک تمرین هنوز در جریان است.', 'با این حال خارج می‌شوید؟', 'بله، خروج', 'نه، می‌مانم'], collapsed: 'با Tab باز کنید'},
  ru: {hints: ['дальше', 'панель', 'справка', 'выход'], help: ['Клавиши', 'Журнал событий на страницу вверх', 'Закрыть все сокеты и сразу выйти', 'Esc или ? закрывает справку.'], quit: ['Выйти?', 'Задание ещё выполняется.', 'Всё равно выйти?', 'да, выйти', 'нет, остаться'], collapsed: 'Tab — открыть'},
};

describe('Pane', () => {
  it('draws its title into the border and clips what does not fit', () => {
    const r = renderIn('en', (
      <Pane title="A long pane title that cannot fit" width={20} height={4}>
        <Text>{'x'.repeat(80)}</Text>
        <Text>second</Text>
        <Text>third</Text>
      </Pane>
    ));
    const lines = frameLines(r.lastFrame());
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^┌─ A long pane ti… ┐$/);
    for (const line of lines.slice(1, 3)) expect(line).toMatch(/^│.{18}│$/);
    expect(lines[3]).toMatch(/^└─+┘$/);
    expectFits(r.lastFrame(), 20);
    r.unmount();
  });

  it('focused: heavy border and ▸, so focus does not rely on colour', () => {
    const r = renderIn('en', <Pane title="Events" width={24} height={3} focused />);
    expect(frameLines(r.lastFrame())[0]).toMatch(/^┏━ ▸ Events ━+┓$/);
    r.unmount();
  });

  for (const lng of LANGUAGES) {
    it(`${lng}: a collapsed pane is one translated line`, () => {
      const r = renderIn(lng, <Pane title="X" width={60} height={1} collapsed />, {bidi: 'off'});
      const lines = frameLines(r.lastFrame());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(WORDS[lng].collapsed);
      expectFits(r.lastFrame(), 60);
      r.unmount();
    });
  }

  it('fa in app mode: the title sits at the right end of the border', () => {
    const r = renderIn('fa', <Pane title="رویدادها" width={30} height={3} />);
    expect(frameLines(r.lastFrame())[0]).toMatch(new RegExp(`^┌─+ ${visual('رویدادها')} ─┐$`));
    r.unmount();
  });
});

describe('TabBar', () => {
  const tabs = [
    {id: 'prose', title: 'Lesson'},
    {id: 'sockets', title: 'Sockets'},
    {id: 'log', title: 'Events'},
    {id: 'diagram', title: 'Diagram'},
  ];
  for (const width of [20, 50, 80]) {
    it(`marks the shown pane with ▸ and fits ${width} cells`, () => {
      const r = renderIn('en', <TabBar tabs={tabs} active="log" width={width} />);
      expect(r.lastFrame()).toContain('▸ Events');
      expect(frameLines(r.lastFrame())).toHaveLength(1);
      expectFits(r.lastFrame(), width);
      r.unmount();
    });
  }
});

describe('HintBar', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: translated hints on one line; the least important go first`, () => {
      const r = renderIn(lng, <HintBar hints={hintsFor('lesson', {presenter: true})} width={200} />, {bidi: 'off'});
      for (const word of WORDS[lng].hints) expect(r.lastFrame()).toContain(word);
      expect(r.missing).toEqual([]);
      r.unmount();
      for (const width of WIDTHS) {
        const line = plain(hintBarLine({hints: hintsFor('lesson'), width}, testContext(lng)));
        expect(line.length).toBeGreaterThan(0);
        expectFits(line, width);
      }
    });
  }
  it('keeps help and quit when narrow, drops scrolling first', () => {
    const line = plain(hintBarLine({hints: hintsFor('lesson'), width: 40}, testContext('en')));
    expect(line).toContain('? help');
    expect(line).toContain('q quit');
    expect(line).not.toContain('PgUp');
  });
});

describe('HelpOverlay and ConfirmQuit', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: every key explained, the quit question asked, in the language`, () => {
      const help = renderIn(lng, <HelpOverlay width={120} height={30} presenter />, {bidi: 'off'});
      for (const word of WORDS[lng].help) expect(help.lastFrame()).toContain(word);
      const quit = renderIn(lng, <ConfirmQuit width={100} />, {bidi: 'off'});
      for (const word of WORDS[lng].quit) expect(quit.lastFrame()).toContain(word);
      expect([...help.missing, ...quit.missing]).toEqual([]);
      help.unmount();
      quit.unmount();
    });
    for (const width of WIDTHS) {
      it(`${lng}: fit ${width} columns`, () => {
        const help = renderIn(lng, <HelpOverlay width={width} height={20} />);
        expectFits(help.lastFrame(), width);
        expect(frameLines(help.lastFrame()).length).toBe(20);
        const quit = renderIn(lng, <ConfirmQuit width={Math.min(width, 60)} />);
        expectFits(quit.lastFrame(), Math.min(width, 60));
        help.unmount();
        quit.unmount();
      });
    }
  }
});
