// The kernel's drops in the transcripts without a screen (issue 14): the NDJSON event
// carries the counts, and the plain line says them in the learner's language.
import {describe, expect, it} from 'vitest';
import {translatorOf} from '../../src/ui/format/translate.ts';
import {jsonPrinter, plainPrinter} from '../../src/ui/plain/printer.ts';
import {ev, v4} from './helpers/fixtures.ts';
import {createTestI18n, LANGUAGES} from './helpers/i18n.ts';

const drop = ev({type: 'drop', socket: 'u1', protocol: 'udp', count: 1184, total: 1304, local: v4(6000)});
const WORDS = {
  en: 'u1: kernel dropped 1,184 datagrams: receive buffer full',
  fa: 'u1: هسته ۱٬۱۸۴ دیتاگرام را دور ریخت؛ بافر دریافت پر بود',
  ru: 'u1: ядро отбросило 1\u00a0184 датаграммы — приёмный буфер переполнен',
};

describe('kernel drops in transcripts', () => {
  for (const lng of LANGUAGES) {
    it(`${lng}: one NDJSON record with the counts, and a plain line`, () => {
      const {i18n, missing} = createTestI18n(lng);
      const t = translatorOf(i18n);
      const json: string[] = [];
      jsonPrinter((s) => json.push(s), () => t).event(drop);
      expect(json).toHaveLength(1);
      const record = JSON.parse(json[0]!) as {kind: string; event: Record<string, unknown>; text: string};
      expect(record).toMatchObject({kind: 'event', event: {type: 'drop', socket: 'u1', protocol: 'udp', count: 1184, total: 1304}, text: WORDS[lng]});
      const plain: string[] = [];
      plainPrinter((s) => plain.push(s), () => t).event(drop);
      expect(plain.join('')).toContain(WORDS[lng]);
      expect(missing).toEqual([]);
    });
  }
});
