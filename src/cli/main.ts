// Each mode is its own chunk, loaded when chosen (dynamic imports; the build splits the
// bundle there): --version, --help, list, lint and --auto never load Ink, React or yoga.
import {resolveBidiMode} from '../i18n/bidi/mode.ts';
import {installExitCleanup} from '../lab/cleanup.ts';
import {languageFromEnv, type Language} from '../i18n/languages.ts';
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
  const lng = (parsed.ok && parsed.options.lang) || languageFromEnv(process.env);
  // The plain modes make their own (with a pack's words); only the others need this one.
  // (i18next and every locale are a chunk of their own, loaded here, not for --version.)
  const i18n = async () => (await import('../i18n/setup.ts')).createI18n(lng);
  const words = async () => {
    const instance = await i18n();
    return instance.t.bind(instance);
  };
  if (!parsed.ok) {
    const t = await words();
    process.stderr.write(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${usageText(await words())}\n`);
    return 0;
  }
  // A reader that goes away (| head) ends our output, not the process: sockets still close.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // Whatever ends the process (a signal, a crash, exit), every lab's sockets close.
  installExitCleanup();
  const plain = plainMode(options, lng);
  if (plain) return plain;
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(`${(await words())('app:needsTerminal')}\n`);
    return 2;
  }
  // Both chunks at once: the app's code and its words load side by side.
  const [{startInteractive}, instance] = await Promise.all([import('./interactive.tsx'), i18n()]);
  return startInteractive(options, instance);
}

/** The modes that print plain text (or NDJSON) and need no terminal. */
function plainMode(options: CliOptions, lng: Language): Promise<number> | undefined {
  const {stdout, stderr, stdin} = process;
  const bidi = resolveBidiMode({flag: options.bidi, env: process.env, isTTY: false}).mode;
  const width = options.width ?? (stdout.isTTY ? stdout.columns : undefined);
  switch (options.mode) {
    case 'list':
      return import('./list-mode.ts').then(({runList}) => runList({lng, packs: options.lessons, stdout, stderr, width}));
    case 'lint':
      return import('./lint-mode.ts').then(({runLint}) => runLint(options.target!, {lng, stdout}));
    case 'lesson':
      if (!options.auto) return undefined;
      return import('./lesson-mode.ts').then(({runLessonAuto}) =>
        runLessonAuto({id: options.target!, lng, json: options.json, width, bidi, packs: options.lessons, stdout, stderr}),
      );
    case 'repl':
      if (!options.script && stdin.isTTY && stdout.isTTY) return undefined;
      return import('./repl-mode.ts').then(({runReplMode}) =>
        runReplMode({lng, script: options.script, json: options.json, stdin, stdout, stderr, width, bidi, allowRemote: options.allowRemote}),
      );
    case 'app':
      return undefined;
  }
}
