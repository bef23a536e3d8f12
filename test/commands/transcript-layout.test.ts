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

  it('Russian wraps to the width with a hanging indent', async () => {
    const run = await runText(SCRIPT, {lng: 'ru', width: 40});
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => stringWidth(l) <= 40)).toBe(true);
    expect(lines.some((l) => /^ {4}\S/.test(l))).toBe(true);
  });
});
