import {Box} from 'ink';
import {useState} from 'react';
import {useTranslation} from 'react-i18next';
import {Lines} from '../components/Line.tsx';
import {HintBar} from '../components/HintBar.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor, useKeys} from '../keys.ts';
import {LessonMenu, type MenuItem} from './LessonMenu.tsx';

export interface MenuScreenProps {
  items: MenuItem[];
  resumeIndex?: number;
  width: number;
  height: number;
  onOpen(id: string): void;
  onQuit(code: number): void;
  /** `:` opens the REPL. */
  onRepl(): void;
}

export function MenuScreen({items, resumeIndex, width, height, onOpen, onRepl, onQuit}: MenuScreenProps) {
  const {t} = useTranslation('app');
  const ctx = usePaneContext();
  const [selected, setSelected] = useState(resumeIndex ?? 0);
  useKeys((action) => {
    if (action === 'up') setSelected((i) => Math.max(0, i - 1));
    else if (action === 'down') setSelected((i) => Math.min(items.length - 1, i + 1));
    else if ((action === 'enter' || action === 'next') && items[selected]) onOpen(items[selected].id);
    else if (action === 'type') onRepl();
    else if (action === 'quit' || action === 'interrupt') onQuit(action === 'interrupt' ? 130 : 0);
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Lines
        lines={[
          [{text: ctx.text.cell(`${t('name')} · ${t('menu.title')}`, width), role: 'focus'}],
          [{text: ctx.text.cell(t('tagline'), width), role: 'muted'}],
        ]}
      />
      <Box marginTop={1} height={Math.max(1, height - 4)} flexDirection="column">
        <LessonMenu items={items} selected={selected} resumeIndex={resumeIndex} width={width} height={Math.max(1, height - 4)} />
      </Box>
      <HintBar hints={hintsFor('menu')} width={width} />
    </Box>
  );
}
