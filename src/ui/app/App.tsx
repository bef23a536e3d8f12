import {Box, useApp, useWindowSize} from 'ink';
import {useReducer} from 'react';
import {useTranslation} from 'react-i18next';
import type {MenuItem} from './LessonMenu.tsx';
import {MenuScreen} from './MenuScreen.tsx';
import {routerReducer, type Screen} from './router.ts';

export interface AppProps {
  menu: MenuItem[];
  initial?: Screen;
  /** Renders one lesson; the shell knows nothing of lessons beyond their ids. */
  renderLesson(id: string, props: {width: number; height: number; onBack(): void; onQuit(): void}): React.ReactNode;
}

export function App({menu, initial, renderLesson}: AppProps) {
  const {exit} = useApp();
  const {columns, rows} = useWindowSize();
  const [screen, dispatch] = useReducer(routerReducer, initial ?? {name: 'menu'});
  useTranslation(); // re-render on language change
  const quit = () => exit();
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      {screen.name === 'menu' && (
        <MenuScreen items={menu} width={columns} onOpen={(id) => dispatch({type: 'open-lesson', id})} onQuit={quit} />
      )}
      {screen.name === 'lesson' &&
        renderLesson(screen.id, {width: columns, height: rows, onBack: () => dispatch({type: 'back'}), onQuit: quit})}
    </Box>
  );
}
