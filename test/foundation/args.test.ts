import {describe, expect, it} from 'vitest';
import {parseCliArgs} from '../../src/cli/args.ts';
import {languageFromEnv} from '../../src/i18n/languages.ts';

describe('parseCliArgs', () => {
  it('defaults to the interactive app', () => {
    const parsed = parseCliArgs([]);
    expect(parsed).toMatchObject({ok: true, options: {mode: 'app', help: false, color: true}});
  });

  it('reads --lang and rejects an unknown language', () => {
    expect(parseCliArgs(['--lang', 'fa'])).toMatchObject({ok: true, options: {lang: 'fa'}});
    expect(parseCliArgs(['--lang=de'])).toEqual({ok: false, error: {code: 'bad-language', option: '--lang', value: 'de'}, partial: {}});
  });

  it('names an unknown option and a missing value', () => {
    expect(parseCliArgs(['--frobnicate'])).toEqual({ok: false, error: {code: 'unknown-option', value: '--frobnicate'}, partial: {}});
    expect(parseCliArgs(['--lang'])).toEqual({ok: false, error: {code: 'missing-value', option: '--lang'}, partial: {}});
  });

  it('parses subcommands and their arguments', () => {
    expect(parseCliArgs(['lesson', 'passive-socket', '--auto', '--json', '--width', '60'])).toMatchObject({
      ok: true,
      options: {mode: 'lesson', target: 'passive-socket', auto: true, json: true, width: 60},
    });
    expect(parseCliArgs(['lint'])).toEqual({ok: false, error: {code: 'missing-argument', command: 'lint'}, partial: {}});
    // What was understood before the error is kept, so the error is said in that language and layout.
    expect(parseCliArgs(['lint', '--lang', 'fa', '--bidi', 'app', '--width', '60'])).toEqual({
      ok: false,
      error: {code: 'missing-argument', command: 'lint'},
      partial: {lang: 'fa', bidi: 'app', width: 60},
    });
    expect(parseCliArgs(['teach'])).toEqual({ok: false, error: {code: 'unknown-command', value: 'teach'}, partial: {}});
    expect(parseCliArgs(['--lesson', 'two-way'])).toMatchObject({ok: true, options: {mode: 'lesson', target: 'two-way'}});
    expect(parseCliArgs(['--lessons', 'a', '--lessons', 'b'])).toMatchObject({ok: true, options: {lessons: ['a', 'b']}});
  });

  it('validates --bidi and --width', () => {
    expect(parseCliArgs(['--bidi', 'sideways'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--bidi'}});
    expect(parseCliArgs(['--width', 'wide'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--width'}});
    expect(parseCliArgs(['--no-color'])).toMatchObject({ok: true, options: {color: false}});
  });

  it('reads --max-sockets from 1 to 65536 and names anything else', () => {
    expect(parseCliArgs(['repl', '--max-sockets', '1000'])).toMatchObject({ok: true, options: {mode: 'repl', maxSockets: 1000}});
    expect(parseCliArgs([])).toMatchObject({ok: true, options: {}});
    expect(parseCliArgs([]).ok && (parseCliArgs([]) as {options: {maxSockets?: number}}).options.maxSockets).toBeUndefined();
    for (const bad of ['0', '-5', '65537', 'many', '1e3', '']) {
      expect(parseCliArgs([`--max-sockets=${bad}`]), bad).toEqual({ok: false, error: {code: 'bad-value', option: '--max-sockets', value: bad}, partial: {}});
    }
  });

  it('--width -5 is a width that is wrong, not a missing value; the message says the range', async () => {
    expect(parseCliArgs(['--width', '-5', 'list'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--width', value: '-5'}});
    expect(parseCliArgs(['--width=-5'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--width', value: '-5'}});
    expect(parseCliArgs(['--max-sockets', '-5'])).toMatchObject({ok: false, error: {code: 'bad-value', option: '--max-sockets', value: '-5'}});
    expect(parseCliArgs(['--width'])).toMatchObject({ok: false, error: {code: 'missing-value', option: '--width'}});
    const {createI18n} = await import('../../src/i18n/setup.ts');
    const {argErrorText} = await import('../../src/cli/usage.ts');
    const error = {code: 'bad-value', option: '--width', value: '-5'} as const;
    expect(argErrorText(error, (await createI18n('en')).t)).toBe('--width takes a number of columns from 20 to 1000, not “-5”.');
    expect(argErrorText(error, (await createI18n('ru')).t)).toBe('--width принимает число столбцов от 20 до 1000, а не «-5».');
    expect(argErrorText(error, (await createI18n('fa')).t)).toContain('«-5»');
  });
});

describe('languageFromEnv', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(languageFromEnv({LANG: 'fa_IR.UTF-8'})).toBe('fa');
    expect(languageFromEnv({LANG: 'ru_RU.UTF-8'})).toBe('ru');
    expect(languageFromEnv({LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'fa_IR.UTF-8'})).toBe('ru');
    expect(languageFromEnv({LC_ALL: 'fa_IR.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8'})).toBe('fa');
    expect(languageFromEnv({LANG: 'de_DE.UTF-8'})).toBe('en');
    expect(languageFromEnv({LANG: 'C'})).toBe('en');
    expect(languageFromEnv({})).toBe('en');
  });
});
