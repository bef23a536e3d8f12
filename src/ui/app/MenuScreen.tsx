import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import {useTranslation} from 'react-i18next';
import {LessonMenu, type MenuItem} from './LessonMenu.tsx';

export interface MenuScreenProps {
  items: MenuItem[];
  resumeIndex?: number;
  width: number;
  onOpen(id: string): void;
  onQuit(): void;
}

export function MenuScreen({items, resumeIndex, width, onOpen, onQuit}: MenuScreenProps) {
  const {t} = useTranslation('app');
  const [selected, setSelected] = useState(resumeIndex ?? 0);
  useInput((input, key) => {
    if (key.upArrow || input === 'k') setSelected((i) => Math.max(0, i - 1));
    else if (key.downArrow || input === 'j') setSelected((i) => Math.min(items.length - 1, i + 1));
    else if (key.return && items[selected]) onOpen(items[selected].id);
    else if (input === 'q') onQuit();
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>
        {t('name')} · {t('menu.title')}
      </Text>
      <Text dimColor wrap="truncate-end">
        {t('tagline')}
      </Text>
      <Box marginTop={1}>
        <LessonMenu items={items} selected={selected} resumeIndex={resumeIndex} width={width} />
      </Box>
    </Box>
  );
}
