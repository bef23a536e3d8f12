import {createContext, useContext, type ReactNode} from 'react';
import type {BidiMode} from '../../i18n/bidi/index.ts';

export interface BidiSettings {
  /** How Persian reaches this terminal (resolved once at start, changed by calibration). */
  mode: BidiMode;
  /** The UI language; only right-to-left languages are laid out by BidiText. */
  language: string;
}

const BidiContext = createContext<BidiSettings>({mode: 'app', language: 'en'});

export function BidiProvider({children, ...settings}: BidiSettings & {children?: ReactNode}) {
  return <BidiContext.Provider value={settings}>{children}</BidiContext.Provider>;
}

export function useBidi(): BidiSettings {
  return useContext(BidiContext);
}
