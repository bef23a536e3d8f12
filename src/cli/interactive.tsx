import type {i18n} from 'i18next';
import {Text} from 'ink';
import {builtinContent} from '../content/builtin.ts';
import {parse} from 'yaml';
import type {CliOptions} from './args.ts';
import {runAppMode} from './app-mode.tsx';

export async function startInteractive(options: CliOptions, i18n: i18n): Promise<number> {
  const menu = builtinContent().lessons.map((l) => {
    const data = parse(l.text) as {id: string; concepts: string[]; steps: unknown[]};
    return {id: data.id, title: i18n.t(`${data.id}:title`), concepts: data.concepts, done: 0, total: data.steps.length, languages: ['en', 'fa', 'ru']};
  });
  return runAppMode({
    i18n,
    menu,
    initial: options.mode === 'lesson' && options.target ? {name: 'lesson', id: options.target} : undefined,
    renderLesson: (id) => <Text>{id}</Text>,
    cleanup: async () => {},
  });
}
