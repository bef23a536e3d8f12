// What the learner can set on the Settings screen, and how each value steps to the
// next. Pure: the App keeps the state, the CLI saves it with the progress.
import type {BidiMode} from '../../i18n/bidi/index.ts';
import {LANGUAGES, type Language} from '../../i18n/languages.ts';

export interface Settings {
  language: Language;
  /** Shown after each paragraph of a lesson; undefined: no second language. */
  also: Language | undefined;
  bidi: BidiMode;
  colour: boolean;
}

export type SettingsPatch = Partial<Settings>;

/** Rows of the Settings screen: four values, then two rows that open another screen. */
export type SettingId = 'language' | 'also' | 'bidi' | 'colour' | 'calibrate' | 'about';
export type ValueId = Exclude<SettingId, 'calibrate' | 'about'>;
export const SETTING_ROWS: readonly SettingId[] = ['language', 'also', 'bidi', 'colour', 'calibrate', 'about'];

export function isValueRow(id: SettingId): id is ValueId {
  return id !== 'calibrate' && id !== 'about';
}

const BIDI_MODES: readonly BidiMode[] = ['app', 'terminal', 'off'];

/** The values a row cycles through, in order. */
export function valuesOf(id: ValueId, settings: Settings): readonly Settings[ValueId][] {
  switch (id) {
    case 'language':
      return LANGUAGES;
    case 'also':
      return [undefined, ...LANGUAGES.filter((l) => l !== settings.language)];
    case 'bidi':
      return BIDI_MODES;
    case 'colour':
      return [true, false];
  }
}

/** The change that moves a row one value on (delta 1) or back (-1), wrapping around. */
export function stepSetting(settings: Settings, id: ValueId, delta: 1 | -1): SettingsPatch {
  const values = valuesOf(id, settings);
  const at = Math.max(0, values.indexOf(settings[id]));
  const value = values[(at + delta + values.length) % values.length];
  return {[id]: value};
}

/** Apply a change; a second language equal to the first is no second language. */
export function applySettings(settings: Settings, patch: SettingsPatch): Settings {
  const next = {...settings, ...patch};
  if (next.also === next.language) next.also = undefined;
  return next;
}

/**
 * `t`: hide the second language, or show it again — the one last chosen, else the
 * first other language (English for Persian and Russian, Persian for English).
 */
export function toggledAlso(settings: Settings, last: Language | undefined): Language | undefined {
  if (settings.also) return undefined;
  if (last && last !== settings.language) return last;
  return LANGUAGES.find((l) => l !== settings.language);
}
