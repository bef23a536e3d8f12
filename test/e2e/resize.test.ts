// Issue 7: "Resizing re-lays out live." A lesson open at 120×40 (side by side) is shrunk
// to 80×24 (stacked), then to 50×20 (one pane behind a tab bar), and grown back; at each
// size the layout is the right kind, clean, and the keys still work.
import {afterEach, describe, expect, it} from 'vitest';
import {exitCode, expectCleanLayout, startFresh, stepCounter, type Started} from './helpers.ts';
import {layoutProblems} from './screen-checks.ts';
import {hasDeno, KEYS, type AppProcess, type Runtime} from './pty-rig.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const step = (n: number) => stepCounter(n, 16);

let started: Started | undefined;
afterEach(async () => {
  await started?.dispose();
  started = undefined;
});

type Kind = 'side' | 'stacked' | 'tabs';

/** Which layout the screen shows, read from the pane borders under the title line. */
function layoutKind(app: AppProcess): Kind | undefined {
  const [, second = '', third = ''] = app.screen();
  // Two panes' top borders on one row: side by side.
  if (/^[┏┌].*[┓┐][┏┌].*[┓┐]$/.test(second)) return 'side';
  // A row of pane names separated by │, then one pane as wide as the screen.
  if (second.includes(' │ ') && !/^[┏┌]/.test(second) && /^[┏┌].*[┓┐]$/.test(third)) return 'tabs';
  if (/^[┏┌][^┐┓]*[┓┐]$/.test(second)) return 'stacked';
  return undefined;
}

/** The focused pane: the title that carries ▸ in a heavy top border (or in the tab bar). */
function focusedTitle(app: AppProcess): string {
  const rows = app.screen();
  const tabs = layoutKind(app) === 'tabs';
  const row = tabs ? rows[1]! : rows.find((r) => r.includes('━ ▸ ') || r.includes(' ▸ ━'))!;
  // Left to right "━ ▸ Title ━"; in a tab bar "▸ Title │".
  const match = tabs ? /▸ ([^│]+?)\s*(│|$)/.exec(row) : /━ ▸ (.+?) ━/.exec(row);
  return match?.[1]?.trim() ?? '';
}

/**
 * Resizes and waits for the settled frame: the expected kind of layout, the title line
 * (the step counter) on the first row, and no layout problem. A resize may pass through
 * an intermediate frame first (the old tree at the new width).
 */
async function expectLayout(app: AppProcess, columns: number, rows: number, kind: Kind, title: RegExp): Promise<void> {
  app.resize(columns, rows);
  const settled = () => layoutKind(app) === kind && title.test(app.screen()[0] ?? '') && layoutProblems(app.rows(), columns).length === 0;
  await app.waitFor(settled, 10_000).catch(() => {
    const problems = layoutProblems(app.rows(), columns);
    throw new Error(`expected a clean ${kind} layout at ${columns}×${rows} (found ${layoutKind(app)}; ${problems.join('; ') || 'title not on row 0'}), screen:\n${app.screen().join('\n')}`);
  });
}

/** Tab moves the focus to another pane, Shift+Tab brings it back. */
async function expectTabCycles(app: AppProcess): Promise<void> {
  const first = focusedTitle(app);
  expect(first).not.toBe('');
  app.write(KEYS.tab);
  await app.waitFor(() => focusedTitle(app) !== first && focusedTitle(app) !== '');
  app.write('\x1b[Z'); // Shift+Tab
  await app.waitFor(() => focusedTitle(app) === first);
}

describe.each(runtimes)('resizing mid-lesson under %s', (runtime) => {
  it('120×40 side by side → 80×24 stacked → 50×20 tabs → 120×40, keys work at each size', async () => {
    started = startFresh({runtime, columns: 120, rows: 40, args: ['--lang', 'ru', '--lesson', 'passive-socket']});
    const {app} = started;
    await app.waitFor(step(1));
    await app.waitFor(() => layoutKind(app) === 'side');
    await expectCleanLayout(app, 120, 'side by side');
    app.write(KEYS.enter);
    await app.waitFor(step(2));
    await app.waitFor(/127\.0\.0\.1:(?!0\b)\d{2,5}/);
    await expectTabCycles(app);

    await expectLayout(app, 80, 24, 'stacked', step(2));
    await expectTabCycles(app);
    app.write(KEYS.enter);
    await app.waitFor(step(3));

    await expectLayout(app, 50, 20, 'tabs', step(3));
    await expectTabCycles(app);
    app.write(KEYS.enter);
    await app.waitFor(step(4));

    // Wide again: side by side returns.
    await expectLayout(app, 120, 40, 'side', step(4));
    await expectTabCycles(app);
    app.write('q');
    expect(await exitCode(app)).toBe(0);
  }, 90_000);
});

// "Nothing overflows or wraps mid-border at any size down to 50×20": a sweep through the
// breakpoints and between them, right to left (the hardest case).
const SWEEP: readonly [number, number, Kind][] = [
  [150, 45, 'side'],
  [120, 24, 'side'],
  [119, 40, 'stacked'],
  [100, 30, 'stacked'],
  [80, 24, 'stacked'],
  [79, 24, 'tabs'],
  [80, 23, 'tabs'],
  [64, 22, 'tabs'],
  [50, 20, 'tabs'],
];

describe.each(runtimes)('every size from 150×45 down to 50×20 under %s', (runtime) => {
  it('lays a Persian lesson out cleanly at each', async () => {
    started = startFresh({runtime, columns: 120, rows: 40, args: ['--lang', 'fa', '--bidi', 'app', '--lesson', 'passive-socket']});
    const {app} = started;
    await app.waitFor(step(1));
    app.write(KEYS.enter);
    await app.waitFor(step(2));
    for (const [columns, rows, kind] of SWEEP) {
      await expectLayout(app, columns, rows, kind, step(2));
    }
    app.write('q');
    expect(await exitCode(app)).toBe(0);
  }, 90_000);
});
