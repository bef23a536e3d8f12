// Issue 7: "Resizing re-lays out live." A lesson open at 120×40 (side by side) is shrunk
// to 80×24 (stacked), then to 50×20 (one pane behind a tab bar), and grown back; at each
// size the layout is the right kind, clean, and the keys still work.
import {afterEach, describe, expect, it} from 'vitest';
import {exitCode, expectCleanLayout, startFresh, stepCounter, type Started} from './helpers.ts';
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

async function expectLayout(app: AppProcess, columns: number, rows: number, kind: Kind): Promise<void> {
  app.resize(columns, rows);
  await app.waitFor(() => layoutKind(app) === kind, 10_000).catch(() => {
    throw new Error(`expected the ${kind} layout at ${columns}×${rows}, screen:\n${app.screen().join('\n')}`);
  });
  await expectCleanLayout(app, columns, `${kind} after resize`);
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

    await expectLayout(app, 80, 24, 'stacked');
    await expectTabCycles(app);
    app.write(KEYS.enter);
    await app.waitFor(step(3));

    await expectLayout(app, 50, 20, 'tabs');
    await expectTabCycles(app);
    app.write(KEYS.enter);
    await app.waitFor(step(4));

    // Wide again: side by side returns.
    await expectLayout(app, 120, 40, 'side');
    await expectTabCycles(app);
    app.write('q');
    expect(await exitCode(app)).toBe(0);
  }, 90_000);
});
