import {createI18n} from '../i18n/setup.ts';
import {languageFromEnv} from '../i18n/languages.ts';
import {parseCliArgs, type CliOptions} from './args.ts';
import {argErrorText, usageText} from './usage.ts';
import {appVersion} from './version.ts';

/** Parses arguments, picks the mode and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const lng = (parsed.ok && parsed.options.lang) || languageFromEnv(process.env);
  const i18n = createI18n(lng);
  const t = i18n.t.bind(i18n);
  if (!parsed.ok) {
    process.stderr.write(`${argErrorText(parsed.error, t)}\n\n${usageText(t)}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${usageText(t)}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${appVersion()}\n`);
    return 0;
  }
  return runMode(options, i18n);
}

async function runMode(options: CliOptions, i18n: ReturnType<typeof createI18n>): Promise<number> {
  const t = i18n.t.bind(i18n);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(`${t('app:needsTerminal')}\n`);
    return 2;
  }
  const {startInteractive} = await import('./interactive.tsx');
  return startInteractive(options, i18n);
}
