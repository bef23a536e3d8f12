import {describe, expect, it} from 'vitest';
import {SocketTable, socketTableLines} from '../../src/ui/components/SocketTable.tsx';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {monoTheme} from '../../src/ui/theme.ts';
import {testContext} from './helpers/context.ts';
import {expectFits, visual, WIDTHS} from './helpers/expect.ts';
import {c6Sockets, udpSockets} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {frameLines, renderIn} from './helpers/render.tsx';

const sockets = [...c6Sockets(), ...udpSockets()];

const WORDS = {
  en: ['name', 'proto', 'local', 'remote', 'state', 'listening', 'connected', 'passive'],
  fa: ['نام', 'پروتکل', 'محلی', 'راه دور', 'وضعیت', 'گوش می‌دهد', 'متصل', 'منفعل'],
  ru: ['имя', 'прот.', 'локальный', 'удалённый', 'состояние', 'слушает', 'соединён', 'пассивный'],
};

describe('SocketTable', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: header and state words come from ui.json`, () => {
      const r = renderIn(lng, <SocketTable sockets={sockets} width={120} />, {bidi: 'off'});
      const frame = r.lastFrame()!;
      for (const word of WORDS[lng]) expect(frame).toContain(word);
      expect(frame).toContain('127.0.0.1:54001');
      expect(r.missing).toEqual([]);
      r.unmount();
    });
    for (const width of WIDTHS) {
      it(`${lng}: never wider than ${width} cells`, () => {
        const r = renderIn(lng, <SocketTable sockets={sockets} width={width} />);
        expectFits(r.lastFrame(), width);
        r.unmount();
      });
    }
  }

  it('datagrams the kernel dropped: a column once any socket has some, with the count, in every language and width', () => {
    const withDrops = sockets.map((s) => (s.name === 'r1' ? {...s, dropped: 1304} : s));
    const none = socketTableLines({sockets, width: 120}, testContext('en')).map(plain);
    expect(none[0]).not.toContain('dropped');
    const expected = {en: ['dropped', '1,304'], fa: ['دورریخته', '۱٬۳۰۴'], ru: ['отброшено', '1\u00a0304']};
    for (const lng of LANGUAGES) {
      const lines = socketTableLines({sockets: withDrops, width: 120}, testContext(lng, {bidi: 'off'})).map(plain);
      expect(lines[0]).toContain(expected[lng][0]);
      expect(lines.find((l) => l.includes('r1'))).toContain(expected[lng][1]);
      for (const width of WIDTHS) {
        const r = renderIn(lng, <SocketTable sockets={withDrops} width={width} />);
        expectFits(r.lastFrame(), width);
        r.unmount();
      }
    }
  });

  it('fa in app mode: words are shaped right to left and the columns run right to left', () => {
    const ctx = testContext('fa');
    const [header, first] = socketTableLines({sockets, width: 120}, ctx).map(plain);
    expect(header).toContain(visual('نام'));
    // The name column is the rightmost on a Persian screen.
    expect(header!.trimEnd().endsWith(visual('نام'))).toBe(true);
    expect(first!.trimEnd().endsWith('○ srv')).toBe(true);
  });

  it('stays aligned: every column starts at the same cell in every row', () => {
    const lines = frameLines(renderIn('en', <SocketTable sockets={sockets} width={120} />).lastFrame());
    const localAt = lines[0]!.indexOf('local');
    const remoteAt = lines[0]!.indexOf('remote');
    expect(localAt).toBeGreaterThan(0);
    for (const line of lines.slice(1)) {
      expect(line.slice(localAt, localAt + 10)).toMatch(/^127\.0\.0\.1/);
      // Passive and UDP sockets have no remote: blank, not shifted.
      expect(line.slice(remoteAt, remoteAt + 3)).toMatch(/^(127| {3})/);
    }
  });

  it('cuts addresses at the start, keeping the port, instead of wrapping', () => {
    const lines = socketTableLines({sockets, width: 50}, testContext('en')).map(plain);
    expect(lines.length).toBe(sockets.length + 1);
    expect(lines.find((l) => l.includes('c1'))).toMatch(/…[\d.]*:54001/);
  });

  it('fa beside the prose (62 cells): the role gives way; names, protocols and states stay whole, addresses keep their ports', () => {
    const lines = socketTableLines({sockets, width: 62}, testContext('fa')).map(plain);
    expect(lines[0]).not.toContain(visual('نقش'));
    const c1 = lines.find((l) => l.endsWith('● c1'))!;
    expect(c1).toMatch(new RegExp(`^ *${visual('متصل')} .*:5000 .*:54001 +TCP +● c1$`));
    expect(lines.find((l) => l.endsWith('○ srv'))).toContain(visual('گوش می‌دهد'));
    expect(lines.find((l) => l.endsWith('◇ r2'))).toMatch(/UDP +◇ r2$/);
    // Narrower: the addresses are cut (at their start) before the state.
    const narrow = socketTableLines({sockets, width: 51}, testContext('fa')).map(plain);
    expect(narrow.find((l) => l.endsWith('○ srv'))).toContain(visual('گوش می‌دهد'));
    expect(narrow.find((l) => l.endsWith('● c1'))).toMatch(/…[\d.]*:5000 +…[\d.]*:54001 +TCP +● c1$/);
  });

  it('marks roles with a symbol as well as a colour', () => {
    const lines = socketTableLines({sockets, width: 120}, testContext('en', {theme: monoTheme})).map(plain);
    expect(lines[1]).toMatch(/^○ srv/);
    expect(lines[2]).toMatch(/^● c1/);
    expect(lines.at(-1)).toMatch(/^◇ r2/);
  });

  it('marks the newest socket with ▶ and clips extra rows to a "+N more" note', () => {
    const lines = socketTableLines({sockets, width: 80, height: 5, newest: 'srv'}, testContext('en')).map(plain);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^▶ srv/);
    expect(lines[4]).toContain('+7 more lines');
  });

  it('says so when there are no sockets', () => {
    const r = renderIn('ru', <SocketTable sockets={[]} width={40} />);
    expect(r.lastFrame()).toContain('Сокетов пока нет.');
    r.unmount();
  });
});
