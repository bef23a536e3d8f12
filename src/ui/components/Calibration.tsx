// "Which of these two lines reads correctly?" Asked the first time Persian is chosen in
// a terminal (and again from Settings). The sample is a Persian sentence that says
// "if this line reads correctly, press N", drawn once laid out by the app and once in
// logical order; only the right one is legible, so the question answers itself even
// when the title is garbled.
import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import {useTranslation} from 'react-i18next';
import {layoutParagraph} from '../../i18n/bidi/index.ts';
import {formatNumber} from '../../i18n/digits.ts';
import {BidiText} from './BidiText.tsx';

export type CalibrationChoice = 'app' | 'terminal';

export interface CalibrationProps {
  onChoose: (mode: CalibrationChoice) => void;
  /** Cells available. */
  width: number;
}

const CHOICES: readonly CalibrationChoice[] = ['app', 'terminal'];

export function Calibration({onChoose, width}: CalibrationProps) {
  const {t} = useTranslation('bidi');
  const [selected, setSelected] = useState(0);

  useInput((input, key) => {
    const digit = input === '۱' || input === '1' ? 0 : input === '۲' || input === '2' ? 1 : -1;
    if (digit >= 0) onChoose(CHOICES[digit]!);
    else if (key.upArrow || key.downArrow) setSelected((s) => 1 - s);
    else if (key.return) onChoose(CHOICES[selected]!);
  });

  const sampleWidth = Math.max(10, width - 4);
  const options = CHOICES.map((mode, i) => {
    const sample = t('calibration.sample', {lng: 'fa', key: formatNumber(i + 1, 'fa')});
    // The app's layout versus plain logical order (what a BiDi terminal expects).
    return mode === 'app'
      ? layoutParagraph(sample, {mode: 'app', width: sampleWidth, direction: 'rtl', align: false})
      : layoutParagraph(sample, {mode: 'off', width: sampleWidth});
  });

  return (
    <Box flexDirection="column" gap={1}>
      <BidiText text={t('calibration.title')} width={width} bold />
      <Box flexDirection="column">
        {options.map((lines, i) => (
          <Box key={i} flexDirection="row">
            <Text inverse={selected === i}>{` ${i + 1} `}</Text>
            <Text> </Text>
            <Box flexDirection="column">
              {lines.map((line, j) => (
                <Text key={j} wrap="truncate-end">
                  {line}
                </Text>
              ))}
            </Box>
          </Box>
        ))}
      </Box>
      <BidiText text={t('calibration.hint')} width={width} dimColor />
    </Box>
  );
}
