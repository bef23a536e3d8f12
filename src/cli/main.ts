import {resolveBidiMode, type BidiMode} from '../i18n/bidi/index.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {sweepStaleDirs} from '../lab/stale-dirs.ts';
import {createI18n} from '../i18n/setup.ts';
import {languageFromEnv, type Language} from '../i18n/languages.ts';
import {parseCliArgs, type CliOptions} from './args.ts';
import {runLessonAuto} from './lesson-mode.ts';
import {runLint} from './lint-mode.ts';
import {runList} from './list-mode.ts';
import {runReplMode} from './repl-mode.ts';
import {pageFor, pageText} from '../ui/plain/page.ts';
import {argErrorText, usageText} from './usage.ts';
import {appVersion} from './version.ts';

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const understood = parsed.ok ? parsed.options : parsed.partial;
  const lng = understood.lang || languageFromEnv(process.env);
  const i18n = createI18n(lng);
  const t = i18n.t.bind(i18n);
  // Plain text (help, errors, list, lint, --auto) is laid out like the screen in app mode.
  const page = pageFor(lng, plainBidi(understood.bidi), understood.width);
  if (!parsed.ok) {
    process.stderr.write(pageText(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}`, page));
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(pageText(usageText(t), {...page, width: page.width ?? terminalWidth(process.stdout)}));
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  // A reader that goes away (| head) ends our output, not the process: sockets still close.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  // Socket files a killed run (SIGKILL) left in the temp dir go, in the background.
  void sweepStaleDirs();
  const plain = plainMode(options, lng, i18n);
  if (plain) return plain;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(pageText(t('app:needsTerminal'), {...page, width: page.width ?? terminalWidth(process.stderr)}));
    return 2;
  }
  const {startInteractive} = await import('./interactive.tsx');
  return startInteractive(options, i18n);
}

/** The modes that print plain text (or NDJSON) and need no terminal. */
function plainMode(options: CliOptions, lng: Language, i18n: ReturnType<typeof createI18n>): Promise<number> | undefined {
  const {stdout, stderr, stdin} = process;
  const bidi = plainBidi(options.bidi);
  const width = options.width ?? terminalWidth(stdout);
  switch (options.mode) {
    case 'list':
      return runList({lng, packs: options.lessons, stdout, stderr, width, bidi});
    case 'lint':
      return runLint(options.target!, {lng, stdout, width, bidi});
    case 'lesson':
      if (!options.auto) return undefined;
      return runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr});
    case 'repl':
      if (!options.script && stdin.isTTY && stdout.isTTY) return undefined;
      return runReplMode({
        lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote,
        ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {}),
      });
    case 'host':
      if (!options.json && stdin.isTTY && stdout.isTTY) return import('./workshop-app.tsx').then(({startHostApp}) => startHostApp(options, i18n));
      return import('./host-mode.ts').then(({runHostMode}) => runHostMode(options, i18n, {stdin, stdout, stderr}));
    case 'join':
      if (!options.json && stdin.isTTY && stdout.isTTY && options.workshop.target !== undefined) return import('./workshop-app.tsx').then(({startJoinApp}) => startJoinApp(options, i18n));
      return import('./join-mode.ts').then(({runJoinMode}) => runJoinMode(options, i18n, {stdin, stdout, stderr, bidi, ...(width !== undefined ? {width} : {})}));
    case 'app':
      return undefined;
  }
}

/** How plain output lays out Persian: --bidi, else SOCKET_LESSONS_BIDI, else off (copyable logical text). */
function plainBidi(flag: string | undefined): BidiMode {
  try {
    return resolveBidiMode({flag, env: process.env, isTTY: false}).mode;
  } catch {
    return 'off';
  }
}

function terminalWidth(stream: NodeJS.WriteStream): number | undefined {
  return stream.isTTY ? stream.columns : undefined;
}
