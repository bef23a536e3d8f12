// Issue 12: every line printed in app mode goes through the layout — not only lessons'
// prose but the REPL transcript (a script with quotes, errors, tables and its summary),
// the lesson list, lint's report, the help text and an argument error. Each Persian
// line printed must be shaped (laid out), and every paragraph laid out must read back
// in logical order (test/support/readingOrder.ts).
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {runLint} from '../../src/cli/lint-mode.ts';
import {runList} from '../../src/cli/list-mode.ts';
import {main} from '../../src/cli/main.ts';
import {runText} from '../commands/helpers.ts';
import {laidOut, misread, unlaid} from '../support/layoutSpy.ts';

vi.mock('../../src/i18n/bidi/index.ts', async (original) => (await import('../support/layoutSpy.ts')).watchLayout(await original()));

const fixture = (name: string) => path.join(import.meta.dirname, '../lessons/fixtures', name);
const page = {lng: 'fa', bidi: 'app', width: 60} as const;

function collect() {
  let text = '';
  return {write: (s: string) => (text += s), lines: () => text.split('\n')};
}

/** Printed lines are laid out, and what was laid out reads in order. */
function expectLaidOut(lines: readonly string[]) {
  expect(lines.some((l) => /[\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(l)), 'some Persian was printed').toBe(true);
  const bare = unlaid(lines);
  expect(bare, bare.join('\n')).toEqual([]);
  const bad = misread();
  expect(bad, bad.slice(0, 8).join('\n\n')).toEqual([]);
}

afterEach(() => {
  laidOut.length = 0;
  vi.restoreAllMocks();
});

describe('plain output in Persian, app mode', () => {
  it('a REPL script: commands with quotes, an error, sockets and os tables, the summary', async () => {
    const script = [
      'listen tcp 127.0.0.1:0 as srv',
      'connect tcp srv as c1',
      'send c1 "hello, server"',
      'wait data srv#1',
      'send srv#1 "GET / HTTP/1.0\\n"',
      'sockets',
      'os',
      'bogus',
      'close c1',
    ].join('\n');
    const run = await runText(`${script}\n`, {lng: 'fa', bidi: 'app', width: 60});
    expect(run.code).toBe(1);
    expectLaidOut(run.stdout.split('\n'));
  });

  it('the lesson list', async () => {
    const out = collect();
    expect(await runList({...page, packs: [], stdout: out})).toBe(0);
    expectLaidOut(out.lines());
  });

  it("lint's report, problems and summary", async () => {
    const out = collect();
    expect(await runLint(fixture('unknown-command'), {...page, stdout: out})).toBe(1);
    expectLaidOut(out.lines());
  });

  it('the help, and an argument error with the usage', async () => {
    let stdout = '';
    let stderr = '';
    // Like a stream, the stand-ins call back: main waits for its writes to be settled.
    const sink = (add: (s: string) => void) => (s: unknown, ...rest: unknown[]) => {
      add(String(s));
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(sink((s) => (stdout += s)));
    vi.spyOn(process.stderr, 'write').mockImplementation(sink((s) => (stderr += s)));
    expect(await main(['--help', '--lang', 'fa', '--bidi', 'app', '--width', '60'])).toBe(0);
    expect(await main(['lint', '--lang', 'fa', '--bidi', 'app', '--width', '60'])).toBe(2);
    vi.restoreAllMocks();
    expectLaidOut(stdout.split('\n'));
    expectLaidOut(stderr.split('\n'));
  });
});
