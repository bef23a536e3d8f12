// Issue 12: every app-mode Persian line reads in logical order when read the way a
// Persian reader reads mixed text (test/support/readingOrder.ts, which knows nothing of
// the app's layout code). Here: the checker itself (it must be able to fail), prose
// written to provoke the layout (quotes, lists, paths, commands, parentheses, mixed
// digits), and every Persian paragraph in locales/fa, at widths 40, 60 and 100, through
// both ways Persian reaches a terminal: plain output (layoutText) and the panes
// (textLayout.wrap). Whole lessons with live values: lessonReading.test.ts.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasRtl, layoutText} from '../../src/i18n/bidi/index.ts';
import {directedLayout} from '../../src/ui/layout/textLayout.ts';
import {explain, readingOrder, readsAs, words} from '../support/readingOrder.ts';

const WIDTHS = [40, 60, 100];
/** Letters written right to left by hand, to build screen lines for the checker's own tests. */
const rev = (s: string) => [...s].reverse().join('');

describe('the reading-order checker', () => {
  it.each([
    // [logical, a screen line that reads right, one that does not]
    ['فرمان send uc "ping" را', `${rev('را')} send uc "ping" ${rev('فرمان')}`, `${rev('را')} "ping" send uc ${rev('فرمان')}`],
    ['پروتکل‌ها (TCP, UDP) هستند', `${rev('هستند')} (TCP, UDP) ${rev('پروتکل‌ها')}`, `${rev('هستند')} (UDP ,TCP) ${rev('پروتکل‌ها')}`],
    ['روی 127.0.0.1:5000 bind شد', `${rev('شد')} 127.0.0.1:5000 bind ${rev('روی')}`, `${rev('شد')} bind 127.0.0.1:5000 ${rev('روی')}`],
    ['فراخوانی listen، connect و accept', `accept ${rev('و')} listen، connect ${rev('فراخوانی')}`, `accept ${rev('و')} connect ،listen ${rev('فراخوانی')}`],
    ['پورت ۱۲۳ و ۴۵', `۴۵ ${rev('و')} ۱۲۳ ${rev('پورت')}`, `۳۲۱ ${rev('و')} ۴۵ ${rev('پورت')}`],
  ])('%s', (logical, right, wrong) => {
    expect(readsAs([right], logical).ok, readingOrder(right)).toBe(true);
    expect(readsAs([wrong], logical).ok, readingOrder(wrong)).toBe(false);
  });

  it('reads presentation forms and the lam-alef ligature as letters', () => {
    // 'ﻥﻵﺍ ﺱﻼﮐ' is «کلاس الآن» drawn left to right by a shaping terminal.
    expect(words(readingOrder('ﻥﻵﺍ ﺱﻼﮐ'))).toEqual(words('کلاس الآن'));
  });

  it('lines read one after another; a word cut between lines counts once', () => {
    expect(readsAs([rev('بب'), rev('ینید')], 'ببینید').ok).toBe(true);
    expect(readsAs([rev('دو'), rev('یک')], 'یک دو').ok).toBe(false);
    expect(readsAs([rev('یک')], 'یک دو').ok, 'a word left out').toBe(false);
  });
});

// Prose written to provoke the layout: native Persian, Latin runs of every kind.
const PROVOKING = [
  'برنامه اجرا می‌کند: send uc "ping" و پاسخ را می‌خواند.',
  'در درس دوم فرمان sendto udp s1 "hello, s1" as s2 را خودتان اجرا کنید.',
  'مرورگر می‌نویسد send browser "GET / HTTP/1.0\\n" و منتظر پاسخ می‌ماند.',
  'دو پروتکل اصلی (TCP, UDP) هر کدام فضای پورت جداگانه‌ای دارند.',
  'فراخوانی‌های اصلی listen، connect، accept، send هستند و در هر زبانی همین نام‌ها را دارند.',
  'با netcat: nc -U /tmp/socket-lessons/echo.sock به سوکت یونیکس وصل شوید.',
  'سوکت‌های Unix (AF_UNIX) به جای آدرس IP یک مسیر فایل دارند، مثلاً /tmp/a.sock.',
  'c1 می‌فرستد «hello, server». این پیام کجا می‌رسد؟',
  'سرور روی 127.0.0.1:5000 bind شد و حالا روی [::1]:8080 هم گوش می‌دهد.',
  'c1 وصل شد: 127.0.0.1:40960 → 127.0.0.1:34431 و srv#1 آن را پذیرفت.',
  'مثلاً: send c1 is anyone there? — یا برعکس: send srv#1 yes, I am here',
  'پورت 53 روی TCP با پورت 53 روی UDP یکی نیست؛ ۲ سوکت جدا هستند.',
  'از ۶۵۵۳۵ پورت، پورت‌های 1 تا 1023 دسترسی ویژه می‌خواهند (روی لینوکس، مگر CAP_NET_BIND_SERVICE).',
  'مقدار ۱۲٫۵ درصد را با 12.5% مقایسه کنید: 3 سوکت از ۲۴ سوکت.',
  'پرچم‌های ss -tlnp و lsof -i :5000 هر دو این ردیف را نشان می‌دهند.',
  'فایل ~/.config/socket-lessons/progress.json پیشرفت شما را نگه می‌دارد.',
  'دستور listen tcp 127.0.0.1:0 as srv را بنویسید، سپس sockets را.',
  'اول close c1، بعد close srv#1: حالا ردیف TIME_WAIT را در نمای سیستم‌عامل می‌بینید.',
  'وضعیت‌ها (LISTEN، ESTABLISHED، TIME_WAIT) را کرنل تعیین می‌کند، نه برنامه.',
  'کلید q یا Ctrl+C برنامه را می‌بندد؛ با ? راهنما باز می‌شود.',
  '«connect» یعنی وصل شدن و «accept» یعنی پذیرفتن.',
  'سه سوکت: srv (گوش می‌دهد)، c1 (متصل) و srv#1 (متصل).',
  'نتیجه: "hello" رسید، اما "bye" نه.',
  'آدرس {{address}} و پورت {{port}} را ببینید.',
];

function persianParagraphs(): {where: string; text: string}[] {
  const dir = join(import.meta.dirname, '../../locales/fa');
  const out: {where: string; text: string}[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const p of value.split(/\r?\n/)) if (hasRtl(p)) out.push({where: path, text: p});
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
  }
  return out;
}

const screen = directedLayout('app', true);
const paths = {
  plain: (text: string, width: number) => layoutText(text, {rtl: true, mode: 'app', width}),
  pane: (text: string, width: number) => screen.wrap(text, width),
};

function misread(paragraphs: readonly {where: string; text: string}[]): string[] {
  const bad: string[] = [];
  for (const {where, text} of paragraphs) {
    for (const width of WIDTHS) {
      for (const [name, lay] of Object.entries(paths)) {
        const lines = lay(text, width);
        const r = readsAs(lines, text);
        if (!r.ok) bad.push(`${where} at ${width} (${name}):\n${explain(r, lines, text)}`);
      }
    }
  }
  return bad;
}

describe('Persian lines read in logical order (app mode)', () => {
  it('prose written to provoke it, at widths 40, 60 and 100', () => {
    const bad = misread(PROVOKING.map((text, i) => ({where: `provoking[${i}]`, text})));
    expect(bad, bad.join('\n\n')).toEqual([]);
  });

  it('every Persian paragraph in locales/fa, at widths 40, 60 and 100', () => {
    const paragraphs = persianParagraphs();
    expect(paragraphs.length).toBeGreaterThan(100);
    const bad = misread(paragraphs);
    expect(bad, bad.slice(0, 10).join('\n\n')).toEqual([]);
  });
});
