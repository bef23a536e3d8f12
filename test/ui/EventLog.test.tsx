import {describe, expect, it} from 'vitest';
import {EventLog, eventLogLines} from '../../src/ui/components/EventLog.tsx';
import {appendEvent, emptyLog, type EventLogState} from '../../src/ui/hooks/eventLog.ts';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {testContext} from './helpers/context.ts';
import {expectFits, WIDTHS} from './helpers/expect.ts';
import {ev, lessonEvents, v4} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {renderIn} from './helpers/render.tsx';

function logOf(events = lessonEvents()): EventLogState {
  const log = emptyLog();
  for (const e of events) appendEvent(log, e);
  return log;
}

function flood(n: number): EventLogState {
  const events = lessonEvents();
  for (let i = 0; i < n; i++) events.push(ev({type: 'send', socket: 'u1', protocol: 'udp', bytes: 5, to: v4(6000), local: v4(41000)}));
  return logOf(events);
}

const WORDS = {
  en: ['ms', 'socket', 'event', 'details', 'listens on 127.0.0.1:5000', '+1,200 datagrams sent (6,000 bytes)'],
  fa: ['زمان', 'سوکت', 'رویداد', 'جزئیات', '+۱٬۲۰۰ دیتاگرام فرستاده شد (۶٬۰۰۰ بایت)'],
  ru: ['мс', 'сокет', 'событие', 'подробности', 'слушает 127.0.0.1:5000', '+1\u00a0200 датаграмм отправлено (6\u00a0000 байт)'],
};

describe('EventLog', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: column headers, event sentences and the flood count are translated`, () => {
      const r = renderIn(lng, <EventLog log={flood(1201)} width={120} />, {bidi: 'off'});
      const frame = r.lastFrame()!;
      for (const word of WORDS[lng]) expect(frame).toContain(word);
      expect(r.missing).toEqual([]);
      r.unmount();
    });
    for (const width of WIDTHS) {
      it(`${lng}: never wider than ${width} cells, presenter callout included`, () => {
        const r = renderIn(lng, <EventLog log={flood(30)} width={width} height={16} presenter held={2} />);
        expectFits(r.lastFrame(), width);
        r.unmount();
      });
    }
  }

  it('keeps the first datagram of a flood as a row and counts the rest exactly', () => {
    const log = flood(1201);
    const lines = eventLogLines({log, width: 120}, testContext('en')).map(plain);
    expect(lines.filter((l) => l.includes('u1 sent a 5-byte datagram'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^▶ +\d+ +u1 +sendto +\+1,200 datagrams sent/);
  });

  it('kernel drops during a flood: one row per socket with their sum, and the received datagrams still fold into one count', () => {
    const events = lessonEvents();
    const message = () => ev({type: 'message', socket: 'u1', protocol: 'udp', bytes: 5, from: v4(41001), preview: 'flood', local: v4(6000)});
    const drop = (count: number, total: number) => ev({type: 'drop', socket: 'u1', protocol: 'udp', count, total, local: v4(6000)});
    for (let i = 0; i < 300; i++) events.push(message());
    events.push(drop(120, 120));
    for (let i = 0; i < 300; i++) events.push(message());
    events.push(drop(1184, 1304));
    for (let i = 0; i < 100; i++) events.push(message());
    const log = logOf(events);
    const expected = {
      en: ['u1: kernel dropped 1,304 datagrams: receive buffer full', '+699 datagrams received'],
      fa: ['u1: هسته ۱٬۳۰۴ دیتاگرام را دور ریخت؛ بافر دریافت پر بود', '+۶۹۹ دیتاگرام رسید'],
      ru: ['u1: ядро отбросило 1\u00a0304 датаграммы — приёмный буфер переполнен', '+699 датаграмм получено'],
    };
    for (const lng of LANGUAGES) {
      const lines = eventLogLines({log, width: 140}, testContext(lng, {bidi: 'off'})).map(plain);
      for (const words of expected[lng]) expect(lines.filter((l) => l.includes(words)), `${lng}: ${words}`).toHaveLength(1);
      expect(lines.filter((l) => /dropped|دور ریخت|отбросило/.test(l))).toHaveLength(1);
    }
  });

  it('marks the newest row with ▶ and errors with ✗ (not only by colour)', () => {
    const lines = eventLogLines({log: logOf(), width: 100}, testContext('en')).map(plain);
    expect(lines.filter((l) => l.startsWith('▶'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^▶/);
    expect(lines.find((l) => l.includes('ECONNREFUSED'))).toMatch(/error +✗ c9: connect failed/);
  });

  it('shows the newest rows in a short pane and says how many are above', () => {
    const lines = eventLogLines({log: logOf(), width: 100, height: 4}, testContext('en')).map(plain);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('↑ +4 more lines');
    expect(lines[3]).toMatch(/^▶/);
  });

  it('scrolls back with PgUp (scroll > 0) and says how many are below', () => {
    const lines = eventLogLines({log: logOf(), width: 100, height: 4, scroll: 2}, testContext('en')).map(plain);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toContain('↓ +2 more lines');
    expect(lines.join('\n')).not.toContain('▶');
  });

  it('tells when old rows fell off the bounded log', () => {
    const log = emptyLog();
    for (const e of lessonEvents()) appendEvent(log, e, 3);
    expect(log.dropped).toBe(3);
    const lines = eventLogLines({log, width: 100}, testContext('en')).map(plain);
    expect(lines[1]).toContain('3 older rows scrolled away');
  });

  it('slow motion: says how many events wait for Space, in every language', () => {
    expect(eventLogLines({log: logOf(), width: 100, held: 3}, testContext('en')).map(plain).at(-1)).toContain('3 events waiting: press Space');
    expect(eventLogLines({log: logOf(), width: 100, held: 5}, testContext('ru', {bidi: 'off'})).map(plain).at(-1)).toContain('5 событий ждут: нажмите Пробел');
    expect(eventLogLines({log: logOf(), width: 100, held: 2}, testContext('fa', {bidi: 'off'})).map(plain).at(-1)).toContain('۲ رویداد در صف است؛ فاصله را بزنید');
  });

  it('the time column counts in the language digits, ungrouped', () => {
    const log = logOf([...lessonEvents(), ev({type: 'close', socket: 'c1', protocol: 'tcp', hadError: false}, 12345.4)]);
    expect(eventLogLines({log, width: 100}, testContext('fa', {bidi: 'off'})).map(plain).at(-1)).toMatch(/^▶ ۱۲۳۴۵ /);
    expect(eventLogLines({log, width: 100}, testContext('en')).map(plain).at(-1)).toMatch(/^▶ 12345 /);
  });

  it('presenter mode frames the newest event', () => {
    const lines = eventLogLines({log: logOf(), width: 60, height: 14, presenter: true}, testContext('en')).map(plain);
    expect(lines.at(-4)).toMatch(/^┏━+┓$/);
    expect(lines.at(-3)).toMatch(/^┃ ▶ \d+ +c9 +error/);
    expect(lines.at(-2)).toContain('ECONNREFUSED');
    expect(lines.at(-1)).toMatch(/^┗━+┛$/);
  });

  it('an empty log says nothing has happened yet', () => {
    const r = renderIn('en', <EventLog log={emptyLog()} width={40} />);
    expect(r.lastFrame()).toContain('Nothing has happened yet.');
    r.unmount();
  });
});
