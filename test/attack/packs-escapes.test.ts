// A pack whose prose and file names carry escape sequences (clipboard, title, links,
// colours, screen clearing), C1 controls and bidi overrides. Through every mode — lint,
// list, lesson --auto (plain and NDJSON), the interactive screen — on Node and Deno, none
// of it reaches the terminal raw: it is shown as visible escapes, within a time and
// memory bound.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno} from '../e2e/pty-rig.ts';
import {ALL_PAYLOADS, controlsIn, ESC, lessonPack, lessonYaml, PAYLOADS, rawMarkersIn, type Pack} from './hostile-pack.ts';
import {describeRun, runApp, startWatched, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 15_000, rssMiB: 300};

let pack: Pack;
beforeAll(() => {
  pack = lessonPack(
    'evil',
    {
      title: `Evil ${PAYLOADS.title}${PAYLOADS.colour}`,
      summary: `Summary ${PAYLOADS.rlo} ${PAYLOADS.c1}`,
      intro: `Intro ${ALL_PAYLOADS}`,
      q: `Question ${PAYLOADS.link}`,
      a: `A ${PAYLOADS.clipboard}`,
      why: `Why ${PAYLOADS.conceal}`,
      p: `Prompt ${PAYLOADS.dcs} ${PAYLOADS.clear}`,
    },
    // A file named with an OSC sequence: lint names it in its complaint.
    {[`lessons/02-x${PAYLOADS.title}.yaml`]: lessonYaml('x')},
  );
});
afterAll(() => pack.remove());

/** Plain or NDJSON output for a pipe: no control character at all, and the payload visible. */
function expectHarmless(output: string) {
  expect(controlsIn(output)).toEqual([]);
  expect(rawMarkersIn(output)).toEqual([]);
}

describe.each(runtimes)('a pack full of escape sequences, plain output on %s', (runtime) => {
  it('lint names the file with the OSC in its name, escaped', async () => {
    const r = await runApp(['lint', pack.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(1);
    expectHarmless(r.stdout + r.stderr);
    expect(r.stdout).toContain('02-x\\x1b]0;PWNED-TITLE\\x07.yaml:1: the file name');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('list shows the title with visible escapes', async () => {
    const r = await runApp(['--lessons', pack.dir, 'list', '--width', '200'], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expectHarmless(r.stdout + r.stderr);
    expect(r.stdout).toContain('Evil \\x1b]0;PWNED-TITLE\\x07\\x1b[38;5;199;5mBLINK');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('lesson --auto prints every paragraph with visible escapes', async () => {
    const r = await runApp(['--lessons', pack.dir, 'lesson', 'evil', '--auto'], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expectHarmless(r.stdout + r.stderr);
    for (const shown of ['\\x1b]52;c;cm0gLXJmIH4=\\x07', '\\x1b]8;;https://evil.example/\\x07click', '\\u{202e}RLO-REVERSED', '\\x9b31mC1CSI', '\\x1bP1$qm']) {
      expect(r.stdout).toContain(shown);
    }
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('lesson --auto --json: every text field is escaped, not only the JSON encoding', async () => {
    const r = await runApp(['--lessons', pack.dir, 'lesson', 'evil', '--auto', '--json'], {runtime, bounds: BOUNDS});
    expect(r.code, describeRun(r)).toBe(0);
    expectHarmless(r.stdout);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Decoded, as `jq -r .text` would print them: still no control characters.
    const decoded = records.flatMap((x) => Object.values(x).filter((v): v is string => typeof v === 'string'));
    expect(decoded.join('\n')).toContain('\\x1b]52;c;');
    expect(controlsIn(decoded.join('\n'))).toEqual([]);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});

describe.each(runtimes)('a pack full of escape sequences, interactive on %s', (runtime) => {
  it('the lesson screen shows the escapes as text; none reaches the terminal', async () => {
    const {app, finish} = startWatched({runtime, columns: 160, rows: 40, args: ['--lang', 'en', '--lessons', pack.dir, '--lesson', 'evil']}, BOUNDS);
    await app.waitFor('\\x1b]52;c;', BOUNDS.ms);
    await app.waitFor('\\u{202e}RLO-REVERSED', BOUNDS.ms);
    app.write('q');
    const end = await finish();
    expect(end.stoppedFor).toBeUndefined();
    expect(end.exitCode).toBe(0);
    expect(end.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
    // The app draws with escapes of its own; the pack's never appear.
    expect(rawMarkersIn(app.raw())).toEqual([]);
    expect(app.raw()).not.toContain(`${ESC}]52`);
    expect(app.raw()).not.toContain(`${ESC}]8;;https`);
  });
});
