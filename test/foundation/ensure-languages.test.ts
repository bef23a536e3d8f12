// The app starts with the learner's language and English (the fallback) only; every
// other language is loaded by ensureLanguages() before it is used. i18next itself would
// answer a language it does not have in English, without a word: these tests make sure
// the loading is real, happens once, and never replaces a pack's words.
import i18next from 'i18next';
import {describe, expect, it} from 'vitest';
import {createI18n, ensureLanguages, hasLanguages} from '../../src/i18n/setup.ts';

describe('createI18n', () => {
  it('loads the learner’s language and English, nothing else', async () => {
    const en = await createI18n('en');
    expect(hasLanguages(en, ['en'])).toBe(true);
    expect(hasLanguages(en, ['fa'])).toBe(false);
    expect(hasLanguages(en, ['ru'])).toBe(false);
    const ru = await createI18n('ru');
    expect(hasLanguages(ru, ['ru', 'en'])).toBe(true);
    expect(hasLanguages(ru, ['fa'])).toBe(false);
    expect(ru.t('app:menu.title')).toBe('Уроки');
  });

  it('without ensureLanguages a language not loaded falls back to English (what the helper prevents)', async () => {
    const en = await createI18n('en');
    expect(en.t('app:menu.title', {lng: 'ru'})).toBe('Lessons');
  });
});

describe('ensureLanguages', () => {
  it('loads a language’s words, after which it is answered in that language', async () => {
    const en = await createI18n('en');
    await ensureLanguages(en, ['ru']);
    expect(hasLanguages(en, ['ru'])).toBe(true);
    expect(en.t('app:menu.title', {lng: 'ru'})).toBe('Уроки');
    expect(en.getFixedT('ru')('app:menu.title')).toBe('Уроки');
    expect(hasLanguages(en, ['fa'])).toBe(false);
    await en.changeLanguage('ru');
    expect(en.t('app:menu.title')).toBe('Уроки');
  });

  it('loads each language once, however often and however concurrently it is asked', async () => {
    const en = await createI18n('en');
    let added = 0;
    en.store.on('added', () => added++);
    await Promise.all([ensureLanguages(en, ['fa', 'fa']), ensureLanguages(en, ['fa', 'en']), ensureLanguages(en, ['fa'])]);
    const once = added;
    expect(once).toBeGreaterThan(0);
    await ensureLanguages(en, ['fa', 'en']);
    expect(added).toBe(once);
  });

  it('ignores what is not one of the app’s languages (unset, unknown)', async () => {
    const en = await createI18n('en');
    await ensureLanguages(en, [undefined, 'de', '']);
    expect(hasLanguages(en, [undefined, 'de'])).toBe(true);
    expect(en.hasResourceBundle('de', 'app')).toBe(false);
  });

  it('never replaces a pack’s words for its own lessons', async () => {
    const en = await createI18n('en', [{fa: {'my-lesson': {title: 'عنوان بسته'}}, en: {'my-lesson': {title: 'Pack title'}}}]);
    // The pack's Persian is there, the app's Persian is not yet.
    expect(hasLanguages(en, ['fa'])).toBe(false);
    await ensureLanguages(en, ['fa']);
    expect(en.t('my-lesson:title', {lng: 'fa'})).toBe('عنوان بسته');
    expect(en.t('app:menu.title', {lng: 'fa'})).not.toBe('Lessons');
  });

  it('works on an instance it did not make: a language with the app namespace counts as loaded', async () => {
    const other = i18next.createInstance();
    await other.init({lng: 'en', resources: {en: {app: {only: 'this'}}}, initAsync: false});
    await ensureLanguages(other, ['en', 'ru']);
    expect(other.t('app:only')).toBe('this');
    expect(other.exists('app:menu.title', {lng: 'en'})).toBe(false);
    expect(other.t('app:menu.title', {lng: 'ru'})).toBe('Уроки');
  });
});
