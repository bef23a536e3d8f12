import {Box, Text} from 'ink';
import {useTranslation} from 'react-i18next';

export interface MenuItem {
  id: string;
  title: string;
  concepts: string[];
  done: number;
  total: number;
  /** Languages the lesson's prose exists in. */
  languages: string[];
}

export interface LessonMenuProps {
  items: MenuItem[];
  selected: number;
  /** Index of the lesson to continue, if any. */
  resumeIndex?: number;
  width: number;
}

/** The lesson map: one row a lesson, the selected one marked with ▸ (not colour alone). */
export function LessonMenu({items, selected, resumeIndex, width}: LessonMenuProps) {
  const {t} = useTranslation('app');
  if (items.length === 0) return <Text>{t('menu.empty')}</Text>;
  return (
    <Box flexDirection="column" width={width}>
      {items.map((item, index) => {
        const active = index === selected;
        const progress = t('menu.progress', {done: item.done, total: item.total});
        const complete = item.total > 0 && item.done >= item.total;
        return (
          <Box key={item.id} flexDirection="column">
            <Box>
              <Text color={active ? 'cyan' : undefined} bold={active} wrap="truncate-end">
                {active ? '▸ ' : '  '}
                {String(index + 1).padStart(2, '0')} {item.title}
              </Text>
              <Box flexGrow={1} />
              <Text dimColor={!complete}>
                {complete ? '✓ ' : ''}
                {progress}
              </Text>
            </Box>
            {active && (
              <Text dimColor wrap="truncate-end">
                {'     '}
                {t('menu.concepts', {list: item.concepts.join(' ')})} · {item.languages.join(' ')}
                {index === resumeIndex ? ` · ${t('menu.continue')}` : ''}
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
