// The house style of the prose (docs/glossary.md), checked so that old wording cannot come
// back: Persian spelling and terms, Persian digits, Russian terms and plural agreement, and
// the technical statements issue 12 corrected, in all three languages.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../e2e/pty-rig.ts';

type Strings = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Strings): void {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`, out);
  } else {
    out.set(prefix, String(value));
  }
}

function load(lng: string): Strings {
  const dir = path.join(ROOT, 'locales', lng);
  const all: Strings = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    flatten(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), `${file.slice(0, -5)}:`, all);
  }
  return all;
}

const en = load('en');
const fa = load('fa');
const ru = load('ru');
const LESSONS = new Set(fs.readdirSync(path.join(ROOT, 'lessons')).map((f) => f.replace(/^\d+-/, '').replace(/\.yaml$/, '')));
const isLesson = (key: string) => LESSONS.has(key.split(':')[0]!);

/** Keys whose text matches `pattern`, with the match, for a readable failure. */
function offenders(strings: Strings, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const [key, text] of strings) {
    const m = text.match(pattern);
    if (m) out.push(`${key}: …${m[0]}…`);
  }
  return out;
}

/** Text with placeholders removed: {{x}} from i18next, {name.port} from lessons. */
const withoutPlaceholders = (s: string) => s.replace(/\{\{[^}]*\}\}|\{[\w#.-]+\}/g, ' ');

describe('Persian style', () => {
  it('«سیستم‌عامل» is one word with a ZWNJ, never split by a space', () => {
    expect(offenders(fa, /سیستم[\s\u00a0]+عامل/)).toEqual([]);
  });

  it('ezafe after a silent h is written ـهٔ, in one way only', () => {
    expect(offenders(fa, /ه\u200cی(?=[\s،.:؛!?»)"]|$)/)).toEqual([]); // «همه‌ی»
    expect(offenders(fa, /\u06c0/)).toEqual([]); // «ۀ» as one letter
    // Glossary compounds that need the ezafe mark.
    expect(offenders(fa, /(شماره|نقطه|دامنه|هسته|بسته|همه) (پورت|پایانی|یونیکس|سیستم‌عامل|داده|درس|سوکت‌ها|درس‌ها|انواع)/)).toEqual([]);
  });

  it('one term per concept: فهرست رویدادها, ردیف, فایل, دستگاه, دسترسی ویژه, گفت‌وگو', () => {
    expect(offenders(fa, /پرونده|سطر|ممتاز|رایانه|ماشین|کامپیوتر|گفتگو/)).toEqual([]);
    // گزارش only as the verb «to report», never as the name of the event log.
    expect(offenders(fa, /گزارش(?!\s*(?:می‌|نمی‌|داد|شد|شده|کرد|کند|کنند|دهد))/)).toEqual([]);
    // One spelling of «here/there/that».
    expect(offenders(fa, /این\u200cجا|آن\u200cجا|این\u200cکه|آن\u200cکه/)).toEqual([]);
  });

  it('formal register, no calques the review found', () => {
    expect(offenders(fa, /نشانت(?!ان)|نه کاملاً|کوچک‌تر از connect|در پرونده خود|همین سوابق/)).toEqual([]);
  });

  it('socket states carry the same labels in the app table and in command answers', () => {
    for (const state of ['new', 'bound', 'listening', 'connecting', 'connected', 'half-closed', 'closed']) {
      for (const strings of [fa, ru]) expect(strings.get(`ui:state.${state}`), state).toBe(strings.get(`commands:state.${state}`));
    }
    expect(fa.get('ui:state.listening')).toBe('گوش می‌دهد');
  });

  // Ports and addresses stay ASCII so they can be typed; every other number is Persian.
  const PORT_NUMBERS = new Set(['0', '1', '21', '53', '80', '1024', '8080', '32768', '60999', '65535']);
  it('numbers in prose are Persian digits; ASCII only in code, addresses and port numbers', () => {
    const bad: string[] = [];
    for (const [key, text] of fa) {
      // Runs of non-Persian words: one containing a Latin letter is code (a command, a name).
      const runs = withoutPlaceholders(text).split(/[\u0600-\u06ff\u200c\u00ab\u00bb]+/);
      for (const run of runs) {
        if (/[A-Za-z]/.test(run)) continue;
        for (const token of run.split(/\s+/).map((t) => t.replace(/^[^\d]+|[^\d]+$/g, '')).filter((t) => /\d/.test(t))) {
          const address = /[.:]/.test(token) || /^\d+-\d+$/.test(token);
          if (!address && !PORT_NUMBERS.has(token)) bad.push(`${key}: ${token}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('Russian style', () => {
  it('no calques the review found, one term each', () => {
    expect(offenders(ru, /Сокеты датаграмм|UDP коротко|сканер выдаёт закономерность|соединениями к одному|ожидания выполнены/)).toEqual([]);
    // «собеседник по умолчанию» for UDP's default peer, also in the command help.
    expect(offenders(ru, /получател\S* по умолчанию/)).toEqual([]);
    // A host is «узел»; a machine is «компьютер».
    expect(offenders(ru, /[Хх]ост|[Мм]ашин/)).toEqual([]);
  });

  it('a number in front of a noun agrees with it: only {{count}} with plural keys stands there', () => {
    // Nouns that change with the number («1 символ», «3 символа», «5 символов»).
    const NOUN = /^(символ|байт|порт|сокет|строк|урок|ошиб|проблем|команд|запис|элемент|вариант|секунд|миллисекунд|событи|датаграмм|чтени|шаг|соединени)/i;
    const NUMERIC = /\{\{(actual|limit|n|total|done|matched|failed|open|column|ms|min|answer|choices|step|count)(?:, number)?\}\}\s+([а-яё]+)/gi;
    const bad: string[] = [];
    for (const [key, text] of ru) {
      for (const m of text.matchAll(NUMERIC)) {
        if (!NOUN.test(m[2]!)) continue;
        if (m[1] !== 'count' || !/_(one|few|many|other)$/.test(key)) bad.push(`${key}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a list of names is always a plural key, so «наш»/«наши» agree with it', () => {
    for (const strings of [en, fa, ru]) {
      const single = [...strings].filter(([k, v]) => v.includes('{{names}}') && !/_(one|few|many|other)$/.test(k)).map(([k]) => k);
      expect(single).toEqual([]);
    }
  });
});

describe('prose never names a state the screen shows differently', () => {
  // The socket table shows translated state labels in fa and ru, so prose must quote those.
  it.each([['fa', fa], ['ru', ru]] as const)('%s lesson prose does not use the English state words', (_lng, strings) => {
    const lessons = new Map([...strings].filter(([k]) => isLesson(k)));
    expect(offenders(lessons, /(?<![\w-])(?:state|وضعیت|состояние)\W{0,4}(?:new|bound|listening|connecting|connected|half-closed)\b/i)).toEqual([]);
  });
});

describe('the technical statements corrected in issue 12 stay corrected', () => {
  const all = {en, fa, ru};
  const each = (fn: (s: Strings, lng: string) => void) => {
    for (const [lng, strings] of Object.entries(all)) fn(strings, lng);
  };
  const text = (s: Strings, key: string) => {
    const v = s.get(key);
    if (v === undefined) throw new Error(`no ${key}`);
    return v;
  };

  it('TCP bind and socket(): what C does, and what this runtime does', () => {
    each((s, lng) => {
      for (const key of ['commands:verb.bind.details', 'commands:result.bindRecorded', 'commands:verb.socket.details', 'what-is-a-socket:no-address', 'connect-and-refused:chosen']) {
        expect(text(s, key), `${lng} ${key}`).toMatch(/Node\.js/);
      }
      for (const key of ['commands:verb.bind.details', 'commands:result.bindRecorded', 'commands:verb.socket.details']) {
        expect(text(s, key), `${lng} ${key}`).toMatch(/(^|[^A-Za-z])C([^A-Za-z+#]|$)/);
      }
    });
  });

  it('closing: half-close and CLOSE_WAIT, TIME_WAIT with its Linux exception', () => {
    each((s, lng) => {
      expect(text(s, 'close-and-time-wait:summary'), lng).toMatch(/CLOSE_WAIT/);
      expect(text(s, 'close-and-time-wait:wrap-up'), lng).toMatch(/CLOSE_WAIT/);
      expect(text(s, 'close-and-time-wait:why-time-wait'), lng).toMatch(/SYN/);
      expect(text(s, 'commands:verb.close.details'), lng).toMatch(/CLOSE_WAIT/);
    });
    expect(text(en, 'close-and-time-wait:wrap-up')).not.toMatch(/closes as well/);
  });

  it('a socket may have several owners; the last one closes it', () => {
    each((s, lng) => expect(text(s, 'owner-process:threads'), lng).toMatch(/fork[^]*ss -p/));
  });

  it('a port number belongs to a protocol, not «number plus IP plus protocol»', () => {
    expect(offenders(en, /number plus an IP address plus/)).toEqual([]);
    expect(offenders(fa, /عدد به‌علاوه/)).toEqual([]);
    expect(offenders(ru, /номер плюс IP-адрес плюс/)).toEqual([]);
  });

  it('only one socket may bind an address; accept still shares one', () => {
    each((s, lng) => expect(text(s, 'bind-and-port-zero:q-taken-why'), lng).toMatch(/accept[^]*SO_REUSEPORT/));
  });

  it('the smaller corrections', () => {
    each((s, lng) => {
      expect(text(s, 'port-scan:wrap-up'), lng).toMatch(/SYN/);
      expect(text(s, 'udp-connect:q-filter-why'), lng).toMatch(/ICMP/);
      expect(text(s, 'datagrams:q-unbound-receiver-why'), lng).toMatch(/connect/);
      expect(text(s, 'datagrams:q-first-send-why'), lng).toMatch(/UDP[^]* 0/);
      expect(text(s, 'ephemeral-ports:outro'), lng).toMatch(/TIME_WAIT/);
      expect(text(s, 'what-is-a-socket:arrived'), lng).toMatch(/UDP/);
    });
    // HTTP/2 puts many tabs on one connection: say parallel connections instead.
    expect(offenders(new Map([['en', text(en, 'ephemeral-ports:replies')], ['fa', text(fa, 'ephemeral-ports:replies')], ['ru', text(ru, 'ephemeral-ports:replies')]]), /tabs|زبانه|вкладк/)).toEqual([]);
    // Established TCP is matched on the 4-tuple; the destination port decides among listeners.
    expect(text(en, 'services-by-port:demux')).toMatch(/4-tuple/);
    expect(text(fa, 'services-by-port:demux')).toMatch(/چهارتایی/);
    expect(text(ru, 'services-by-port:demux')).toMatch(/четвёрк/);
  });
});
