// The `sockets` and `os` answers in the lesson's prose and in the REPL transcript are
// tables laid out cell by cell: on a Persian screen (app mode) the columns run right to
// left, each cell ends under its header's end, nothing is wider than the pane; in English
// the rows are the same text table as before.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import type {Outcome, Result} from '../../src/commands/outcome.ts';
import {parseLine} from '../../src/commands/parse.ts';
import {initialState, type LessonState} from '../../src/lessons/state.ts';
import type {Lesson} from '../../src/lessons/types.ts';
import {proseLines} from '../../src/ui/app/lesson/proseLines.ts';
import {describeResult, tableText, translatorOf, type Translate} from '../../src/ui/format/index.ts';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {transcriptLines} from '../../src/ui/repl/transcript.ts';
import {TranscriptView} from '../../src/ui/repl/TranscriptView.tsx';
import {testContext} from './helpers/context.ts';
import {visual} from './helpers/expect.ts';
import {c6Sockets, osView, udpSockets} from './helpers/fixtures.ts';
import {createTestI18n, type Lng} from './helpers/i18n.ts';
import {frameLines, renderIn} from './helpers/render.tsx';

const sockets = [...c6Sockets(2), ...udpSockets().slice(0, 1)];
const NAMES = ['srv', 'c1', 'srv#1', 'c2', 'srv#2', 'u1'];

function outcome(line: string, result: Result): Outcome {
  const parsed = parseLine(line);
  if (!parsed.ok) throw new Error(line);
  return {ok: true, line, events: [], command: parsed.command, result};
}
const socketsOutcome = outcome('sockets', {verb: 'sockets', sockets});
const osOutcome = outcome('os', {verb: 'os', view: osView()});

const lesson: Lesson = {
  id: 'tables',
  order: 1,
  file: 'lessons/01-tables.yaml',
  pack: 'builtin',
  concepts: ['C6'],
  requires: [],
  steps: [{kind: 'run', commands: ['sockets', 'os'], requires: [], line: 1}],
  languages: ['en', 'fa', 'ru'],
};

function ranState(): LessonState {
  const state = initialState(lesson);
  state.phase = 'ready';
  state.steps[0] = {
    ...state.steps[0]!,
    status: 'complete',
    commands: [
      {line: 'sockets', source: 'lesson', outcome: socketsOutcome},
      {line: 'os', source: 'lesson', outcome: osOutcome},
    ],
  };
  return state;
}

function words(lng: Lng): Translate {
  return translatorOf(createTestI18n(lng).i18n);
}

function prose(lng: Lng, width: number, bidi: 'app' | 'off' = 'app'): string[] {
  return proseLines({lesson, state: ranState(), prose: (key) => key, t: words(lng), width, cursor: 0}, testContext(lng, {bidi})).map(plain);
}

function transcript(lng: Lng, width: number, bidi: 'app' | 'off' = 'app'): string[] {
  const lines = transcriptLines([{key: 0, line: 'sockets', outcome: socketsOutcome}, {key: 1, line: 'os', outcome: osOutcome}], words(lng));
  const r = renderIn(lng, <TranscriptView lines={lines} width={width} height={40} empty="" />, {bidi});
  const frame = frameLines(r.lastFrame());
  r.unmount();
  return frame;
}

/** Runs of text split where two or more spaces are, with their first and last cell. */
function cells(line: string): {text: string; start: number; end: number}[] {
  const out: {text: string; start: number; end: number}[] = [];
  let x = 0;
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
    const start = stringWidth(line.slice(0, m.index));
    x = start + stringWidth(m[0]);
    out.push({text: m[0], start, end: x - 1});
  }
  return out;
}

/** The header line whose cells include `first` (as the screen shows it) and the rows under it. */
function table(lines: readonly string[], first: string, rows: number) {
  const at = lines.findIndex((l) => cells(l).some((c) => c.text === first || c.text.endsWith(` ${first}`)));
  expect(at, `no header with ${first}:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  return {header: lines[at]!, rows: lines.slice(at + 1, at + 1 + rows)};
}

/** Cells that do not end (right to left) or start (left to right) where a header cell does. */
function misaligned(header: string, rows: readonly string[], direction: 'rtl' | 'ltr'): string[] {
  const edge = (c: {start: number; end: number}) => (direction === 'rtl' ? c.end : c.start);
  const columns = new Set(cells(header).map(edge));
  return rows.flatMap((row) => cells(row).filter((c) => !columns.has(edge(c))).map((c) => `${JSON.stringify(c.text)} at ${edge(c)} in ${JSON.stringify(row)}`));
}

describe('sockets and os answers as tables', () => {
  for (const [where, draw, widths] of [
    ['the prose pane', prose, [50, 66, 80, 120]],
    ['the REPL transcript', transcript, [46, 60, 96]],
  ] as const) {
    for (const width of widths) {
      it(`fa (app) in ${where} at ${width} cells: mirrored, aligned at the cells' ends, never wider`, () => {
        const lines = draw('fa', width);
        for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        const s = table(lines, visual('نام'), NAMES.length);
        // Right to left: the name is the rightmost cell, the protocol stands left of it.
        expect(s.rows.map((r) => cells(r).at(-1)?.text)).toEqual(NAMES);
        expect(s.rows.map((r) => cells(r).at(-2)?.text)).toEqual(['tcp', 'tcp', 'tcp', 'tcp', 'tcp', 'udp']);
        expect(cells(s.header).at(-1)?.text).toBe(visual('نام'));
        expect(misaligned(s.header, s.rows, 'rtl')).toEqual([]);
        // The OS view: protocol rightmost, then the local address (its port always shows),
        // and the kernel's state whole.
        const first = lines.findIndex((l) => l.includes('LISTEN'));
        const os = {header: lines[first - 1]!, rows: lines.slice(first, first + 6)};
        expect(os.rows.map((r) => cells(r).at(-1)?.text)).toEqual(['tcp', 'tcp', 'tcp', 'tcp', 'udp', 'tcp']);
        expect(os.rows.map((r) => cells(r).at(-2)?.text)).toEqual([
          expect.stringMatching(/:5000$/),
          expect.stringMatching(/:5000$/),
          expect.stringMatching(/:54002$/),
          expect.stringMatching(/:54003$/),
          expect.stringMatching(/:6000$/),
          expect.stringMatching(/:8080$/),
        ]);
        for (const state of ['LISTEN', 'ESTABLISHED', 'TIME_WAIT', 'UNCONN']) expect(os.rows.join('\n')).toContain(state);
        expect(misaligned(os.header, os.rows, 'rtl')).toEqual([]);
      });
    }
  }

  it('en: the rows are the text table, as before (prose and transcript alike)', () => {
    const t = words('en');
    const text = [...tableText(describeResult({verb: 'sockets', sockets}, t).table!), ...tableText(describeResult({verb: 'os', view: osView()}, t).table!)];
    const shown = (lines: readonly string[]) => lines.map((l) => l.trim()).filter((l) => text.includes(l));
    expect(shown(prose('en', 120))).toEqual(text);
    expect(shown(transcript('en', 120))).toEqual(text);
    // Narrow, the columns stay aligned (cut, not wrapped): every row starts its cells under the header's.
    const narrow = prose('en', 50);
    for (const line of narrow) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    const s = table(narrow, 'NAME', NAMES.length);
    expect(s.rows.map((r) => cells(r)[0]?.text)).toEqual(NAMES);
    expect(misaligned(s.header, s.rows, 'ltr')).toEqual([]);
  });

  it('off mode (the terminal lays Persian out): the logical text table, left to right', () => {
    const lines = prose('fa', 120, 'off');
    const s = table(lines, 'نام', NAMES.length);
    expect(s.rows.map((r) => cells(r)[0]?.text)).toEqual(NAMES);
  });
});
