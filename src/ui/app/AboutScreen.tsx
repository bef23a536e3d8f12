// About: what the app is, its version and licence, and the two ways to run it.
import {Box} from 'ink';
import {useTranslation} from 'react-i18next';
import {Lines} from '../components/Line.tsx';
import {translatorOf, type Translate} from '../format/index.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor, useKeys} from '../keys.ts';
import {clipLines} from '../layout/clip.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {ScreenFrame, useHelpToggle} from './ScreenFrame.tsx';

/** Commands, not prose: the same in every language. */
export const RUN_COMMANDS = ['npx socket-lessons', 'deno run -A npm:socket-lessons'] as const;

export function aboutLines(version: string, width: number, t: Translate, ctx: PaneContext): StyledLine[] {
  const para = (text: string, role?: 'focus') =>
    ctx.text.wrap(text, width).map((l) => fitLine([role ? {text: l, role} : {text: l}], width, ctx.text.mirror));
  const command = (c: string): StyledLine => fitLine(ctx.text.mirror ? [{text: c, role: 'active'}, {text: '  '}] : [{text: '  '}, {text: c, role: 'active'}], width, ctx.text.mirror);
  return [
    ...para(t('app:tagline'), 'focus'),
    [],
    ...para(t('app:about.what')),
    [],
    ...para(t('app:about.version', {version})),
    ...para(t('app:about.licence')),
    [],
    ...para(t('app:about.run')),
    ...RUN_COMMANDS.map(command),
  ];
}

export interface AboutScreenProps {
  version: string;
  width: number;
  height: number;
  onBack(): void;
  onQuit(code: number): void;
}

export function AboutScreen({version, width, height, onBack, onQuit}: AboutScreenProps) {
  const {t, i18n} = useTranslation();
  const ctx = usePaneContext();
  const help = useHelpToggle();
  useKeys((action) => {
    if (action === 'interrupt') return onQuit(130);
    if (help.consume(action)) return;
    if (action === 'back' || action === 'previous' || action === 'enter') onBack();
    else if (action === 'quit') onQuit(0);
  });
  return (
    <ScreenFrame title={`${t('app:name')} · ${t('app:about.title')}`} width={width} height={height} hints={hintsFor('about')} help={help}>
      {(body) => (
        <Box flexDirection="column">
          <Lines lines={clipLines(aboutLines(version, body.width, translatorOf(i18n), ctx), body.height, 'head').lines} />
        </Box>
      )}
    </ScreenFrame>
  );
}
