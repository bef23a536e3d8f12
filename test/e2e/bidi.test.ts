// Issue 6 in a real pty: a Persian lesson laid out by the app (--bidi app) is shaped,
// right-aligned and in reading order line by line; its socket table's columns line up;
// and a VTE terminal is switched to explicit BiDi (CSI 8 l) before the first frame and
// back (CSI 8 h) on every way out.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {answer, exitCode, expectCleanLayout, menuAt, type Started, startFresh, stepCounter, waitForProse} from './helpers.ts';
import {hasDeno, KEYS, ROOT, type AppProcess, type Runtime, type ScreenRow} from './pty-rig.ts';
import {misalignedCells, paneAt, paneLine as inner} from './screen-checks.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const step = (n: number) => stepCounter(n, 16);
const prose = JSON.parse(readFileSync(path.join(ROOT, 'locales/fa/passive-socket.json'), 'utf8')) as Record<string, string>;

let started: Started | undefined;
afterEach(async () => {
  await started?.dispose();
  started = undefined;
});

// Letters that have presentation forms: on a shaped screen none of them is left bare.
const BARE_LETTERS = /[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/u;
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const MIRRORED: Record<string, string> = {'«': '»', '»': '«', '(': ')', ')': '('};

/** A screen line in visual order back to logical order: reversed, brackets unmirrored, letters unshaped. */
const logical = (visual: string) =>
  [...visual.trim()]
    .reverse()
    .map((c) => MIRRORED[c] ?? c)
    .join('')
    .normalize('NFKC');

const SOCKET_NAME = /(srv#\d|srv|c\d)$/;

/** The prose pane: side by side on a right-to-left screen, the right-hand column (heavy: it has the keys). */
function prosePane(app: AppProcess) {
  const rows = app.rows();
  const x = rows[1]!.cells.indexOf('┏');
  if (x <= 0) throw new Error(`the prose is not the right-hand column:\n${app.screen().join('\n')}`);
  return {rows, pane: paneAt(rows, x, 1)};
}

/** The socket table, the first pane of the left-hand column (side by side, mirrored): header and socket rows. */
function socketTable(app: AppProcess) {
  const rows = app.rows();
  if (rows[1]!.cells[0] !== '┌') throw new Error(`no pane left of the prose:\n${app.screen().join('\n')}`);
  const pane = paneAt(rows, 0, 1);
  const [header = rows[2]!, ...rest] = pane.rows.filter((r) => inner(r, pane).trim() !== '');
  // Mirrored, a socket row ends with the socket's name; a "+N more" note may follow them.
  const body = rest.filter((r) => SOCKET_NAME.test(inner(r, pane)));
  return {pane, header, body, names: body.map((r) => SOCKET_NAME.exec(inner(r, pane))![1]!)};
}

async function openLesson(app: AppProcess): Promise<void> {
  await app.waitFor(step(1));
  await app.waitFor(PRESENTATION_FORMS);
}

describe.each(runtimes)('Persian laid out by the app, under %s', (runtime) => {
  it('the prose pane is shaped, right-aligned, and each line reads in order', async () => {
    started = startFresh({runtime, columns: 120, rows: 40, args: ['--lang', 'fa', '--bidi', 'app', '--lesson', 'passive-socket']});
    const {app} = started;
    await openLesson(app);
    // Side by side on a right-to-left screen: the prose pane is the right one, where reading starts.
    const {pane} = prosePane(app);
    const lines = pane.rows.map((r) => inner(r, pane)).filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line, 'shaped').toMatch(PRESENTATION_FORMS);
      expect(line, 'no unshaped letter').not.toMatch(BARE_LETTERS);
      // Right-aligned: the text ends at the pane's inner edge; the ragged edge is the left one.
      expect(line.at(-1), `ends at the right edge: ${JSON.stringify(line)}`).not.toBe(' ');
    }
    expect(lines.some((l) => l.startsWith('   ')), 'some line starts with spaces').toBe(true);
    // Wrapped in logical order, then each line reordered: read right to left, line after
    // line, the screen says the paragraph (the first line shows its beginning).
    // Joiner controls (ZWNJ, marks) have no cell of their own; the shaped forms already show them.
    const strip = (s: string) => s.replace(/[\u200C\u200D\u200E\u200F]/gu, '').replace(/\s+/gu, ' ').trim();
    expect(strip(lines.map(logical).join(' '))).toBe(strip(prose['intro']!.normalize('NFKC')));
  }, 60_000);

  it('the socket table has its columns aligned, right to left', async () => {
    started = startFresh({runtime, columns: 120, rows: 40, args: ['--lang', 'fa', '--bidi', 'app', '--lesson', 'passive-socket']});
    const {app} = started;
    await openLesson(app);
    // listen, a question, then two clients: five sockets of different name widths.
    app.write(KEYS.enter);
    await app.waitFor(step(2));
    await waitForProse(app, /127\.0\.0\.1:(?!0\b)\d{2,5}/);
    app.write(KEYS.enter);
    await app.waitFor(step(3));
    app.write(KEYS.enter);
    await app.waitFor(step(4));
    await answer(app, 2);
    for (const [n, client] of [
      [5, 1],
      [7, 2],
    ] as const) {
      app.write(KEYS.enter);
      await app.waitFor(step(n));
      await waitForProse(app, `srv#${client}`);
      if (client === 1) {
        app.write(KEYS.enter);
        await app.waitFor(step(n + 1));
      }
    }
    // Until the table has caught up with the lab (it may show four rows and "+1 more").
    let table = socketTable(app);
    await app.waitFor(() => (table = socketTable(app)).names.length >= 4);
    const {header, body, names, pane} = table;
    expect(names).toEqual(expect.arrayContaining(['srv', 'c1', 'srv#1', 'c2']));
    // The name column is the rightmost (the table is mirrored), its header too.
    expect(inner(header, pane).at(-1)).not.toBe(' ');
    expect(misalignedCells(header, body, pane.left, pane.right, 'rtl')).toEqual([]);

    // On to step 12, which runs `sockets` and `os`: their answers in the prose are tables
    // too, laid out cell by cell like the panes' (not as sentences), mirrored and aligned.
    app.write(KEYS.enter);
    await app.waitFor(step(8));
    app.write(KEYS.enter);
    await app.waitFor(step(9));
    await waitForProse(app, 'srv#3');
    app.write(KEYS.enter);
    await app.waitFor(step(10));
    app.write(KEYS.enter);
    await app.waitFor(step(11));
    await answer(app, 2);
    app.write(KEYS.enter);
    await app.waitFor(step(12));
    await waitForProse(app, /ESTABLISHED\s+\S+\s+\S+\s+tcp\s*$/m);
    await expectCleanLayout(app, 120, 'step 12');
    const box = prosePane(app).pane;
    const text = (r: ScreenRow) => inner(r, box).trimEnd();
    // Headers read from the right: the sockets' begins with "name", the OS view's with
    // "protocol" (either may be cut to the width of its values, "tcp").
    const at = box.rows.findIndex((r) => logical(text(r)).startsWith('نام'));
    expect(at, box.rows.map(text).join('\n')).toBeGreaterThanOrEqual(0);
    const sockets = box.rows.slice(at + 1, at + 8);
    // Seven sockets; each row ends with its name, and the protocol stands right before it.
    expect(sockets.map((r) => SOCKET_NAME.exec(text(r))?.[1])).toEqual(['srv', 'c1', 'srv#1', 'c2', 'srv#2', 'c3', 'srv#3']);
    for (const r of sockets) expect(text(r)).toMatch(/\S\s{2,}tcp\s{2,}(srv#\d|srv|c\d)$/);
    expect(misalignedCells(box.rows[at]!, sockets, box.left, box.right, 'rtl')).toEqual([]);
    const osAt = box.rows.findIndex((r, i) => i > at && logical(text(r)).startsWith('پر'));
    const osRows = box.rows.slice(osAt + 1).filter((r) => / tcp$/.test(text(r)));
    expect(osRows.length).toBeGreaterThanOrEqual(7);
    // The kernel's state is kept whole; the addresses keep their ports. (A TIME_WAIT left
    // by an earlier connection that used one of these port numbers may show up too.)
    for (const r of osRows) expect(text(r)).toMatch(/(LISTEN|ESTABLISHED|TIME_WAIT|CLOSE_WAIT|FIN_WAIT\d|SYN_SENT|LAST_ACK)\s{2,}(-|\S*:\d+)\s{2,}\S*:\d+\s{2,}tcp$/);
    expect(misalignedCells(box.rows[osAt]!, osRows, box.left, box.right, 'rtl')).toEqual([]);
  }, 90_000);
});

describe.each(runtimes)('a VTE terminal under %s', (runtime) => {
  // Outside tmux/screen, so the VTE variable is believed.
  const vte = {VTE_VERSION: '7600', TMUX: undefined, STY: undefined, SOCKET_LESSONS_BIDI: undefined};
  const CSI_8L = '\x1b[8l';
  const CSI_8H = '\x1b[8h';

  it.each([
    ['q', 0],
    ['Ctrl+C', 130],
    ['SIGTERM', 143],
  ] as const)('gets CSI 8 l before the first frame and CSI 8 h last, after %s', async (how, code) => {
    started = startFresh({runtime, args: ['--lang', 'fa', '--bidi', 'app', '--lesson', 'passive-socket'], env: vte});
    const {app} = started;
    await app.waitFor(step(1));
    // Before the alternate screen and before any text (Deno may first clear its own progress line).
    const raw0 = app.raw();
    const before = raw0.slice(0, raw0.indexOf(CSI_8L));
    expect(raw0.indexOf(CSI_8L), JSON.stringify(raw0.slice(0, 60))).toBeGreaterThanOrEqual(0);
    expect(before.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')).toBe('');
    expect(raw0.indexOf(CSI_8L)).toBeLessThan(raw0.indexOf('\x1b[?1049h'));
    if (how === 'q') app.write('q');
    else if (how === 'Ctrl+C') app.write(KEYS.ctrlC);
    else app.kill('SIGTERM');
    expect(await exitCode(app)).toBe(code);
    const raw = app.raw();
    // Switched back after Ink has left the alternate screen, and nothing switched it off again.
    expect(raw.lastIndexOf(CSI_8H)).toBeGreaterThan(raw.lastIndexOf('\x1b[?1049l'));
    expect(raw.lastIndexOf(CSI_8H)).toBeGreaterThan(raw.lastIndexOf(CSI_8L));
    // Only the cursor may be shown after it.
    expect(raw, JSON.stringify(raw.slice(-40))).toMatch(/\x1b\[8h(\x1b\[\?25h|\s)*$/);
  }, 60_000);

  it.each([
    ['another terminal', ['--bidi', 'app'], {...vte, VTE_VERSION: undefined}],
    ['VTE with --bidi terminal', ['--bidi', 'terminal'], vte],
    ['VTE older than 0.57.3', ['--bidi', 'app'], {...vte, VTE_VERSION: '5602'}],
  ] as const)('%s: no BiDi switch at all', async (_, flags, env) => {
    started = startFresh({runtime, args: ['--lang', 'fa', ...flags], env});
    const {app} = started;
    await app.waitFor(menuAt(1));
    app.write('q');
    expect(await exitCode(app)).toBe(0);
    expect(app.raw()).not.toContain(CSI_8L);
    expect(app.raw()).not.toContain(CSI_8H);
  }, 60_000);
});
