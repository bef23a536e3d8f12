// The pure parts under the shell: how a setting steps, the `t` toggle, the screen stack,
// digits for answers, and the saved fields in progress.json.
import {describe, expect, it} from 'vitest';
import {parseProgress} from '../../../src/lessons/progress.ts';
import {currentScreen, routerReducer, startRoute} from '../../../src/ui/app/router.ts';
import {actionFor, bindings, choiceNumber} from '../../../src/ui/keys.ts';
import {applySettings, stepSetting, toggledAlso, valuesOf, type Settings} from '../../../src/ui/settings/settings.ts';

const base: Settings = {language: 'en', also: undefined, bidi: 'app', colour: true};

describe('settings', () => {
  it('each value row steps forward and back, wrapping around', () => {
    expect(stepSetting(base, 'language', 1)).toEqual({language: 'fa'});
    expect(stepSetting({...base, language: 'ru'}, 'language', 1)).toEqual({language: 'en'});
    expect(stepSetting(base, 'language', -1)).toEqual({language: 'ru'});
    expect(stepSetting(base, 'bidi', 1)).toEqual({bidi: 'terminal'});
    expect(stepSetting({...base, bidi: 'off'}, 'bidi', 1)).toEqual({bidi: 'app'});
    expect(stepSetting(base, 'colour', 1)).toEqual({colour: false});
  });

  it('the second language offers none and the languages other than the first', () => {
    expect(valuesOf('also', base)).toEqual([undefined, 'fa', 'ru']);
    expect(valuesOf('also', {...base, language: 'fa'})).toEqual([undefined, 'en', 'ru']);
    expect(stepSetting({...base, also: 'ru'}, 'also', 1)).toEqual({also: undefined});
  });

  it('a second language equal to the first is dropped', () => {
    expect(applySettings({...base, also: 'fa'}, {language: 'fa'})).toEqual({...base, language: 'fa', also: undefined});
    expect(applySettings({...base, also: 'fa'}, {language: 'ru'}).also).toBe('fa');
  });

  it('t hides the second language, and brings back the last one (else the first other language)', () => {
    expect(toggledAlso({...base, also: 'ru'}, 'ru')).toBeUndefined();
    expect(toggledAlso(base, 'ru')).toBe('ru');
    expect(toggledAlso(base, undefined)).toBe('fa');
    expect(toggledAlso({...base, language: 'fa'}, undefined)).toBe('en');
    expect(toggledAlso({...base, language: 'ru'}, 'ru')).toBe('en');
  });
});

describe('router', () => {
  it('Esc goes back where the learner came from, and the menu is always under the rest', () => {
    let route = startRoute();
    route = routerReducer(route, {type: 'open', screen: {name: 'settings'}});
    route = routerReducer(route, {type: 'open', screen: {name: 'about'}});
    expect(currentScreen(route)).toEqual({name: 'about'});
    route = routerReducer(route, {type: 'back'});
    expect(currentScreen(route)).toEqual({name: 'settings'});
    route = routerReducer(routerReducer(route, {type: 'back'}), {type: 'back'});
    expect(route.stack).toEqual([{name: 'menu'}]);
  });

  it('a lesson opened from the command line goes back to the menu', () => {
    const route = routerReducer(startRoute({name: 'lesson', id: 'x'}), {type: 'back'});
    expect(currentScreen(route)).toEqual({name: 'menu'});
  });

  it('first run: the language question becomes the calibration, then the start screen', () => {
    let route = startRoute({name: 'repl'}, {name: 'language'});
    route = routerReducer(route, {type: 'replace', screen: {name: 'calibrate'}});
    expect(currentScreen(route)).toEqual({name: 'calibrate'});
    expect(currentScreen(routerReducer(route, {type: 'back'}))).toEqual({name: 'repl'});
  });
});

describe('keys for the new screens', () => {
  it('digits in three scripts choose, and say which number', () => {
    for (const [input, n] of [['1', 1], ['9', 9], ['۲', 2], ['۹', 9], ['٣', 3]] as const) {
      expect(actionFor(input, {})).toBe('choose');
      expect(choiceNumber(input)).toBe(n);
    }
    expect(choiceNumber('0')).toBeUndefined();
    expect(choiceNumber('۰')).toBeUndefined();
    expect(actionFor('1', {}, {typing: true})).toBeUndefined();
  });

  it('settings is , on every layout (б on Russian, و on Persian)', () => {
    for (const ch of [',', 'б', 'و']) expect(actionFor(ch, {})).toBe('settings');
  });

  it('the new bindings claim no character another binding has', () => {
    const seen = new Map<string, string>();
    for (const b of bindings.filter((b) => b.mode === 'normal')) {
      for (const m of b.match) for (const ch of m.chars ?? []) {
        expect(seen.get(ch), `${ch}: ${b.action} and ${seen.get(ch)}`).toBeUndefined();
        seen.set(ch, b.action);
      }
    }
  });
});

describe('settings saved with progress', () => {
  it('keeps a valid second language and colour choice, ignores junk', () => {
    const p = parseProgress({version: 1, lessons: {}, language: 'fa', also: 'none', colour: false, bidi: 'terminal'});
    expect(p).toMatchObject({language: 'fa', also: 'none', colour: false, bidi: 'terminal'});
    const junk = parseProgress({version: 1, lessons: {}, also: 'de', colour: 'no'});
    expect(junk).toBeDefined();
    expect(junk?.also).toBeUndefined();
    expect(junk?.colour).toBeUndefined();
  });
});
