// Component tests (ink-testing-library). The pty tests — the real app's Persian lesson
// screen and socket table, and CSI 8 h after q and Ctrl+C — come with the app screens.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import i18next from 'i18next';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {I18nextProvider} from 'react-i18next';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cellWidth, layoutCell, layoutParagraph, type BidiMode} from '../../src/i18n/bidi/index.ts';
import {BidiProvider} from '../../src/ui/components/BidiContext.tsx';
import {BidiText} from '../../src/ui/components/BidiText.tsx';
import {Calibration} from '../../src/ui/components/Calibration.tsx';

const locale = (lng: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../locales/${lng}/bidi.json`), 'utf8'));

function i18n(lng: string) {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    ns: ['bidi'],
    defaultNS: 'bidi',
    resources: {en: {bidi: locale('en')}, fa: {bidi: locale('fa')}, ru: {bidi: locale('ru')}},
    initAsync: false,
    interpolation: {escapeValue: false},
  });
  return instance;
}

function withContext(lng: string, mode: BidiMode, tree: ReactElement) {
  return (
    <I18nextProvider i18n={i18n(lng)}>
      <BidiProvider mode={mode} language={lng}>
        {tree}
      </BidiProvider>
    </I18nextProvider>
  );
}

const flush = () => new Promise((r) => setTimeout(r, 20));
const frameLines = (frame: string | undefined) => (frame ?? '').split('\n');

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const LESSON =
  'سوکت یک سر از گفت‌وگویی دوطرفه است؛ سرور روی 127.0.0.1:5000 گوش می‌دهد و هر اتصال تازه با accept یک سوکت فعال تازه می‌سازد.';

describe('BidiText', () => {
  it('Persian in app mode: lines right-aligned to the width, first line = beginning', () => {
    const r = render(withContext('fa', 'app', <BidiText text={LESSON} width={40} />));
    cleanup = r.unmount;
    const lines = frameLines(r.lastFrame());
    expect(lines).toEqual(layoutParagraph(LESSON, {mode: 'app', width: 40, defaultDirection: 'rtl'}));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(cellWidth(l)).toBe(40);
    expect(lines[0]!.endsWith('ﺖﮐﻮﺳ')).toBe(true); // «سوکت» at the right edge of line 1
    expect(lines.join('\n')).toContain('127.0.0.1:5000');
  });

  it('Persian in terminal mode: logical order, unshaped', () => {
    const r = render(withContext('fa', 'terminal', <BidiText text={LESSON} width={40} />));
    cleanup = r.unmount;
    const lines = frameLines(r.lastFrame());
    expect(lines[0]!.startsWith('سوکت یک سر')).toBe(true);
    expect(lines.join(' ')).toBe(LESSON);
  });

  it('spans keep their text (styles are checked in styled.test.ts)', () => {
    const r = render(
      withContext(
        'fa',
        'app',
        <BidiText spans={[{text: 'یک '}, {text: 'سوکت', style: {bold: true}}, {text: ' فعال'}]} width={20} />,
      ),
    );
    cleanup = r.unmount;
    expect(r.lastFrame()).toBe('        ﻝﺎﻌﻓ ﺖﮐﻮﺳ ﮏﯾ');
  });

  it.each([
    ['en', 'A socket is one endpoint of a two-way conversation, an object the operating system gives a program.'],
    ['ru', 'Сокет — это одна из конечных точек двунаправленного соединения, объект, который операционная система выдаёт программе.'],
  ])('%s passes through untouched (Ink wraps it)', (lng, text) => {
    const direct = render(<Box width={40}><Text>{text}</Text></Box>);
    const viaBidi = render(withContext(lng, 'app', <Box width={40}><BidiText text={text} width={40} /></Box>));
    cleanup = () => {
      direct.unmount();
      viaBidi.unmount();
    };
    expect(viaBidi.lastFrame()).toBe(direct.lastFrame());
  });
});

describe('a socket table stays aligned with Persian cells', () => {
  const widths = [16, 12, 16, 8];
  const rows = [
    ['وضعیت', 'آدرس محلی', 'آدرس راه دور', 'پردازش'],
    ['در حال گوش دادن', '127.0.0.1:5000', '—', '4242'],
    ['برقرار', '127.0.0.1:5000', '127.0.0.1:49152', '4242'],
    ['انتظارِ زمانی', '[::1]:80', '[::1]:51000', 'nc'],
  ];

  it.each(['app', 'terminal'] as const)('%s mode', (mode) => {
    const r = render(
      <Box flexDirection="column">
        {rows.map((row, i) => (
          <Text key={i}>
            {row.map((c, j) => layoutCell(c, widths[j]!, {mode, defaultDirection: 'rtl'})).join('│')}
          </Text>
        ))}
      </Box>,
    );
    cleanup = r.unmount;
    const lines = frameLines(r.lastFrame());
    expect(lines).toHaveLength(rows.length);
    // Every separator sits in the same cell column on every row.
    const bars = (l: string) => {
      const at: number[] = [];
      let col = 0;
      for (const ch of l) {
        if (ch === '│') at.push(col);
        col += cellWidth(ch);
      }
      return at;
    };
    for (const l of lines) expect(bars(l)).toEqual([16, 29, 46]);
    expect(lines[2]).toContain('127.0.0.1:49152');
  });
});

describe('Calibration', () => {
  it('shows the Persian sample laid out both ways, labelled 1 and 2', () => {
    const r = render(withContext('fa', 'app', <Calibration onChoose={() => {}} width={70} />));
    cleanup = r.unmount;
    const frame = r.lastFrame() ?? '';
    const sample1 = 'اگر این خط درست خوانده می‌شود، کلید ۱ را بزنید.';
    const sample2 = 'اگر این خط درست خوانده می‌شود، کلید ۲ را بزنید.';
    const [visual] = layoutParagraph(sample1, {mode: 'app', direction: 'rtl', align: false});
    expect(frame).toContain(` 1  ${visual}`);
    expect(frame).toContain(` 2  ${sample2}`);
  });

  it('asks in the UI language; the sample stays Persian', () => {
    const r = render(withContext('ru', 'app', <Calibration onChoose={() => {}} width={70} />));
    cleanup = r.unmount;
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain('какая из двух строк читается правильно?');
    expect(frame).toContain('اگر این خط درست خوانده می‌شود، کلید ۲ را بزنید.');
  });

  it.each([
    ['1', 'app'],
    ['2', 'terminal'],
    ['۱', 'app'],
    ['۲', 'terminal'],
  ])('key %s chooses %s', async (key, mode) => {
    const onChoose = vi.fn();
    const r = render(withContext('fa', 'app', <Calibration onChoose={onChoose} width={70} />));
    cleanup = r.unmount;
    await flush();
    r.stdin.write(key);
    await flush();
    expect(onChoose).toHaveBeenCalledWith(mode);
  });

  it('arrows move the choice, Enter confirms', async () => {
    const onChoose = vi.fn();
    const r = render(withContext('fa', 'app', <Calibration onChoose={onChoose} width={70} />));
    cleanup = r.unmount;
    await flush();
    r.stdin.write('\r');
    await flush();
    expect(onChoose).toHaveBeenLastCalledWith('app');
    r.stdin.write('\x1b[B');
    await flush();
    r.stdin.write('\r');
    await flush();
    expect(onChoose).toHaveBeenLastCalledWith('terminal');
    r.stdin.write('\x1b[A');
    await flush();
    r.stdin.write('\r');
    await flush();
    expect(onChoose).toHaveBeenLastCalledWith('app');
  });
});
