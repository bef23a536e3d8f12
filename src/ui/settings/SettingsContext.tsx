// The settings the screens read and change: the App owns them (useSettingsState) and
// provides them here; a screen rendered on its own gets fixed defaults.
import {createContext, useContext, useRef, useState, type ReactNode} from 'react';
import {useTranslation} from 'react-i18next';
import {isLanguage} from '../../i18n/languages.ts';
import {ensureLanguages, hasLanguages} from '../../i18n/setup.ts';
import {applySettings, toggledAlso, type Settings, type SettingsPatch} from './settings.ts';

export interface SettingsApi {
  settings: Settings;
  /** A change, or a function of the latest settings (keys that arrive together each see the one before). */
  update(patch: SettingsPatch | ((latest: Settings) => SettingsPatch)): void;
  /** `t`: the second language off, or back on. */
  toggleAlso(): void;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function SettingsProvider({value, children}: {value: SettingsApi; children?: ReactNode}) {
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const api = useContext(SettingsContext);
  const {i18n} = useTranslation();
  if (api) return api;
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return {settings: {language, also: undefined, bidi: 'app', colour: true}, update: () => {}, toggleAlso: () => {}};
}

/**
 * Settings as React state. The language is i18next's (the REPL's `lang` command changes
 * it too), so it is read from there and changed there, live. `onChange` gets exactly
 * what the learner changed, for saving.
 */
export function useSettingsState(initial: Settings, onChange?: (patch: SettingsPatch) => void): SettingsApi {
  const {i18n} = useTranslation();
  const [state, setState] = useState(initial);
  const latest = useRef(initial);
  const lastAlso = useRef(initial.also);
  const withLanguage = (s: Settings): Settings => ({...s, language: isLanguage(i18n.language) ? i18n.language : s.language});
  const settings = withLanguage(state);
  // A change to a language not loaded yet waits for its words (and later changes wait
  // behind it, in order); everything else applies at once.
  const waiting = useRef<Promise<void> | undefined>(undefined);
  const apply = (change: SettingsPatch | ((latest: Settings) => SettingsPatch)) => {
    const before = withLanguage(latest.current);
    const patch = typeof change === 'function' ? change(before) : change;
    const next = applySettings(before, patch);
    latest.current = next;
    if (next.language !== before.language) void i18n.changeLanguage(next.language);
    if (next.also) lastAlso.current = next.also;
    setState(next);
    const changed: SettingsPatch = {};
    for (const key of Object.keys(next) as (keyof Settings)[]) {
      if (next[key] !== before[key] || key in patch) (changed as Record<string, unknown>)[key] = next[key];
    }
    onChange?.(changed);
  };
  const update = (change: SettingsPatch | ((latest: Settings) => SettingsPatch)) => {
    const needs = (s: Settings) => {
      const patch = typeof change === 'function' ? change(s) : change;
      return [patch.language, patch.also];
    };
    if (!waiting.current && hasLanguages(i18n, needs(withLanguage(latest.current)))) return apply(change);
    const after = (waiting.current ?? Promise.resolve()).then(() => ensureLanguages(i18n, needs(withLanguage(latest.current)))).then(() => apply(change));
    const settled = after.catch(() => {}).then(() => {
      if (waiting.current === settled) waiting.current = undefined;
    });
    waiting.current = settled;
  };
  return {settings, update, toggleAlso: () => update((s) => ({also: toggledAlso(s, lastAlso.current)}))};
}
