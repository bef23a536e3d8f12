// Each mode is its own chunk, loaded when chosen (dynamic imports; the build splits the
// bundle there): --version, --help, list, lint and --auto never load Ink, React or yoga.
import {resolveBidiMode} from '../i18n/bidi/mode.ts';
import type {BidiMode} from '../i18n/bidi/types.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {languageFromEnv, type Language} from '../i18n/languages.ts';
import type {i18n as I18n} from 'i18next';
import {parseCliArgs, type CliOptions} from './args.ts';
import {argErrorText, usageText} from './usage.ts';
import {appVersion} from './version.ts';

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  // Before any set-up: the version needs no words.
  if (parsed.ok && parsed.options.version && !parsed.options.help) {
    process.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  const understood = parsed.ok ? parsed.options : parsed.partial;
  const lng = understood.lang || languageFromEnv(process.env);
  // The plain modes make their own (with a pack's words); only the others need this one.
  // (i18next and every locale are a chunk of their own, loaded here, not for --version.)
  const i18n = async () => (await import('../i18n/setup.ts')).createI18n(lng);
  const words = async () => {
    const instance = await i18n();
    return instance.t.bind(instance);
  };
  // Plain text (help, errors) is laid out like the screen in app mode.
  const paged = async (text: string, width?: number) => {
    const {pageFor, pageText} = await import('../ui/plain/page.ts');
    const page = pageFor(lng, plainBidi(understood.bidi), understood.width);
    return pageText(text, {...page, width: page.width ?? width});
  };
  if (!parsed.ok) {
    const t = await words();
    process.stderr.write(await paged(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}`));
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(await paged(usageText(await words()), terminalWidth(process.stdout)));
    return 0;
  }
  // A reader that goes away (| head) ends our output, not the process: sockets still close.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  // Socket files a killed run (SIGKILL) left in the temp dir go, in the background.
  void import('../lab/stale-dirs.ts').then(({sweepStaleDirs}) => sweepStaleDirs()).catch(() => {});
  const plain = plainMode(options, lng, i18n);
  if (plain) return plain;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(await paged((await words())('app:needsTerminal'), terminalWidth(process.stderr)));
    return 2;
  }
  // Both chunks at once: the app's code and its words load side by side.
  const [{startInteractive}, instance] = await Promise.all([import('./interactive.tsx'), i18n()]);
  return startInteractive(options, instance);
}

/** The modes that print plain text (or NDJSON) and need no terminal. */
function plainMode(options: CliOptions, lng: Language, i18n: () => Promise<I18n>): Promise<number> | undefined {
  const {stdout, stderr, stdin} = process;
  const bidi = plainBidi(options.bidi);
  const width = options.width ?? terminalWidth(stdout);
  switch (options.mode) {
    case 'list':
      return import('./list-mode.ts').then(({runList}) => runList({lng, packs: options.lessons, stdout, stderr, width, bidi}));
    case 'lint':
      return import('./lint-mode.ts').then(({runLint}) => runLint(options.target!, {lng, stdout, width, bidi}));
    case 'lesson':
      if (!options.auto) return undefined;
      return import('./lesson-mode.ts').then(({runLessonAuto}) =>
        runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr}),
      );
    case 'repl':
      if (!options.script && stdin.isTTY && stdout.isTTY) return undefined;
      return import('./repl-mode.ts').then(({runReplMode}) =>
        runReplMode({
          lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote,
          ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {}),
        }),
      );
    case 'host':
      if (!options.json && stdin.isTTY && stdout.isTTY) return i18n().then(async (words) => (await import('./workshop-app.tsx')).startHostApp(options, words));
      return i18n().then(async (words) => (await import('./host-mode.ts')).runHostMode(options, words, {stdin, stdout, stderr}));
    case 'join':
      if (!options.json && stdin.isTTY && stdout.isTTY && options.workshop.target !== undefined) {
        return i18n().then(async (words) => (await import('./workshop-app.tsx')).startJoinApp(options, words));
      }
      return i18n().then(async (words) => (await import('./join-mode.ts')).runJoinMode(options, words, {stdin, stdout, stderr, bidi, ...(width !== undefined ? {width} : {})}));
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
