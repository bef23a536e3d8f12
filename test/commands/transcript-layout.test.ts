// --width and --bidi apply to repl transcripts as they do on screen.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {runText} from './helpers.ts';

const SCRIPT = 'listen tcp 127.0.0.1:0 as srv\nconnect tcp srv as c1\nbogus\n';
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;

describe('transcript layout', () => {
  it('Persian in app mode: shaped, every line within the width, commands left as typed', async () => {
    const run = await runText(SCRIPT, {lng: 'fa', bidi: 'app', width: 48});
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => stringWidth(l) <= 48)).toBe(true);
    expect(run.stdout).toMatch(PRESENTATION_FORMS);
    expect(lines).toContain('> listen tcp 127.0.0.1:0 as srv');
    // Right to left: the result marker stands at the end of its line, where it is read first.
    expect(lines.some((l) => l.endsWith(' ✓'))).toBe(true);
  });

  it('Persian to a pipe by default: logical order, no shaping, copyable', async () => {
    const run = await runText(SCRIPT, {lng: 'fa'});
    expect(run.stdout).not.toMatch(PRESENTATION_FORMS);
    expect(run.stdout).toContain('سوکت');
  });

  it('a `sockets` table: mirrored and aligned in Persian app mode (as on screen), the text table otherwise', async () => {
    const script = `${SCRIPT}sockets\n`;
    const app = (await runText(script, {lng: 'fa', bidi: 'app', width: 60})).stdout.trimEnd().split('\n');
    // Right to left: the name ends the row, the protocol stands before it, both at the
    // same cells in every row (cells end where their column ends).
    const rows = app.filter((l) => / tcp {2,}(srv#1|srv| c1)$/.test(l));
    expect(rows, app.join('\n')).toHaveLength(3);
    for (const row of rows) {
      expect(stringWidth(row)).toBeLessThanOrEqual(60);
      expect(stringWidth(row)).toBe(stringWidth(rows[0]!));
      expect(stringWidth(row.slice(0, row.lastIndexOf('tcp')))).toBe(stringWidth(rows[0]!.slice(0, rows[0]!.lastIndexOf('tcp'))));
    }
    for (const bidi of ['off', 'terminal'] as const) {
      const text = (await runText(script, {lng: 'fa', bidi})).stdout.split('\n');
      expect(text.filter((l) => /^ {6}(srv#1|srv|c1) +tcp /.test(l))).toHaveLength(3);
    }
  });

  it('Russian wraps to the width with a hanging indent', async () => {
    const run = await runText(SCRIPT, {lng: 'ru', width: 40});
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => stringWidth(l) <= 40)).toBe(true);
    expect(lines.some((l) => /^ {4}\S/.test(l))).toBe(true);
  });
});
