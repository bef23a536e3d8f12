import {resolveBidiMode, type BidiMode} from '../i18n/bidi/index.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {isDeno} from '../lab/permissions.ts';
import {sweepStaleDirs} from '../lab/stale-dirs.ts';
import {createI18n} from '../i18n/setup.ts';
import {isLanguage, languageFromEnv, type Language} from '../i18n/languages.ts';
import {parseCliArgs, type CliOptions} from './args.ts';
import {runLessonAuto} from './lesson-mode.ts';
import {runLint} from './lint-mode.ts';
import {runList} from './list-mode.ts';
import {brokenOutputCode, guardedOutput, type Output} from './output.ts';
import {runReplMode} from './repl-mode.ts';
import {pageFor, pageText, type PageLayout} from '../ui/plain/page.ts';
import {argErrorText, usageText} from './usage.ts';
import {appVersion} from './version.ts';

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const understood = parsed.ok ? parsed.options : parsed.partial;
  // Even when parseArgs itself gave up, a --lang among the arguments picks the language.
  const lng = understood.lang || langInArgs(argv) || languageFromEnv(process.env);
  const i18n = createI18n(lng);
  const t = i18n.t.bind(i18n);
  // Plain text (help, errors, list, lint, --auto) is laid out like the screen in app mode.
  const page = pageFor(lng, plainBidi(understood.bidi), understood.width);
  const stdout = guardedOutput(process.stdout);
  const stderr = guardedOutput(process.stderr);
  let code = await run(parsed, lng, i18n, page, stdout, stderr);
  await stdout.settled();
  // Output that could not be written: one line instead of a stack trace; a reader that
  // went away (| head -1) is no error worth a line.
  const failure = stdout.failure;
  if (failure) {
    if (failure.code !== 'EPIPE') stderr.write(pageText(t('app:outputFailed', {code: failure.code ?? failure.message}), page));
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

async function run(
  parsed: ReturnType<typeof parseCliArgs>,
  lng: Language,
  i18n: ReturnType<typeof createI18n>,
  page: PageLayout,
  stdout: Output,
  stderr: Output,
): Promise<number> {
  const t = i18n.t.bind(i18n);
  if (!parsed.ok) {
    stderr.write(pageText(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}`, page));
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    stdout.write(pageText(usageText(t), {...page, width: page.width ?? terminalWidth(process.stdout)}));
    return 0;
  }
  if (options.version) {
    stdout.write(`${appVersion()}\n`);
    return 0;
  }
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  // Socket files a killed run (SIGKILL) left in the temp dir go, in the background.
  void sweepStaleDirs();
  const plain = plainMode(options, lng, i18n, stdout, stderr);
  if (plain) return plain;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    stderr.write(pageText(t('app:needsTerminal'), {...page, width: page.width ?? terminalWidth(process.stderr)}));
    return 2;
  }
  const {startInteractive} = await import('./interactive.tsx');
  return startInteractive(options, i18n);
}

function langInArgs(argv: string[]): Language | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : undefined;
    if (isLanguage(value)) return value;
  }
  return undefined;
}

/** The modes that print plain text (or NDJSON) and need no terminal. */
function plainMode(options: CliOptions, lng: Language, i18n: ReturnType<typeof createI18n>, stdout: Output, stderr: Output): Promise<number> | undefined {
  const {stdin} = process;
  const bidi = plainBidi(options.bidi);
  const width = options.width ?? terminalWidth(process.stdout);
  switch (options.mode) {
    case 'list':
      return runList({lng, packs: options.lessons, stdout, stderr, width, bidi});
    case 'lint':
      return runLint(options.target!, {lng, stdout, width, bidi});
    case 'lesson':
      if (!options.auto) return undefined;
      return runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr, stop: stdout});
    case 'repl':
      if (!options.script && stdin.isTTY && process.stdout.isTTY) return undefined;
      return runReplMode({
        lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote, stop: stdout,
        ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {}),
      });
    case 'host':
      if (!options.json && stdin.isTTY && process.stdout.isTTY) return import('./workshop-app.tsx').then(({startHostApp}) => startHostApp(options, i18n));
      return import('./host-mode.ts').then(({runHostMode}) => runHostMode(options, i18n, {stdin, stdout, stderr}));
    case 'join':
      if (!options.json && stdin.isTTY && process.stdout.isTTY && options.workshop.target !== undefined) return import('./workshop-app.tsx').then(({startJoinApp}) => startJoinApp(options, i18n));
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
