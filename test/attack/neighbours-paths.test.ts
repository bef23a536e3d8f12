// A Unix socket path is any bytes but NUL: one with a newline would print a forged line in
// the middle of the transcript ("  ✓ …" that the app never said). Every path the app shows
// — events, results, the socket table, NDJSON — goes through the sanitiser.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno} from '../e2e/pty-rig.ts';
import {controlsIn} from './hostile-pack.ts';
import {describeRun, runApp, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 15_000, rssMiB: 300};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sl-paths-'));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

// In the command language "\n" inside quotes is a newline and "\t" a tab.
const script = () => `listen unix "${dir}/s\\n  ✓ FORGED\\tLINE" as us\nconnect unix us as c1\nsockets\n`;

describe.each(runtimes)('a Unix path with a newline, on %s', (runtime) => {
  it('plain: the path is one line with \\n shown, no forged line', async () => {
    const r = await runApp(['repl'], {runtime, bounds: BOUNDS, stdin: script()});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.trimStart().startsWith('✓ FORGED'))).toEqual([]);
    expect(r.stdout).toContain(`${dir}/s\\n  ✓ FORGED\\tLINE`);
    expect(controlsIn(r.stdout)).toEqual([]);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('NDJSON: decoded text and paths hold no newline or tab', async () => {
    const r = await runApp(['repl', '--json'], {runtime, bounds: BOUNDS, stdin: script()});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as {text?: string; event?: {local?: {path?: string}}});
    const texts = records.map((x) => x.text ?? '').join(' ');
    expect(texts).toContain('\\n  ✓ FORGED\\tLINE');
    const paths = records.map((x) => x.event?.local?.path ?? '').join(' ');
    expect(paths).toContain('\\n  ✓ FORGED');
    expect(controlsIn(`${texts}${paths}`)).toEqual([]);
  });
});
