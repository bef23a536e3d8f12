// The lesson view on a real session (real sockets on loopback): the second language after
// each paragraph (and `t`), answers by number in every script, presenter mode's footer,
// held events and Space.
import {useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {Lab} from '../../../src/lab/index.ts';
import {loadCatalog} from '../../../src/lessons/pack-catalog.ts';
import {createLessonSession, type LessonSession} from '../../../src/lessons/session.ts';
import {LessonScreen} from '../../../src/ui/app/lesson/LessonScreen.tsx';
import {formatNumber, toAsciiDigits} from '../../../src/i18n/digits.ts';
import type {Language} from '../../../src/i18n/languages.ts';
import {SettingsProvider, useSettingsState} from '../../../src/ui/settings/SettingsContext.tsx';
import {expectFits, visual} from '../helpers/expect.ts';
import {LANGUAGES, type Lng} from '../helpers/i18n.ts';
import {KEY, renderAt, until, type Rendered} from './helpers.tsx';

const lesson = loadCatalog().lessons.find((l) => l.id === 'passive-socket')!;
const STEPS = lesson.steps.length;

let app: Rendered | undefined;
let session: LessonSession | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await session?.close();
  session = undefined;
});

/** What a screen shows of each language's words (Persian as laid out). */
const SHOWN = {
  en: {question: 'Question:', right: 'Right.', title: 'A passive socket and its clients'},
  fa: {question: visual('پرسش'), right: visual('درست است.'), title: visual('سوکت منفعل و کلاینت‌هایش')},
  ru: {question: 'Вопрос:', right: 'Верно.', title: 'Пассивный сокет и его клиенты'},
} as const;

function Screen({lng, also, presenter, quit}: {lng: Language; also?: Language; presenter?: boolean; quit?: (code: number) => void}) {
  const api = useSettingsState({language: lng, also, bidi: 'app', colour: true});
  const [open] = useState(() => () => (session = createLessonSession({lesson, createLab: () => new Lab()})));
  return (
    <SettingsProvider value={api}>
      <LessonScreen open={open} presenter={presenter} onBack={() => {}} onQuit={(code) => quit?.(code)} />
    </SettingsProvider>
  );
}

function start(lng: Lng, props: {also?: Language; presenter?: boolean} = {}, size = {columns: 80, rows: 24}) {
  app = renderAt(lng, <Screen lng={lng} {...props} />, {...size, providers: true});
  return app;
}

/** Enter until the screen says step `n` of the lesson (each step waits for its commands). */
async function stepTo(r: Rendered, n: number) {
  // The title counts steps in the language's digits (۴/۱۶ in Persian).
  const counter = (k: number) => new RegExp(`(${k}|${formatNumber(k, 'fa', {grouping: false})})/(${STEPS}|${formatNumber(STEPS, 'fa', {grouping: false})})`);
  for (let at = 1; at < n; at++) {
    await until(() => expect(r.text()).toMatch(counter(at)), 5000);
    await until(() => expect(session?.getState().phase).not.toBe('running'), 5000);
    await r.press(KEY.enter);
  }
  await until(() => expect(r.text()).toMatch(counter(n)), 5000);
}

describe('second language', () => {
  for (const lng of LANGUAGES) {
    const also = LANGUAGES.find((l) => l !== lng)!;
    it(`${lng} with ${also}: each paragraph is followed by the same in ${also}, behind a │; t hides and shows it`, async () => {
      // 79 columns: one pane at a time, so the prose pane is tall and the only one drawn.
      const r = start(lng, {also}, {columns: 79, rows: 40});
      await stepTo(r, 4); // the first question
      await until(() => expect(r.text()).toContain(SHOWN[lng].question));
      expect(r.text()).toContain(SHOWN[also].question);
      // Only the focused prose pane is drawn (┃ borders): │ is the second language's mark.
      const marked = () => r.lines().filter((l) => l.startsWith('┃') && l.includes('│')).length;
      expect(marked()).toBeGreaterThan(4);
      expectFits(r.text(), 79);

      await r.press('t');
      await until(() => expect(r.text()).not.toContain(SHOWN[also].question));
      expect(marked()).toBe(0);
      await r.press('t');
      await until(() => expect(r.text()).toContain(SHOWN[also].question));
      expect(r.missing).toEqual([]);
    });
  }

  it('Persian with English at 50 columns: mixed directions in one pane, nothing spills', async () => {
    const r = start('fa', {also: 'en'}, {columns: 50, rows: 40});
    await stepTo(r, 4);
    await until(() => expect(r.text()).toContain('Question:'));
    // The English paragraph starts at the left behind its mark; the Persian ends at the right.
    expect(r.lines().some((l) => /^┃ +│ Question:/.test(l))).toBe(true);
    expectFits(r.text(), 50);
  });
});

describe('answers by number', () => {
  for (const [lng, key] of [['en', '2'], ['fa', '۲'], ['ru', '2']] as const) {
    it(`${lng}: ${key} answers the question with its second choice`, async () => {
      const r = start(lng);
      await stepTo(r, 4);
      await r.press(key);
      await until(() => expect(r.text()).toContain(SHOWN[lng].right));
      expect(session?.getState().steps[3]?.chosen).toBe(1);
    });
  }

  it('a number past the last choice answers nothing', async () => {
    const r = start('en');
    await stepTo(r, 4);
    await until(() => expect(r.text()).toContain('3)'));
    await r.press('7');
    await r.press('j'); // a key that renders, so the 7 has surely been handled
    await until(() => expect(r.text()).toContain('▸ 1)'));
    expect(session?.getState().steps[3]?.chosen).toBeUndefined();
  });
});

/** A choice marked as under the cursor, left to right or mirrored. */
const CURSOR = /▸ \d\)|\(\d ▸/;
const HOW_TO_CHOOSE = {
  en: 'No answer is chosen yet.',
  fa: visual('هنوز گزینه‌ای انتخاب نشده است.'),
  ru: 'Ответ ещё не выбран.',
} as const;

describe('a question starts with nothing chosen', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: Enter with no choice answers nothing and says how to choose; ↓ then Enter answers the first`, async () => {
      const r = start(lng, {}, {columns: 79, rows: 40});
      await stepTo(r, 4);
      await until(() => expect(r.text()).toContain(SHOWN[lng].question));
      expect(r.text()).not.toMatch(CURSOR);
      await r.press(KEY.enter);
      await until(() => expect(r.text()).toContain(HOW_TO_CHOOSE[lng]));
      expect(session?.getState().steps[3]?.chosen).toBeUndefined();
      expect(session?.getState().index).toBe(3);
      await r.press(KEY.down);
      await until(() => expect(r.text()).toMatch(/▸ 1\)|\(1 ▸/));
      await r.press(KEY.enter);
      await until(() => expect(session?.getState().steps[3]?.chosen).toBe(0));
      expect(r.missing).toEqual([]);
    });
  }

  it('↑ from nothing chosen starts at the last choice', async () => {
    const r = start('en');
    await stepTo(r, 4);
    await until(() => expect(r.text()).toContain('3)'));
    await r.press(KEY.up);
    await until(() => expect(r.text()).toContain('▸ 3)'));
    expect(r.text()).not.toContain('▸ 1)');
  });
});

describe('presenter mode', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: the footer offers Space; events wait, the tab says how many, Space shows them one at a time`, async () => {
      const r = start(lng, {presenter: true});
      await until(() => expect(r.text()).toContain(SHOWN[lng].title));
      // The title stands alone: a blank line under it.
      expect(r.lines()[1]?.trim()).toBe('');
      await stepTo(r, 3); // listen has run: socket, bind, listen are held
      // The tab bar (under the title and its blank line) names the held events: "Events · 3 waiting".
      const waiting = () => Number(/\d+/.exec(toAsciiDigits(r.lines()[2] ?? ''))?.[0] ?? 0);
      await until(() => expect(waiting()).toBeGreaterThan(0));
      const before = waiting();
      const footer = r.lines().at(-1)!;
      expect(footer).toMatch(lng === 'en' ? /Space next event/ : lng === 'ru' ? /Пробел следующее событие/ : new RegExp(visual('رویداد بعدی')));
      // The command's events are not spelled out in the prose: the log reveals them, one per Space.
      expect(r.text()).not.toMatch(/· srv/);
      await r.press(' ');
      await until(() => expect(waiting()).toBe(before - 1));
      expectFits(r.text(), 80);
      expect(r.missing).toEqual([]);
    });
  }
});

describe('without presenter mode', () => {
  it('the prose lists what a command did, event by event', async () => {
    const r = start('en', {}, {columns: 79, rows: 40});
    await stepTo(r, 3);
    await until(() => expect(r.text()).toMatch(/· srv listens on 127\.0\.0\.1:\d+/));
  });
});
