// commands.json is complete in en, fa and ru, and every error, event and verb has words.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {PARSE_ERROR_CODES, VERBS, type CommandError} from '../../src/commands/index.ts';
import {createI18n} from '../../src/i18n/setup.ts';
import type {LabErrorCode, LabEvent} from '../../src/lab/types.ts';
import {describeError, describeEvent, describeResult, helpLines, textLines, translatorOf} from '../../src/ui/format/index.ts';

const LNGS = ['en', 'fa', 'ru'] as const;
const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/commands.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

function flatten(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

// Every LabErrorCode, checked by the compiler: a new code makes this fail to type-check.
const LAB_CODES: Record<LabErrorCode, true> = {
  EADDRINUSE: true, EACCES: true, EADDRNOTAVAIL: true, ECONNREFUSED: true, ECONNRESET: true, EPIPE: true,
  ENOENT: true, EMSGSIZE: true, ETIMEDOUT: true, EPERM: true, EUNSUPPORTED: true, ENOTLOOPBACK: true,
  ELIMIT: true, ENAME: true, ESTATE: true, EOTHER: true, ECANCELED: true,
};

describe('locales/*/commands.json', () => {
  const files = Object.fromEntries(LNGS.map((l) => [l, flatten(load(l))]));
  const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL, '')));

  it('has the same keys in every language, with that language\'s plural forms', () => {
    const en = base(files.en!.keys());
    for (const lng of LNGS) {
      expect([...base(files[lng]!.keys())].sort()).toEqual([...en].sort());
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const key of files[lng]!.keys()) {
        if (!PLURAL.test(key)) continue;
        const stem = key.replace(PLURAL, '');
        for (const c of categories) expect(files[lng]!.has(`${stem}_${c}`), `${lng}: ${stem}_${c}`).toBe(true);
      }
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const key of files.en!.keys()) {
      const stem = key.replace(PLURAL, '');
      const want = placeholders(files.en!.get(key)!);
      for (const lng of ['fa', 'ru'] as const) {
        const theirs = [...files[lng]!.entries()].filter(([k]) => k.replace(PLURAL, '') === stem);
        for (const [k, v] of theirs) expect(placeholders(v), `${lng}: ${k}`).toEqual(want);
      }
    }
  });

  it('has a summary and details for every verb', () => {
    for (const lng of LNGS) {
      for (const v of VERBS) {
        expect(files[lng]!.has(`verb.${v}.summary`), `${lng} verb.${v}.summary`).toBe(true);
        expect(files[lng]!.has(`verb.${v}.details`), `${lng} verb.${v}.details`).toBe(true);
      }
    }
  });
});

const I18NS = Object.fromEntries(await Promise.all(LNGS.map(async (lng) => [lng, await createI18n(lng)] as const)));

describe('formatters speak every language, never a raw key', () => {
  const leaked = /commands:|^\w+(\.\w+)+$|\{\{/;
  for (const lng of LNGS) {
    const t = translatorOf(I18NS[lng]!);
    it(`${lng}: every parse error and lab error`, () => {
      for (const code of PARSE_ERROR_CODES) {
        const e: CommandError = {kind: 'parse', code, at: 3, token: 'xyz', verb: 'bind', expected: 'address', allowed: ['tcp'], limit: 10, actual: 11, suggestion: 'bind', codePoint: 7};
        const text = describeError(e, t);
        expect(text.message, `${lng} ${code}`).not.toMatch(leaked);
        if (text.hint) expect(text.hint).not.toMatch(leaked);
      }
      for (const code of Object.keys(LAB_CODES) as LabErrorCode[]) {
        const extras: Partial<Extract<CommandError, {kind: 'lab'}>>[] = [
          {}, {nameProblem: 'taken'}, {noAddress: true}, {known: ['a']}, {operation: 'wait', waitingFor: 'data', timeoutMs: 5},
          ...(['sockets', 'buffered', 'scan-ports', 'descriptors'] as const).map((kind) => ({limit: {kind, max: 256}})),
          ...(['no-directory', 'not-a-directory', 'not-a-socket', 'stale-socket', 'no-permission'] as const).map((kind) => ({unixProblem: {kind, dir: '/tmp/x'}})),
        ];
        for (const extra of extras) {
          const e: CommandError = {kind: 'lab', code, operation: 'send', socket: 's', address: {kind: 'inet', address: '127.0.0.1', port: 5, family: 'IPv4'}, ...extra};
          const text = describeError(e, t);
          expect(text.message, `${lng} ${code}`).not.toMatch(leaked);
          expect(text.message.length).toBeGreaterThan(5);
          if (text.hint) expect(text.hint, `${lng} ${code} hint`).not.toMatch(leaked);
        }
      }
    });
    it(`${lng}: every event type, help for every verb`, () => {
      const ep = {kind: 'inet', address: '127.0.0.1', port: 5, family: 'IPv4'} as const;
      const b = {t: 0, seq: 1, socket: 's', protocol: 'tcp' as const, local: ep, remote: ep};
      const events: LabEvent[] = [
        {...b, type: 'socket', role: 'active'}, {...b, type: 'socket', role: 'passive'}, {...b, type: 'bind', implicit: true},
        {...b, type: 'listen', backlog: 5}, {...b, type: 'connect'}, {...b, protocol: 'udp', type: 'connect'}, {...b, type: 'disconnect'},
        {...b, type: 'accept', child: 's#1'}, {...b, type: 'data', bytes: 3, preview: 'a\u001b[2J'},
        {...b, type: 'send', bytes: 1}, {...b, type: 'send', bytes: 4096, queued: 70000}, {...b, protocol: 'udp', type: 'send', bytes: 2, to: ep},
        {...b, protocol: 'udp', type: 'message', bytes: 22, from: ep, preview: 'x'}, {...b, type: 'end', by: 'peer'},
        {...b, type: 'close', hadError: false}, {...b, type: 'close', hadError: false, dropped: 5000}, {...b, type: 'error', error: {code: 'ECONNRESET', operation: 'recv'}},
        {...b, type: 'os', change: 'state', entry: {protocol: 'tcp', local: ep, state: 'TIME_WAIT', sendQueue: 0, recvQueue: 0, inode: 1}, previousState: 'ESTABLISHED'},
      ];
      for (const e of events) {
        const text = describeEvent(e, t);
        expect(text, `${lng} ${e.type}`).not.toMatch(leaked);
        // Received data can never reach the terminal as control characters.
        expect(text).not.toMatch(/[\u0000-\u001f]/);
      }
      for (const v of [undefined, ...VERBS]) for (const line of helpLines(v, t)) expect(line).not.toMatch(leaked);
      expect(textLines(describeResult({verb: 'sockets', sockets: []}, t)).join('\n')).not.toMatch(leaked);
    });
  }
});
