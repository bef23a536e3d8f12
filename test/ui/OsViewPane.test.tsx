import {describe, expect, it} from 'vitest';
import {OsViewPane, osViewLines} from '../../src/ui/components/OsViewPane.tsx';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {testContext} from './helpers/context.ts';
import {expectFits, WIDTHS} from './helpers/expect.ts';
import {osView} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {renderIn} from './helpers/render.tsx';

const WORDS = {
  en: ['proto', 'local', 'remote', 'state', 'pid', 'program', 'this app', 'OS view unavailable', 'Reason: no /proc here'],
  fa: ['پروتکل', 'محلی', 'راه دور', 'وضعیت', 'pid', 'برنامه', 'همین برنامه', 'نمای سیستم‌عامل در دسترس نیست', 'علت: no /proc here'],
  ru: ['прот.', 'локальный', 'удалённый', 'состояние', 'pid', 'программа', 'это приложение', 'Таблица сокетов ОС недоступна', 'Причина: no /proc here'],
};

describe('OsViewPane', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: table words, "this app", and the unavailable state are translated`, () => {
      const table = renderIn(lng, <OsViewPane view={osView()} ownPid={4242} width={120} />, {bidi: 'off'});
      const off = renderIn(lng, <OsViewPane view={{available: false, reason: 'no /proc here'}} width={120} />, {bidi: 'off'});
      const frame = `${table.lastFrame()}\n${off.lastFrame()}`;
      for (const word of WORDS[lng]) expect(frame).toContain(word);
      expect([...table.missing, ...off.missing]).toEqual([]);
      table.unmount();
      off.unmount();
    });
    for (const width of WIDTHS) {
      it(`${lng}: never wider than ${width} cells`, () => {
        const r = renderIn(lng, <OsViewPane view={osView()} ownPid={4242} width={width} />);
        expectFits(r.lastFrame(), width);
        const off = renderIn(lng, <OsViewPane view={{available: false, reason: 'permission denied while reading /proc/net/tcp6 and /proc/net/udp6'}} width={width} />);
        expectFits(off.lastFrame(), width);
        r.unmount();
        off.unmount();
      });
    }
  }

  it('shows other processes with pid and program, the kernel state with a symbol', () => {
    const lines = osViewLines({view: osView(), width: 120, ownPid: 4242}, testContext('en')).map(plain);
    expect(lines.find((l) => l.includes('54002'))).toMatch(/● ESTABLISHED +777 +nc/);
    expect(lines.find((l) => l.includes('LISTEN') && l.includes('5000'))).toMatch(/○ LISTEN +4242 +this app/);
    expect(lines.find((l) => l.includes('TIME_WAIT'))).toMatch(/TIME_WAIT +— +—/);
  });

  // What the lessons talk about comes first: addresses and states stay whole while the
  // program, then the pid, give way; a pid is never cut (a cut pid names another process).
  it('narrow: the program goes first, then the pid; addresses and states stay whole', () => {
    const at = (width: number, lng: 'en' | 'fa' = 'en') => osViewLines({view: osView(), width, ownPid: 4242}, testContext(lng)).map(plain);
    const whole = (lines: string[]) => {
      for (const address of ['127.0.0.1:5000', '127.0.0.1:54001', '127.0.0.1:54002', '127.0.0.1:54003', '127.0.0.1:6000', '127.0.0.1:8080']) expect(lines.join('\n')).toContain(address);
      for (const state of ['○ LISTEN', '● ESTABLISHED', '● TIME_WAIT', '◇ UNCONN']) expect(lines.join('\n')).toContain(state);
    };
    const wide = at(76);
    whole(wide);
    expect(wide[0]).toMatch(/pid +program/);
    // The width of a side-by-side pane: no program, everything else whole.
    const side = at(62);
    whole(side);
    expect(side[0]).toMatch(/state +pid/);
    expect(side.join('\n')).not.toContain('this app');
    expect(side.find((l) => l.includes('54002'))).toMatch(/● ESTABLISHED +777 *$/);
    const fa = at(62, 'fa');
    whole(fa);
    expect(fa.find((l) => l.includes('54002'))).toMatch(/^ +777 +● ESTABLISHED/);
    // Narrower: no pid either.
    const narrow = at(56);
    whole(narrow);
    expect(narrow[0]).not.toContain('pid');
    // Narrower still: the addresses are cut at their start (the port stays), the states never.
    const tight = at(46);
    expect(tight.join('\n')).toContain('● ESTABLISHED');
    expect(tight.find((l) => l.includes('TIME_WAIT'))).toMatch(/…[\d.]*:54003 /);
    for (let width = 20; width <= 120; width++) {
      for (const line of at(width)) expect(line, `width ${width}`).not.toMatch(/\d…/);
    }
  });

  it("keeps only the lesson's ports when asked", () => {
    const lines = osViewLines({view: osView(), width: 120, ports: [6000]}, testContext('en')).map(plain);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('127.0.0.1:6000');
    const none = osViewLines({view: osView(), width: 120, ports: [1]}, testContext('en')).map(plain);
    expect(none).toEqual([expect.stringContaining('The kernel shows no sockets on these ports.')]);
  });

  it('says it is asking while the first read is on its way', () => {
    expect(plain(osViewLines({view: undefined, width: 60}, testContext('en'))[0]!)).toContain('Asking the operating system…');
  });
});
