// Issue 6, first run: Persian in a terminal nothing is known about asks once which of two
// renderings reads correctly; the answer is saved and decides how Persian is drawn; the
// next start does not ask again.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {eventually, exitCode, menuAt, type Started, startFresh} from './helpers.ts';
import {hasDeno, startApp, type AppProcess, type Runtime} from './pty-rig.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
// A plain xterm outside tmux, no flag, no variable: nothing decides the mode.
const unknownTerminal = {
  TERM: 'xterm-256color',
  TMUX: undefined,
  STY: undefined,
  VTE_VERSION: undefined,
  KONSOLE_VERSION: undefined,
  TERM_PROGRAM: undefined,
  MLTERM: undefined,
  SOCKET_LESSONS_BIDI: undefined,
};
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// The menu's title in logical order (as a BiDi terminal wants it).
const LOGICAL_TITLE = 'درس‌ها';

let started: Started | undefined;
let again: AppProcess | undefined;
afterEach(async () => {
  // It shares the folder dispose() removes: let it finish first.
  again?.kill();
  if (again) await exitCode(again).catch(() => undefined);
  again = undefined;
  await started?.dispose();
  started = undefined;
});

/** The two numbered samples of the calibration question. */
const asking = (screen: string) => /^ 1  \S/m.test(screen) && /^ 2  \S/m.test(screen);

function savedMode(configDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(configDir, 'progress.json'), 'utf8')) as {bidi?: string}).bidi;
  } catch {
    return undefined;
  }
}

/** The menu is drawn the way the mode says: shaped glyphs (app) or logical text (terminal). */
function menuIn(mode: 'app' | 'terminal') {
  return (screen: string) => menuAt(1).test(screen) && (mode === 'app' ? PRESENTATION_FORMS.test(screen) : screen.includes(LOGICAL_TITLE) && !PRESENTATION_FORMS.test(screen));
}

describe.each(runtimes)('the calibration question under %s', (runtime) => {
  it.each([
    ['1', 'app'],
    ['2', 'terminal'],
  ] as const)('pressing %s chooses %s, saves it, and is not asked again', async (key, mode) => {
    started = startFresh({runtime, args: ['--lang', 'fa'], env: unknownTerminal});
    const {app, configDir} = started;
    await app.waitFor(asking);
    app.write(key);
    await app.waitFor(menuIn(mode));
    await eventually(() => savedMode(configDir) === mode, `progress.json says bidi: ${mode}`);
    app.write('q');
    expect(await exitCode(app)).toBe(0);

    // Second start with the same config folder: straight to the menu, in the saved mode.
    again = startApp({runtime, args: ['--lang', 'fa'], env: {...unknownTerminal, SOCKET_LESSONS_CONFIG_DIR: configDir}});
    await again.waitFor(menuIn(mode));
    expect(asking(again.screen().join('\n'))).toBe(false);
    again.write('q');
    expect(await exitCode(again)).toBe(0);
  }, 60_000);

  it('is not asked when a flag decides', async () => {
    started = startFresh({runtime, args: ['--lang', 'fa', '--bidi', 'terminal'], env: unknownTerminal});
    const {app, configDir} = started;
    await app.waitFor(menuIn('terminal'));
    expect(asking(app.screen().join('\n'))).toBe(false);
    app.write('q');
    expect(await exitCode(app)).toBe(0);
    expect(savedMode(configDir)).toBeUndefined();
  }, 60_000);
});
