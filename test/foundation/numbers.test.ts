// Numbers interpolated into prose follow the language at the i18n layer itself, so no
// string can print ASCII digits by forgetting ", number"; what a learner copies stays ASCII.
import {describe, expect, it} from 'vitest';
import {createI18n} from '../../src/i18n/setup.ts';

const [fa, ru, en] = await Promise.all([createI18n('fa'), createI18n('ru'), createI18n('en')]);

describe('prose numbers through i18next', () => {

  it('a plain {{n}} is written in the language digits (hints, lint, --auto)', () => {
    expect(fa.t('lessons:runner.hint', {n: 2, total: 3})).toContain('۲');
    expect(fa.t('lessons:runner.hint', {n: 2, total: 3})).not.toMatch(/[0-9]/);
    expect(fa.t('lessons:lint.summary', {count: 12})).toMatch(/۱۲/);
    expect(fa.t('lessons:auto.failed', {count: 2})).not.toMatch(/[0-9]/);
    expect(fa.t('commands:error.parse.LINE_TOO_LONG', {count: 5000, limit: 4096})).toMatch(/۵٬۰۰۰[^]*۴٬۰۹۶/);
    expect(ru.t('commands:error.parse.LINE_TOO_LONG', {count: 5000, limit: 4096})).toContain('5\u00a0000');
    expect(en.t('lessons:runner.hint', {n: 2, total: 3})).toContain('2');
  });

  it('ports and pids stay ASCII and ungrouped in every language', () => {
    expect(fa.t('ui:diagram.port', {protocol: 'TCP', port: 50000})).toContain('50000');
    expect(fa.t('commands:os.owner', {pid: 12345, program: 'node'})).toContain('12345');
    expect(ru.t('commands:os.owner', {pid: 12345, program: 'node'})).toContain('12345');
  });

  it('strings pass through untouched (addresses, commands, preformatted values)', () => {
    expect(fa.t('lessons:runner.runs', {line: 'listen tcp 127.0.0.1:0 as srv'})).toContain('listen tcp 127.0.0.1:0 as srv');
  });

  it('plural forms are still chosen from the number', () => {
    expect(ru.t('commands:result.sockets', {count: 1})).toMatch(/^1 сокет:/);
    expect(ru.t('commands:result.sockets', {count: 3})).toMatch(/^3 сокета:/);
    expect(ru.t('commands:result.sockets', {count: 5})).toMatch(/^5 сокетов:/);
    expect(fa.t('commands:result.sockets', {count: 3})).toMatch(/^۳ /);
  });
});

describe('counters', () => {
  it('", digits" writes the language digits without grouping (the event log time column)', () => {
    expect(fa.t('ui:log.at', {ms: 12345})).toBe('۱۲۳۴۵');
    expect(ru.t('ui:log.at', {ms: 12345})).toBe('12345');
    expect(en.t('ui:log.at', {ms: 12345})).toBe('12345');
  });
});
