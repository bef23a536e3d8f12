// Words (react-i18next, namespace `ui`), theme and BiDi text layout for the panes.
import {useMemo} from 'react';
import {useTranslation} from 'react-i18next';
import {useBidi} from '../components/BidiContext.tsx';
import type {PaneContext} from '../layout/paneContext.ts';
import {textLayout} from '../layout/textLayout.ts';
import {useTheme} from '../theme.ts';

export function usePaneContext(): PaneContext {
  const {t, i18n} = useTranslation('ui');
  const theme = useTheme();
  const bidi = useBidi();
  // The UI language is i18next's; BidiContext says how this terminal shows it.
  const language = i18n.language ?? bidi.language;
  const text = useMemo(() => textLayout({mode: bidi.mode, language}), [bidi.mode, language]);
  return {t, theme, text};
}
