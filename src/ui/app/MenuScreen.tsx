import {Box} from 'ink';
import {useMemo} from 'react';
import {useTranslation} from 'react-i18next';
import {useBidi} from '../components/BidiContext.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor, useKeys} from '../keys.ts';
import {noteLines} from '../layout/paneContext.ts';
import {textLayout} from '../layout/textLayout.ts';
import {useSettings} from '../settings/SettingsContext.tsx';
import {LessonMenu, type MenuAlso, type MenuItem} from './LessonMenu.tsx';
import {ScreenFrame, useHelpToggle} from './ScreenFrame.tsx';
import {useCursor} from './useCursor.ts';

export interface MenuScreenProps {
  items: MenuItem[];
  resumeIndex?: number | undefined;
  /** Where the cursor starts (default: the lesson to continue). */
  initialIndex?: number | undefined;
  width: number;
  height: number;
  /** Things to tell the learner above the list (progress could not be read, calibration saved). */
  notices?: readonly string[];
  onOpen(id: string): void;
  onQuit(code: number): void;
  /** `:` opens the REPL. */
  onRepl(): void;
  /** `,` opens the settings. */
  onSettings?(): void;
}

export function MenuScreen({items, resumeIndex, initialIndex, width, height, notices = [], onOpen, onRepl, onSettings, onQuit}: MenuScreenProps) {
  const {t, i18n} = useTranslation('app');
  const ctx = usePaneContext();
  const {mode} = useBidi();
  const {settings, toggleAlso} = useSettings();
  const cursor = useCursor(initialIndex ?? resumeIndex ?? 0, items.length);
  const help = useHelpToggle();
  useKeys((action) => {
    if (action === 'interrupt') return onQuit(130);
    if (help.consume(action)) return;
    const item = items[cursor.current()];
    if (action === 'up') cursor.move(-1);
    else if (action === 'down') cursor.move(1);
    else if ((action === 'enter' || action === 'next') && item) onOpen(item.id);
    else if (action === 'type') onRepl();
    else if (action === 'settings') onSettings?.();
    else if (action === 'toggleSecondLanguage') toggleAlso();
    else if (action === 'quit') onQuit(0);
  });
  const also = useMemo((): MenuAlso | undefined => {
    const lng = settings.also;
    if (!lng || lng === settings.language) return undefined;
    const tAlso = i18n.getFixedT(lng);
    return {title: (id) => (i18n.hasResourceBundle(lng, id) ? tAlso(`${id}:title`) : undefined), text: textLayout({mode, language: lng})};
  }, [settings.also, settings.language, i18n, mode]);
  const above = notices.flatMap((n) => noteLines(ctx, n, width, 'newest'));
  return (
    <ScreenFrame title={`${t('name')} · ${t('menu.title')}`} subtitle={t('tagline')} width={width} height={height} hints={hintsFor('menu')} help={help} above={above}>
      {(body) => <LessonMenu items={items} selected={cursor.index} resumeIndex={resumeIndex} width={body.width} height={body.height} also={also} />}
    </ScreenFrame>
  );
}
