// The language's acceptance script, run as a scripted run (no terminal), checked
// through its --json transcript.
import {describe, expect, it} from 'vitest';
import {acceptanceScript as script, checkAcceptance} from './acceptance-check.ts';
import {records, runText} from './helpers.ts';

describe('acceptance script (Node, in-process)', () => {
  it('runs exactly as written: exit 1, only the two expected failures', async () => {
    const run = await runText(script, {json: true});
    expect(run.stderr).toBe('');
    checkAcceptance(run.code, records(run.stdout));
  });

  it('plain transcript: one line per event or result, no ANSI codes, translated', async () => {
    for (const lng of ['en', 'fa', 'ru'] as const) {
      const run = await runText(script, {lng});
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/\u001b/);
      const lines = run.stdout.split('\n');
      expect(lines.filter((l) => l.startsWith('> '))).toHaveLength(22);
      expect(lines.filter((l) => l.startsWith('  ✗ '))).toHaveLength(2);
      // No raw locale keys leaked.
      expect(run.stdout).not.toMatch(/commands:|\b(result|event|error|hint)\.[a-z]/);
    }
    const fa = await runText(script, {lng: 'fa'});
    expect(fa.stdout).toContain('از قبل در استفاده است');
    const ru = await runText(script, {lng: 'ru'});
    expect(ru.stdout).toContain('уже занят');
  });
});
