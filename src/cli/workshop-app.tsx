// The workshop's screens in a terminal: the wall for `host`, the learner's screen for
// `join`. Same exit paths as the lessons (q, Ctrl+C, SIGTERM): the room or the learner
// says goodbye and closes every socket before the process ends.
import {Box, useApp, useWindowSize} from 'ink';
import type {i18n} from 'i18next';
import type {ReactNode} from 'react';
import {enterTerminalBidi, resolveBidiMode} from '../i18n/bidi/index.ts';
import {isLanguage} from '../i18n/languages.ts';
import {BidiProvider} from '../ui/components/BidiContext.tsx';
import {ThemeContext, themeFor, wantsMonochrome} from '../ui/theme.ts';
import {translatorOf} from '../ui/format/translate.ts';
import {LearnerScreen} from '../ui/workshop/LearnerScreen.tsx';
import {WallScreen} from '../ui/workshop/WallScreen.tsx';
import {LearnerClient} from '../workshop/client.ts';
import type {CliOptions} from './args.ts';
import {runInk} from './app-mode.tsx';
import {resolveJoinTarget} from './join-mode.ts';
import {openRoom} from './room-session.ts';
import {closeGracefully} from './workshop-setup.ts';

/** Size, theme and text layout around a workshop screen; `exit(code)` leaves through Ink. */
function Frame({children, colour, bidi, language}: {children: (size: {width: number; height: number}, exit: (code: number) => void) => ReactNode; colour: boolean; bidi: ReturnType<typeof resolveBidiMode>['mode']; language: string}) {
  const {exit} = useApp();
  const {columns, rows} = useWindowSize();
  return (
    <ThemeContext value={themeFor(!colour)}>
      <BidiProvider mode={bidi} language={isLanguage(language) ? language : 'en'}>
        <Box flexDirection="column" width={columns} height={rows}>
          {children({width: columns, height: rows}, (code) => exit(code))}
        </Box>
      </BidiProvider>
    </ThemeContext>
  );
}

function display(options: CliOptions) {
  const bidi = resolveBidiMode({flag: options.bidi, env: process.env, isTTY: true});
  const leave = enterTerminalBidi((s) => void process.stdout.write(s), bidi);
  const colour = options.color && !wantsMonochrome(process.env, []);
  return {bidi: bidi.mode, leave, colour};
}

export async function startHostApp(options: CliOptions, instance: i18n): Promise<number> {
  const session = await openRoom(options, instance, () => {});
  if ('error' in session) {
    process.stderr.write(`${session.error}\n`);
    return session.code;
  }
  const {bidi, leave, colour} = display(options);
  let problem: string | undefined;
  const code = await runInk(
    <Frame colour={colour} bidi={bidi} language={instance.language}>
      {(size, exit) => <WallScreen host={session.host} room={session.room} width={size.width} height={size.height} onQuit={exit} />}
    </Frame>,
    {
      i18n: instance,
      cleanup: async () => {
        leave();
        problem = await session.end('quit');
      },
    },
  );
  if (problem) process.stderr.write(`${problem}\n`);
  else if (options.workshop.record !== undefined) process.stdout.write(`${translatorOf(instance)('workshop:host.recorded', {file: options.workshop.record})}\n`);
  return code;
}

export async function startJoinApp(options: CliOptions, instance: i18n): Promise<number> {
  const t = translatorOf(instance);
  const w = options.workshop;
  const target = await resolveJoinTarget(w.target, w.code, t);
  if ('error' in target) {
    process.stderr.write(`${target.error}\n`);
    return 2;
  }
  const client = new LearnerClient({host: target.host, port: target.port, code: target.code, nick: w.name ?? '', lang: instance.language});
  closeGracefully(client.lab);
  void client.join();
  const {bidi, leave, colour} = display(options);
  return runInk(
    <Frame colour={colour} bidi={bidi} language={instance.language}>
      {(size, exit) => <LearnerScreen client={client} width={size.width} height={size.height} onQuit={exit} />}
    </Frame>,
    {
      i18n: instance,
      cleanup: async () => {
        leave();
        await client.leave();
      },
    },
  );
}
