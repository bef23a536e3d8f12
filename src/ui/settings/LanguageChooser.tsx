// First run: "which language?" The question is asked in all three languages, each on
// its own line and in its own direction, so it is readable before any choice; the
// language found in the environment is preselected.
import {Box} from 'ink';
import {useTranslation} from 'react-i18next';
import {LANGUAGES, type Language} from '../../i18n/languages.ts';
import {useBidi} from '../components/BidiContext.tsx';
import {Lines} from '../components/Line.tsx';
import {translatorOf, type Translate} from '../format/index.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {choiceNumber, hintsFor, useKeys} from '../keys.ts';
import {noteLines, type PaneContext} from '../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {textLayout} from '../layout/textLayout.ts';
import {nameCell} from './nameCell.ts';
import {ScreenFrame} from '../app/ScreenFrame.tsx';
import {useCursor} from '../app/useCursor.ts';
import {useRef} from 'react';

export interface LanguageChooserProps {
  /** Preselected. */
  initial: Language;
  width: number;
  height: number;
  onChoose(language: Language): void;
  onQuit(code: number): void;
}

export interface ChooserInput {
  selected: number;
  width: number;
  /** The question in each language. */
  titles: Record<Language, string>;
  /** Words of the current UI language. */
  t: Translate;
  bidi: Parameters<typeof textLayout>[0]['mode'];
}

export function chooserLines({selected, width, titles, t, bidi}: ChooserInput, ctx: PaneContext): StyledLine[] {
  const out: StyledLine[] = [];
  // Each question aligned to its own language's start side.
  for (const lng of LANGUAGES) {
    const own = textLayout({mode: bidi, language: lng});
    out.push(fitLine([{text: own.cell(titles[lng], width), role: 'focus'}], width, own.mirror));
  }
  out.push([]);
  LANGUAGES.forEach((lng, i) => {
    const on = i === selected;
    const mark = on ? ctx.theme.symbols.selected : ' ';
    const lead = ctx.text.mirror ? ` ${i + 1}  ${mark}` : `${mark} ${i + 1}  `;
    const words = t(`app:languages.${lng}`);
    const name = nameCell(ctx, bidi, words, Math.max(1, width - lead.length));
    const segs = [{text: lead}, {text: name}].map((s) => (on ? {...s, role: 'focus' as const} : s));
    out.push(fitLine(ctx.text.mirror ? segs.reverse() : segs, width, ctx.text.mirror));
  });
  out.push([], ...noteLines(ctx, t('app:firstRun.hint'), width));
  return out;
}

export function LanguageChooser({initial, width, height, onChoose, onQuit}: LanguageChooserProps) {
  const {t, i18n} = useTranslation();
  const ctx = usePaneContext();
  const {mode} = useBidi();
  const cursor = useCursor(Math.max(0, LANGUAGES.indexOf(initial)), LANGUAGES.length);
  const chosen = useRef(false);
  // One answer only, even if more keys follow in the same chunk.
  const choose = (language: Language) => {
    if (chosen.current) return;
    chosen.current = true;
    onChoose(language);
  };
  useKeys((action, input) => {
    if (action === 'interrupt') onQuit(130);
    else if (chosen.current) return;
    else if (action === 'quit') onQuit(0);
    else if (action === 'up') cursor.move(-1);
    else if (action === 'down') cursor.move(1);
    else if (action === 'enter') choose(LANGUAGES[cursor.current()]!);
    else if (action === 'choose') {
      const n = choiceNumber(input);
      if (n !== undefined && n <= LANGUAGES.length) choose(LANGUAGES[n - 1]!);
    }
  });
  const titles = Object.fromEntries(LANGUAGES.map((lng) => [lng, i18n.getFixedT(lng)('app:firstRun.title')])) as Record<Language, string>;
  return (
    <ScreenFrame title={t('app:name')} subtitle={t('app:tagline')} width={width} height={height} hints={hintsFor('language')}>
      {() => (
        <Box flexDirection="column">
          <Lines lines={chooserLines({selected: cursor.index, width, titles, t: translatorOf(i18n), bidi: mode}, ctx)} />
        </Box>
      )}
    </ScreenFrame>
  );
}
