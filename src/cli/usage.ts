import type {TFunction} from 'i18next';
import type {ArgError} from './args.ts';

export function usageText(t: TFunction): string {
  return [
    `${t('app:name')} — ${t('app:tagline')}`,
    '',
    `${t('app:usage.title')}:`,
    indent(t('app:usage.lines')),
    '',
    `${t('app:usage.optionsTitle')}:`,
    indent(t('app:usage.options')),
    '',
    t('app:usage.deno'),
  ].join('\n');
}

const ERROR_KEYS: Record<ArgError['code'], string> = {
  'unknown-option': 'app:errors.unknownOption',
  'bad-language': 'app:errors.badLanguage',
  'bad-value': 'app:errors.badValue',
  'missing-value': 'app:errors.missingValue',
  'unknown-command': 'app:errors.unknownCommand',
  'missing-argument': 'app:errors.missingArgument',
  'extra-argument': 'app:errors.extraArgument',
};

export function argErrorText(error: ArgError, t: TFunction): string {
  // A width has a range worth saying; other values just name what was given.
  if (error.code === 'bad-value' && error.option === '--width') return t('app:errors.badWidth', {...error});
  return t(ERROR_KEYS[error.code], {...error});
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
