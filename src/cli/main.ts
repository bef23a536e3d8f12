import {resolveBidiMode} from '../i18n/bidi/index.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {createI18n} from '../i18n/setup.ts';
import {isLanguage, languageFromEnv, type Language} from '../i18n/languages.ts';
import {parseCliArgs, type CliOptions} from './args.ts';
import {runLessonAuto} from './lesson-mode.ts';
import {runLint} from './lint-mode.ts';
import {runList} from './list-mode.ts';
import {runReplMode} from './repl-mode.ts';
import {brokenOutputCode, guardedOutput, type Output} from './output.ts';
import {argErrorText, usageText} from './usage.ts';
import {appVersion} from './version.ts';

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  // Even when the arguments are wrong, a --lang among them picks the language of the message.
  const lng = (parsed.ok ? parsed.options.lang : langInArgs(argv)) || languageFromEnv(process.env);
  const i18n = createI18n(lng);
  const t = i18n.t.bind(i18n);
  const stdout = guardedOutput(process.stdout);
  const stderr = guardedOutput(process.stderr);
  const code = await run(parsed, lng, i18n, stdout, stderr);
  await stdout.settled();
  // Output that could not be written: one line instead of a stack trace; a reader that
  // went away (| head -1) is no error worth a line.
  const failure = stdout.failure;
  if (!failure) return code;
  if (failure.code !== 'EPIPE') stderr.write(`${t('app:outputFailed', {code: failure.code ?? failure.message})}\n`);
  return brokenOutputCode(failure);
}

async function run(parsed: ReturnType<typeof parseCliArgs>, lng: Language, i18n: ReturnType<typeof createI18n>, stdout: Output, stderr: Output): Promise<number> {
  const t = i18n.t.bind(i18n);
  if (!parsed.ok) {
    stderr.write(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    stdout.write(`${usageText(t)}\n`);
    return 0;
  }
  if (options.version) {
    stdout.write(`${appVersion()}\n`);
    return 0;
  }
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  const plain = plainMode(options, lng, stdout, stderr);
  if (plain) return plain;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    stderr.write(`${t('app:needsTerminal')}\n`);
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
function plainMode(options: CliOptions, lng: Language, stdout: Output, stderr: Output): Promise<number> | undefined {
  const {stdin} = process;
  const bidi = resolveBidiMode({flag: options.bidi, env: process.env, isTTY: false}).mode;
  const width = options.width ?? (process.stdout.isTTY ? process.stdout.columns : undefined);
  switch (options.mode) {
    case 'list':
      return runList({lng, packs: options.lessons, stdout, stderr, width});
    case 'lint':
      return runLint(options.target!, {lng, stdout});
    case 'lesson':
      if (!options.auto) return undefined;
      return runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr, stop: stdout});
    case 'repl':
      if (!options.script && stdin.isTTY && process.stdout.isTTY) return undefined;
      return runReplMode({lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote, stop: stdout});
    case 'app':
      return undefined;
  }
}
