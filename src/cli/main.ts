// Each mode is its own chunk, loaded when chosen (dynamic imports; the build splits the
// bundle there): --version, --help, list, lint and --auto never load Ink, React or yoga,
// and i18next with the locales, or the layout pipeline, only when words are printed.
import type {i18n as I18n} from 'i18next';
import {resolveBidiMode} from '../i18n/bidi/mode.ts';
import type {BidiMode} from '../i18n/bidi/types.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {isDeno} from '../lab/permissions.ts';
import {isLanguage, languageFromEnv, type Language} from '../i18n/languages.ts';
import {parseCliArgs, type CliOptions} from './args.ts';
import {brokenOutputCode, guardedOutput, type Output} from './output.ts';
import {argErrorText, usageText} from './usage.ts';
import {loadingFirstFrame} from './v8-tuning.ts';
import {appVersion} from './version.ts';

/** Words and the page, made at first need. */
interface Lazy {
  i18n(): Promise<I18n>;
  /** Text laid out like the screen in app mode (help, errors); `width` when no --width. */
  paged(text: string, width?: number): Promise<string>;
}

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const understood = parsed.ok ? parsed.options : parsed.partial;
  // Even when parseArgs itself gave up, a --lang among the arguments picks the language.
  const lng = understood.lang || langInArgs(argv) || languageFromEnv(process.env);
  let instance: Promise<I18n> | undefined;
  const lazy: Lazy = {
    i18n: () => (instance ??= import('../i18n/setup.ts').then(({createI18n}) => createI18n(lng))),
    async paged(text, width) {
      const {pageFor, pageText} = await import('../ui/plain/page.ts');
      const page = pageFor(lng, plainBidi(understood.bidi), understood.width);
      return pageText(text, {...page, width: page.width ?? width});
    },
  };
  const stdout = guardedOutput(process.stdout);
  const stderr = guardedOutput(process.stderr);
  let code = await run(parsed, lng, lazy, stdout, stderr);
  await stdout.settled();
  // Output that could not be written: one line instead of a stack trace; a reader that
  // went away (| head -1) is no error worth a line.
  const failure = stdout.failure;
  if (failure) {
    if (failure.code !== 'EPIPE') {
      const i18n = await lazy.i18n();
      stderr.write(await lazy.paged(i18n.t('app:outputFailed', {code: failure.code ?? failure.message})));
    }
    code = brokenOutputCode(failure);
  }
  // Deno keeps a read pending on a piped stdin even after we stop reading it, so the
  // plain REPL would stay until the writer closes the pipe: leave explicitly.
  if (isDeno && parsed.ok && parsed.options.mode === 'repl' && parsed.options.script === undefined && !(process.stdin.isTTY && process.stdout.isTTY)) {
    await stderr.settled();
    process.exit(code);
  }
  return code;
}

async function run(parsed: ReturnType<typeof parseCliArgs>, lng: Language, lazy: Lazy, stdout: Output, stderr: Output): Promise<number> {
  // Before any set-up: the version needs no words.
  if (parsed.ok && parsed.options.version && !parsed.options.help) {
    stdout.write(`${appVersion()}\n`);
    return 0;
  }
  const words = async () => {
    const i18n = await lazy.i18n();
    return i18n.t.bind(i18n);
  };
  if (!parsed.ok) {
    const t = await words();
    stderr.write(await lazy.paged(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}`));
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    stdout.write(await lazy.paged(usageText(await words()), terminalWidth(process.stdout)));
    return 0;
  }
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  // Socket files a killed run (SIGKILL) left in the temp dir go, in the background.
  // (The interactive app does it once its first frame is drawn.)
  const sweep = () => void import('../lab/stale-dirs.ts').then(({sweepStaleDirs}) => sweepStaleDirs()).catch(() => {});
  const plain = plainMode(options, lng, lazy.i18n, stdout, stderr);
  if (plain) {
    sweep();
    return plain;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    stderr.write(await lazy.paged((await words())('app:needsTerminal'), terminalWidth(process.stderr)));
    return 2;
  }
  // Both chunks at once: the app's code and its words load side by side.
  const [{startInteractive}, i18n] = await loadingFirstFrame(() => Promise.all([import('./interactive.tsx'), lazy.i18n()]));
  return startInteractive(options, i18n, sweep);
}

function langInArgs(argv: string[]): Language | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : undefined;
    if (isLanguage(value)) return value;
  }
  return undefined;
}

/** The modes that print plain text (or NDJSON) and need no terminal. */
function plainMode(options: CliOptions, lng: Language, i18n: () => Promise<I18n>, stdout: Output, stderr: Output): Promise<number> | undefined {
  const {stdin} = process;
  const bidi = plainBidi(options.bidi);
  const width = options.width ?? terminalWidth(process.stdout);
  switch (options.mode) {
    case 'list':
      return import('./list-mode.ts').then(({runList}) => runList({lng, packs: options.lessons, stdout, stderr, width, bidi}));
    case 'lint':
      return import('./lint-mode.ts').then(({runLint}) => runLint(options.target!, {lng, stdout, width, bidi}));
    case 'lesson':
      if (!options.auto) return undefined;
      return import('./lesson-mode.ts').then(({runLessonAuto}) =>
        runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr, stop: stdout}),
      );
    case 'repl':
      if (!options.script && stdin.isTTY && process.stdout.isTTY) return undefined;
      return import('./repl-mode.ts').then(({runReplMode}) =>
        runReplMode({
          lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote, stop: stdout,
          ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {}),
        }),
      );
    case 'host':
      if (!options.json && stdin.isTTY && process.stdout.isTTY) return i18n().then(async (words) => (await import('./workshop-app.tsx')).startHostApp(options, words));
      return i18n().then(async (words) => (await import('./host-mode.ts')).runHostMode(options, words, {stdin, stdout, stderr}));
    case 'join':
      if (!options.json && stdin.isTTY && process.stdout.isTTY && options.workshop.target !== undefined) {
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
