import {describe, expect, it} from 'vitest';
import {isolateLtrRuns} from '../../src/i18n/bidi/isolate.ts';

const show = (s: string) => isolateLtrRuns(s).text.replace(/\u2066/g, '<').replace(/\u2069/g, '>');

describe('isolateLtrRuns', () => {
  it.each([
    ['پورت 5000 باز است', 'پورت <5000> باز است'],
    ['روی 127.0.0.1:5000.', 'روی <127.0.0.1:5000>.'],
    ['به [::1]:80، وصل شو', 'به <[::1]:80>، وصل شو'],
    ['(TCP)', '(<TCP>)'],
    ['(پورت 80)', '(پورت <80>)'],
    ['«listen»', '«<listen>»'],
    ['دستور listen tcp 127.0.0.1:0 as srv را', 'دستور <listen tcp 127.0.0.1:0 as srv> را'],
    ['TCP و UDP', '<TCP> و <UDP>'],
    ['کلید q یا Ctrl+C', 'کلید <q> یا <Ctrl+C>'],
    ['a -> b', '<a -> b>'],
    ['5000. سپس 6000', '<5000>. سپس <6000>'],
    ['{{port}} را ببینید', '<{{port}}> را ببینید'],
    ['فقط فارسی، بدون عدد لاتین. ۱۲۳', 'فقط فارسی، بدون عدد لاتین. ۱۲۳'],
    // Issue 12: a Latin run with punctuation between its words is one unit.
    ['فرمان send uc "ping" را', 'فرمان <send uc "ping"> را'],
    ['اجرا: send browser "GET / HTTP/1.0\\n" و', 'اجرا: <send browser "GET / HTTP/1.0\\n"> و'],
    ['فرمان sendto udp s1 "hello, s1" as s2 را', 'فرمان <sendto udp s1 "hello, s1" as s2> را'],
    ['دو پروتکل (TCP, UDP) هست', 'دو پروتکل (<TCP, UDP>) هست'],
    ['فراخوانی‌های listen، connect، accept، send هستند', 'فراخوانی‌های <listen، connect، accept، send> هستند'],
    ['با netcat: nc -U /tmp/a.sock وصل شوید', 'با <netcat: nc -U /tmp/a.sock> وصل شوید'],
    ['سوکت‌های Unix (AF_UNIX) مسیر دارند', 'سوکت‌های <Unix (AF_UNIX)> مسیر دارند'],
    ['می‌فرستد «hello, server». این', 'می‌فرستد «<hello, server>». این'],
    ['127.0.0.1:5000 bind شد', '<127.0.0.1:5000 bind> شد'],
    ['وصل شد: 127.0.0.1:40960 → 127.0.0.1:5000', 'وصل شد: <127.0.0.1:40960 → 127.0.0.1:5000>'],
    // Punctuation inside a quotation is the quotation's; after a run, the sentence's.
    ['پیام "is anyone there?" را', 'پیام "<is anyone there?>" را'],
    ['بنویسید «send c1 hi!» و', 'بنویسید «<send c1 hi!>» و'],
    ['مثلاً send c1 hi? — یا', 'مثلاً <send c1 hi?> — یا'],
    ['مثلاً send c1 hi! — یا', 'مثلاً <send c1 hi>! — یا'],
    ['اول bind. سپس listen.', 'اول <bind>. سپس <listen>.'],
    ['روسی — Русский', 'روسی — Русский'],
  ])('%s', (input, expected) => {
    expect(show(input)).toBe(expected);
  });

  it('leaves text with its own bidi controls alone', () => {
    const s = 'پورت \u2066[::1]:80\u2069';
    expect(isolateLtrRuns(s).text).toBe(s);
  });

  it('maps every character back to its source; inserted controls to -1', () => {
    const {text, source} = isolateLtrRuns('پورت 80');
    expect(source).toHaveLength(text.length);
    expect(source).toEqual([0, 1, 2, 3, 4, -1, 5, 6, -1]);
  });
});
