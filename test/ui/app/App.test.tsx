// The shell end to end in a fake terminal: first run (language, then the Persian
// calibration), Settings applied live and reported for saving, About, help, `t`, quitting.
import {vi} from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1'; // so "colours off" has something to turn off
});

import type {i18n as I18n} from 'i18next';
import {Text} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {createI18n, hasLanguages} from '../../../src/i18n/setup.ts';
import {App, type AppProps} from '../../../src/ui/app/App.tsx';
import {RUN_COMMANDS} from '../../../src/ui/app/AboutScreen.tsx';
import type {MenuItem} from '../../../src/ui/app/LessonMenu.tsx';
import {useKeys} from '../../../src/ui/keys.ts';
import type {SettingsPatch} from '../../../src/ui/settings/settings.ts';
import {expectFits, visual} from '../helpers/expect.ts';
import {LANGUAGES, type Lng} from '../helpers/i18n.ts';
import {KEY, renderAt, until, type Rendered} from './helpers.tsx';

const COLOUR_SGR = /\u001b\[(?:\d+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;\d+)*m/;

const MENU: MenuItem[] = [
  {id: 'what-is-a-socket', concepts: ['C1'], done: 0, total: 13, languages: ['en', 'fa', 'ru']},
  {id: 'passive-socket', concepts: ['C4', 'C6'], done: 3, total: 16, languages: ['en', 'fa', 'ru']},
];

/** Words each screen must show, in each language (Persian as laid out on screen). */
const WORDS = {
  en: {menu: 'Lessons', settings: 'Settings', about: 'Free software under the MIT licence.', help: 'Keys', lesson2: 'A passive socket and its clients'},
  fa: {menu: visual('درس‌ها'), settings: visual('تنظیمات'), about: 'MIT', help: visual('کلیدها'), lesson2: visual('سوکت منفعل و کلاینت‌هایش')},
  ru: {menu: 'Уроки', settings: 'Настройки', about: 'Свободная программа под лицензией MIT.', help: 'Клавиши', lesson2: 'Пассивный сокет и его клиенты'},
} as const;
const TITLES = {en: 'Choose the language of the lessons', fa: visual('زبان درس‌ها را انتخاب کنید'), ru: 'Выберите язык уроков'};

function BackOnEsc({onBack}: {onBack(): void}) {
  useKeys((action) => action === 'back' && onBack());
  return <Text>the repl</Text>;
}

let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

function start(lng: Lng, props: Partial<AppProps> = {}, size: {columns: number; rows: number; i18n?: I18n} = {columns: 80, rows: 24}) {
  const saved: SettingsPatch[] = [];
  const opened: string[] = [];
  const r = renderAt(
    lng,
    <App
      menu={MENU}
      settings={{language: lng, also: undefined, bidi: 'app', colour: true}}
      version="9.8.7"
      onSettings={(p) => saved.push(p)}
      renderLesson={(id) => {
        opened.push(id);
        return <Text>lesson {id}</Text>;
      }}
      renderRepl={() => <Text>the repl</Text>}
      {...props}
    />,
    size,
  );
  app = r;
  return {r, saved, opened};
}

describe('first run', () => {
  for (const lng of LANGUAGES) {
    it(`detected ${lng}: asks in all three languages with ${lng} preselected; Persian then asks the calibration; both are saved`, async () => {
      const {r, saved} = start(lng, {chooseLanguage: true, calibrate: true});
      await until(() => expect(r.text()).toContain('Выберите язык уроков'));
      for (const title of Object.values(TITLES)) expect(r.text()).toContain(title);
      const chosen = r.lines().find((l) => l.includes('▸'))!;
      expect(chosen).toContain(`${LANGUAGES.indexOf(lng) + 1}  `);
      expectFits(r.text(), 80);

      await r.press('2');
      await until(() => expect(saved).toContainEqual({language: 'fa'}));
      // The calibration sample: "if this line reads correctly, press ۱".
      await until(() => expect(r.text()).toContain('۱'));
      await r.press('1');
      await until(() => expect(r.text()).toContain(WORDS.fa.menu));
      expect(saved).toContainEqual({bidi: 'app'});
      expect(r.text()).toContain(visual('ذخیره شد.').split(' ')[0]!);
      expect(r.i18n.language).toBe('fa');
      expect(r.missing).toEqual([]);
    });
  }

  it('choosing English or Russian asks no calibration and goes straight to the menu', async () => {
    const {r, saved} = start('fa', {chooseLanguage: true, calibrate: true});
    await until(() => expect(r.text()).toContain('Выберите язык уроков'));
    await r.press('۳'); // a Persian digit on a Persian keyboard
    await until(() => expect(r.text()).toContain(WORDS.ru.menu));
    expect(saved).toEqual([{language: 'ru'}]);
  });

  it('arrows and Enter work too, and several keys in one read are taken one by one', async () => {
    const {r, saved} = start('en', {chooseLanguage: true});
    await until(() => expect(r.text()).toContain('Выберите'));
    await r.press('jj\r');
    await until(() => expect(saved).toEqual([{language: 'ru'}]));
  });

  it('without chooseLanguage (a --lang flag or a saved language) the menu comes first; English needs no calibration', async () => {
    const {r} = start('en', {calibrate: true});
    await until(() => expect(r.text()).toContain('Lessons'));
    expect(r.text()).not.toContain('Choose the language');
  });

  it('Ctrl+C leaves the first-run screens with 130, q with 0', async () => {
    const first = start('en', {chooseLanguage: true});
    await until(() => expect(first.r.text()).toContain('Выберите'));
    await first.r.press(KEY.ctrlC);
    expect(await first.r.exitCode).toBe(130);
    first.r.unmount();
    const second = start('fa', {calibrate: true});
    await until(() => expect(second.r.text()).toContain('۱'));
    await second.r.press('q');
    expect(await second.r.exitCode).toBe(0);
  });
});

describe('settings', () => {
  it('the language changes live, is reported for saving, and Persian asks the calibration once (Esc skips it)', async () => {
    const {r, saved} = start('en', {calibrate: true});
    await until(() => expect(r.text()).toContain('Lessons'));
    await r.press(',');
    await until(() => expect(r.text()).toContain('Settings'));
    await r.press(KEY.enter); // en → fa
    await until(() => expect(r.text()).toContain('۱'));
    expect(saved).toEqual([{language: 'fa'}]);
    await r.press(KEY.escape);
    await until(() => expect(r.text()).toContain(WORDS.fa.settings));
    await r.press(KEY.enter); // fa → ru
    await until(() => expect(r.text()).toContain('Настройки'));
    expect(r.text()).toContain('‹ Русский ›');
    await r.press(KEY.escape);
    await until(() => expect(r.text()).toContain('Уроки'));
    expect(saved.map((p) => p.language)).toEqual(['fa', 'ru']);
  });

  for (const lng of LANGUAGES) {
    it(`${lng}: every row and value in the language; second language, BiDi mode and colours change and are reported`, async () => {
      const {r, saved} = start(lng);
      await until(() => expect(r.text()).toContain(WORDS[lng].menu));
      await r.press(',');
      await until(() => expect(r.text()).toContain(WORDS[lng].settings));
      expect(COLOUR_SGR.test(r.raw())).toBe(true);
      await r.press('2');
      await r.press(KEY.enter);
      await r.press('3');
      await r.press(KEY.right);
      await r.press('4');
      await r.press(KEY.enter);
      await until(() => expect(saved).toHaveLength(3));
      const other = LANGUAGES.find((l) => l !== lng)!;
      expect(saved).toEqual([{also: other}, {bidi: 'terminal'}, {colour: false}]);
      // Colours off: not one colour code on the screen, only weight.
      await until(() => expect(COLOUR_SGR.test(r.raw())).toBe(false));
      expectFits(r.text(), 80);
      expect(r.missing).toEqual([]);
    });

    it(`${lng}: About shows the version, the licence and both run commands; Esc returns to its row`, async () => {
      const {r} = start(lng, {}, {columns: 50, rows: 20});
      await until(() => expect(r.text()).toContain(WORDS[lng].menu));
      await r.press(',');
      await r.press('6');
      await r.press(KEY.enter);
      await until(() => expect(r.text()).toContain(RUN_COMMANDS[1]));
      expect(r.text()).toContain('9.8.7');
      expect(r.text()).toContain(RUN_COMMANDS[0]);
      expect(r.text()).toContain(WORDS[lng].about);
      expectFits(r.text(), 50);
      await r.press(KEY.escape);
      await until(() => expect(r.text()).toContain(WORDS[lng].settings));
      const marked = r.lines().find((l) => l.includes('▸'))!;
      expect(marked).toContain('socket-lessons');
      expect(r.missing).toEqual([]);
    });
  }

  it('"Check how Persian is shown" asks again and reports the answer', async () => {
    const {r, saved} = start('ru');
    await until(() => expect(r.text()).toContain('Уроки'));
    await r.press(',');
    await r.press('5');
    await r.press(KEY.enter);
    await until(() => expect(r.text()).toContain('۲'));
    await r.press('2');
    await until(() => expect(r.text()).toContain('Настройки'));
    expect(saved).toEqual([{bidi: 'terminal'}]);
  });
});

describe('menu', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: ? shows every key in the language, ↓ scrolls it, Esc closes it`, async () => {
      const {r} = start(lng);
      await until(() => expect(r.text()).toContain(WORDS[lng].menu));
      await r.press('?');
      await until(() => expect(r.text()).toContain(WORDS[lng].help));
      expect(r.text()).not.toContain('Ctrl+C'); // 80×24 is too short for all of it…
      for (let i = 0; i < 12; i++) await r.press('j');
      await until(() => expect(r.text()).toContain('Ctrl+C')); // …so it scrolls
      await r.press(KEY.escape);
      await until(() => expect(r.text()).toContain(WORDS[lng].lesson2));
      expect(r.missing).toEqual([]);
    });
  }

  it('t shows the selected lesson title in the second language too, and reports it', async () => {
    const {r, saved} = start('ru');
    await until(() => expect(r.text()).toContain('Уроки'));
    await r.press('j');
    await r.press('t');
    await until(() => expect(r.text()).toContain('A passive socket and its clients'));
    expect(saved).toEqual([{also: 'en'}]);
    await r.press('t');
    await until(() => expect(r.text()).not.toContain('A passive socket and its clients'));
    expect(saved.at(-1)).toEqual({also: undefined});
  });

  it('opens the lesson under the cursor', async () => {
    const {r, opened} = start('en');
    await until(() => expect(r.text()).toContain('Lessons'));
    await r.press('j\r'); // one read: down, then Enter on the lesson it moved to
    await until(() => expect(r.text()).toContain('lesson passive-socket'));
    expect(opened.at(-1)).toBe('passive-socket');
  });

  it('a menu given as a function is asked again when the menu comes back', async () => {
    let done = 0;
    const {r} = start('en', {menu: () => MENU.map((m) => ({...m, done})), renderRepl: ({onBack}) => <BackOnEsc onBack={onBack} />});
    await until(() => expect(r.text()).toContain('0/13'));
    await r.press(':');
    await until(() => expect(r.text()).toContain('the repl'));
    done = 5;
    await r.press(KEY.escape);
    await until(() => expect(r.text()).toContain('5/13'));
  });
});

describe('languages loaded on first use (the app loads only the learner’s language and English at start)', () => {
  const appI18n = async (lng: Lng) => {
    const i18n = await createI18n(lng);
    expect(!hasLanguages(i18n, ['fa']) || lng === 'fa', 'Persian must not be loaded at start').toBe(true);
    return i18n;
  };

  it('t: the second language’s words are loaded, then the title is shown in it', async () => {
    const i18n = await appI18n('en');
    expect(hasLanguages(i18n, ['fa'])).toBe(false);
    const {r, saved} = start('en', {}, {columns: 80, rows: 24, i18n});
    await until(() => expect(r.text()).toContain('Lessons'));
    await r.press('j');
    await r.press('t');
    await until(() => expect(r.text()).toContain(WORDS.fa.lesson2));
    expect(saved).toEqual([{also: 'fa'}]);
    expect(hasLanguages(i18n, ['fa'])).toBe(true);
    expect(hasLanguages(i18n, ['ru'])).toBe(false);
  });

  it('Settings: a language not loaded yet is shown in its own words, never in English', async () => {
    const i18n = await appI18n('en');
    const {r, saved} = start('en', {}, {columns: 80, rows: 24, i18n});
    await until(() => expect(r.text()).toContain('Lessons'));
    await r.press(',');
    await until(() => expect(r.text()).toContain('Settings'));
    // The language row: en → fa → ru.
    await r.press(KEY.enter);
    await r.press(KEY.enter);
    await until(() => expect(r.text()).toContain(WORDS.ru.settings));
    expect(saved).toEqual([{language: 'fa'}, {language: 'ru'}]);
    expect(i18n.language).toBe('ru');
    expect(i18n.t('app:menu.title')).toBe('Уроки');
  });

  it('the calibration question (in Persian) from an English session', async () => {
    const i18n = await appI18n('en');
    const {r} = start('en', {}, {columns: 80, rows: 24, i18n});
    await until(() => expect(r.text()).toContain('Lessons'));
    await r.press(',');
    await r.press('5');
    await r.press(KEY.enter);
    // The sample line in logical order: Persian words, not English ones.
    await until(() => expect(r.text()).toContain('کلید ۲ را بزنید'));
  });
});
