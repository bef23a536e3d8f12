// Settings (`,` on the menu): language, second language, Persian layout, colours —
// each applied at once and saved — and the calibration question and About screen.
import {Box} from 'ink';
import {useTranslation} from 'react-i18next';
import {Lines} from '../components/Line.tsx';
import {translatorOf} from '../format/index.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {choiceNumber, hintsFor, useKeys, type Action} from '../keys.ts';
import {clipLines} from '../layout/clip.ts';
import {ScreenFrame, useHelpToggle} from '../app/ScreenFrame.tsx';
import {useCursor} from '../app/useCursor.ts';
import {isValueRow, SETTING_ROWS, stepSetting} from './settings.ts';
import {useSettings} from './SettingsContext.tsx';
import {settingsLines} from './settingsLines.ts';

export interface SettingsScreenProps {
  width: number;
  height: number;
  /** The row the cursor starts on (coming back from About or the calibration). */
  initialRow?: number;
  /** The cursor moved: where to come back to. */
  onRow?(row: number): void;
  onBack(): void;
  /** 0 for q, 130 for Ctrl+C. */
  onQuit(code: number): void;
  /** "Check how Persian is shown": the calibration question again. */
  onCalibrate(): void;
  onAbout(): void;
}

export function SettingsScreen({width, height, initialRow = 0, onRow, onBack, onQuit, onCalibrate, onAbout}: SettingsScreenProps) {
  const {t, i18n} = useTranslation();
  const ctx = usePaneContext();
  const {settings, update, toggleAlso} = useSettings();
  const cursor = useCursor(initialRow, SETTING_ROWS.length);
  const help = useHelpToggle();

  useKeys((action, input) => {
    if (action === 'interrupt') return onQuit(130);
    if (help.consume(action)) return;
    handle(action, input);
    onRow?.(cursor.current());
  });
  const handle = (action: Action, input: string) => {
    const id = SETTING_ROWS[cursor.current()]!;
    switch (action) {
      case 'up':
        cursor.move(-1);
        break;
      case 'down':
        cursor.move(1);
        break;
      case 'choose': {
        const n = choiceNumber(input);
        if (n !== undefined && n <= SETTING_ROWS.length) cursor.set(n - 1);
        break;
      }
      case 'enter':
      case 'next':
        if (isValueRow(id)) update((latest) => stepSetting(latest, id, 1));
        else if (action === 'enter') (id === 'calibrate' ? onCalibrate : onAbout)();
        break;
      // Esc, Backspace and ← all lead back, as on every other screen.
      case 'back':
      case 'previous':
        onBack();
        break;
      case 'toggleSecondLanguage':
        toggleAlso();
        break;
      case 'quit':
        onQuit(0);
        break;
      default:
        break;
    }
  };

  return (
    <ScreenFrame title={`${t('app:name')} · ${t('app:settings.title')}`} width={width} height={height} hints={hintsFor('settings')} help={help}>
      {(body) => (
        <Box flexDirection="column">
          <Lines lines={clipLines(settingsLines({settings, selected: cursor.index, width: body.width, t: translatorOf(i18n)}, ctx), body.height, 'head').lines} />
        </Box>
      )}
    </ScreenFrame>
  );
}
