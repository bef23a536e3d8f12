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
  fa: ['پروتکل', 'محلی', 'راه دور', 'وضعیت', 'pid', 'برنامه', 'همین برنامه', 'نمای سیستم عامل در دسترس نیست', 'علت: no /proc here'],
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
