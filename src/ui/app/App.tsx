// The shell: first run (language, then the Persian calibration), the menu, settings,
// about, and the lesson and REPL screens the CLI renders. It owns the settings as state
// and applies them live; the CLI saves them.
import {Box, useApp, useWindowSize} from 'ink';
import {useEffect, useMemo, useReducer, useState, type ReactNode} from 'react';
import {useTranslation} from 'react-i18next';
import {ensureLanguages, hasLanguages} from '../../i18n/setup.ts';
import {BidiProvider} from '../components/BidiContext.tsx';
import {Calibration} from '../components/Calibration.tsx';
import {NoticeProvider} from '../components/NoticeContext.tsx';
import {useKeys} from '../keys.ts';
import {LanguageChooser} from '../settings/LanguageChooser.tsx';
import type {Settings, SettingsPatch} from '../settings/settings.ts';
import {SettingsProvider, useSettingsState} from '../settings/SettingsContext.tsx';
import {SettingsScreen} from '../settings/SettingsScreen.tsx';
import {ThemeContext, themeFor} from '../theme.ts';
import {AboutScreen} from './AboutScreen.tsx';
import type {MenuItem} from './LessonMenu.tsx';
import {MenuScreen} from './MenuScreen.tsx';
import {currentScreen, routerReducer, startRoute, type Screen} from './router.ts';

export interface LessonRenderProps {
  onBack(): void;
  onQuit(code: number): void;
}

export interface AppProps {
  /** The lesson map; a function is asked again each time the menu is shown (progress moves on). */
  menu: MenuItem[] | (() => MenuItem[]);
  initial?: Screen | undefined;
  /** The lesson to continue ("continue here"); a function is asked again like `menu`. */
  resumeIndex?: number | undefined | (() => number | undefined);
  /** Things to tell the learner once, above the menu (e.g. progress could not be read). */
  notices?: string[];
  /**
   * Later notices (a save failed after start-up): `long` joins the menu's notices, `short`
   * shows in the footer of whatever screen is open. Returns the unsubscribe.
   */
  subscribeNotices?(listener: (notice: {long: string; short: string}) => void): () => void;
  /** Settings at start (flags, saved choices, detection already applied). */
  settings: Settings;
  /** First run: ask for the language, with settings.language preselected. */
  chooseLanguage?: boolean;
  /** Nothing chose the BiDi mode yet: ask which Persian rendering reads correctly when Persian is first shown. */
  calibrate?: boolean;
  /** What the learner changed (first run, settings, calibration, `t`): save it. */
  onSettings?(patch: SettingsPatch): void;
  /** Shown on the About screen. */
  version?: string;
  /** Renders one lesson; the shell knows nothing of lessons beyond their ids. */
  renderLesson(id: string, props: LessonRenderProps): ReactNode;
  /** Renders the free REPL (its lab belongs to the caller). */
  renderRepl(props: LessonRenderProps & {width: number; height: number}): ReactNode;
}

export function App(props: AppProps) {
  const {menu, initial, resumeIndex, settings: initialSettings, chooseLanguage = false, calibrate = false, onSettings, version = '', renderLesson, renderRepl} = props;
  const {exit} = useApp();
  const {columns, rows} = useWindowSize();
  const {t, i18n} = useTranslation();
  const [needsCalibration, setNeedsCalibration] = useState(calibrate);
  const [notices, setNotices] = useState(props.notices ?? []);
  const [footerNotice, setFooterNotice] = useState<string | undefined>(undefined);
  const {subscribeNotices} = props;
  useEffect(
    () =>
      subscribeNotices?.(({long, short}) => {
        setNotices((n) => [...n, long]);
        setFooterNotice(short);
      }),
    [subscribeNotices],
  );
  const noticeState = useMemo(() => ({notice: footerNotice, dismiss: () => setFooterNotice(undefined)}), [footerNotice]);
  // The menu's cursor starts on the lesson to continue, as it was when the app started
  // (coming back from a lesson keeps that start: the map reads the same each time).
  const [menuStart] = useState(() => (typeof resumeIndex === 'function' ? resumeIndex() : resumeIndex));
  // Where the cursor was when Settings opened another screen, to return there.
  const [settingsRow, setSettingsRow] = useState(0);
  const [route, dispatch] = useReducer(routerReducer, undefined, () => {
    const first: Screen[] = chooseLanguage ? [{name: 'language'}] : calibrate && initialSettings.language === 'fa' ? [{name: 'calibrate'}] : [];
    return startRoute(initial, ...first);
  });
  const api = useSettingsState(initialSettings, (patch) => {
    // An explicit BiDi choice answers the calibration question too.
    if (patch.bidi) setNeedsCalibration(false);
    onSettings?.(patch);
  });
  const {settings, update} = api;
  const screen = currentScreen(route);
  // Ink's exit(value) resolves waitUntilExit with it: the process exit code.
  const quit = (code = 0) => exit(code);
  const back = () => dispatch({type: 'back'});

  // The calibration screen is a shared component with its own digit keys; the shell
  // adds the ways out. Esc keeps the current layout for this run and does not ask again.
  useKeys(
    (action) => {
      if (action === 'interrupt') quit(130);
      else if (action === 'quit') quit(0);
      else if (action === 'back') {
        setNeedsCalibration(false);
        back();
      }
    },
    {enabled: screen.name === 'calibrate'},
  );

  let body: ReactNode;
  switch (screen.name) {
    case 'language':
      body = (
        <LanguageChooser
          initial={settings.language}
          width={columns}
          height={rows}
          onQuit={quit}
          onChoose={(language) => {
            update({language});
            if (language === 'fa' && needsCalibration) dispatch({type: 'replace', screen: {name: 'calibrate'}});
            else back();
          }}
        />
      );
      break;
    case 'calibrate':
      body = (
        <Calibration
          width={columns}
          onChoose={(bidi) => {
            update({bidi});
            setNeedsCalibration(false);
            if (isFirstRun(route.stack)) setNotices((n) => [...n, t('bidi:calibration.saved')]);
            back();
          }}
        />
      );
      break;
    case 'settings':
      body = (
        <SettingsScreen
          width={columns}
          height={rows}
          onBack={back}
          onQuit={quit}
          initialRow={settingsRow}
          onRow={setSettingsRow}
          onCalibrate={() => {
            // The question is asked in Persian: its words first (at once when they are there).
            const open = () => dispatch({type: 'open', screen: {name: 'calibrate'}});
            if (hasLanguages(i18n, ['fa'])) open();
            else void ensureLanguages(i18n, ['fa']).then(open);
          }}
          onAbout={() => dispatch({type: 'open', screen: {name: 'about'}})}
        />
      );
      break;
    case 'about':
      body = <AboutScreen version={version} width={columns} height={rows} onBack={back} onQuit={quit} />;
      break;
    case 'repl':
      body = renderRepl({width: columns, height: rows, onBack: back, onQuit: quit});
      break;
    case 'lesson':
      body = renderLesson(screen.id, {onBack: back, onQuit: quit});
      break;
    case 'menu': {
      const items = typeof menu === 'function' ? menu() : menu;
      const resume = typeof resumeIndex === 'function' ? resumeIndex() : resumeIndex;
      body = (
        <MenuScreen
          items={items}
          resumeIndex={resume}
          initialIndex={menuStart ?? 0}
          width={columns}
          height={rows}
          notices={notices}
          onOpen={(id) => {
            setNotices([]);
            dispatch({type: 'open-lesson', id});
          }}
          onRepl={() => dispatch({type: 'open-repl'})}
          onSettings={() => {
            setSettingsRow(0);
            dispatch({type: 'open', screen: {name: 'settings'}});
          }}
          onQuit={quit}
        />
      );
      break;
    }
  }
  // Persian chosen for the first time in settings (or by the REPL's `lang`): ask now.
  if (needsCalibration && settings.language === 'fa' && screen.name !== 'calibrate' && screen.name !== 'language') {
    dispatch({type: 'open', screen: {name: 'calibrate'}});
  }
  return (
    <SettingsProvider value={api}>
      <ThemeContext value={themeFor(!settings.colour)}>
        <BidiProvider mode={settings.bidi} language={settings.language}>
          <NoticeProvider value={noticeState}>
            <Box flexDirection="column" width={columns} height={rows}>
              {body}
            </Box>
          </NoticeProvider>
        </BidiProvider>
      </ThemeContext>
    </SettingsProvider>
  );
}

/** The question asked at start, directly on the start screen (not from Settings). */
function isFirstRun(stack: readonly Screen[]): boolean {
  return stack.length === 2 && stack[1]?.name === 'calibrate';
}
