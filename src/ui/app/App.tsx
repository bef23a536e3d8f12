import {Box, Text, useApp, useWindowSize} from 'ink';
import {useReducer, useState, type ReactNode} from 'react';
import {useTranslation} from 'react-i18next';
import type {BidiMode} from '../../i18n/bidi/index.ts';
import {BidiProvider} from '../components/BidiContext.tsx';
import {Calibration} from '../components/Calibration.tsx';
import {ThemeContext, type Theme} from '../theme.ts';
import type {MenuItem} from './LessonMenu.tsx';
import {MenuScreen} from './MenuScreen.tsx';
import {routerReducer, type Screen} from './router.ts';

export interface LessonRenderProps {
  onBack(): void;
  onQuit(code: number): void;
}

export interface AppProps {
  menu: MenuItem[];
  initial?: Screen;
  resumeIndex?: number;
  /** Things to tell the learner once, above the menu (e.g. progress could not be read). */
  notices?: string[];
  theme: Theme;
  bidi: BidiMode;
  /** Ask which Persian rendering reads correctly before anything else. */
  calibrate?: boolean;
  onCalibrated?(mode: BidiMode): void;
  /** Renders one lesson; the shell knows nothing of lessons beyond their ids. */
  renderLesson(id: string, props: LessonRenderProps): ReactNode;
  /** Renders the free REPL (its lab belongs to the caller). */
  renderRepl(props: LessonRenderProps & {width: number; height: number}): ReactNode;
}

export function App({menu, initial, resumeIndex, notices = [], theme, bidi: initialBidi, calibrate = false, onCalibrated, renderLesson, renderRepl}: AppProps) {
  const {exit} = useApp();
  const {columns, rows} = useWindowSize();
  const {i18n} = useTranslation();
  const [screen, dispatch] = useReducer(routerReducer, initial ?? {name: 'menu'});
  const [bidi, setBidi] = useState(initialBidi);
  const [calibrating, setCalibrating] = useState(calibrate);
  // Ink's exit(value) resolves waitUntilExit with it: the process exit code.
  const quit = (code = 0) => exit(code);
  let body: ReactNode;
  if (calibrating) {
    body = (
      <Calibration
        width={columns}
        onChoose={(mode) => {
          setBidi(mode);
          setCalibrating(false);
          onCalibrated?.(mode);
        }}
      />
    );
  } else if (screen.name === 'repl') {
    body = renderRepl({width: columns, height: rows, onBack: () => dispatch({type: 'back'}), onQuit: quit});
  } else if (screen.name === 'lesson') {
    body = renderLesson(screen.id, {onBack: () => dispatch({type: 'back'}), onQuit: quit});
  } else {
    body = (
      <>
        {notices.map((n, i) => (
          <Text key={i} color={theme.monochrome ? undefined : 'yellow'} wrap="wrap">
            {n}
          </Text>
        ))}
        <MenuScreen items={menu} resumeIndex={resumeIndex} width={columns} height={Math.max(1, rows - notices.length)} onOpen={(id) => dispatch({type: 'open-lesson', id})} onRepl={() => dispatch({type: 'open-repl'})} onQuit={quit} />
      </>
    );
  }
  return (
    <ThemeContext value={theme}>
      <BidiProvider mode={bidi} language={i18n.language}>
        <Box flexDirection="column" width={columns} height={rows}>
          {body}
        </Box>
      </BidiProvider>
    </ThemeContext>
  );
}
