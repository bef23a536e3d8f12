// Packs built to exhaust: an i18next nesting bomb (and a pack that borrows the app's own
// words through nesting), a YAML alias bomb, data nested hundreds of thousands deep, a
// 50 MB locale file of 250,000 keys, a 50 MB paragraph, a paragraph just under the file
// cap, and lesson files of 100,000 and 6,000 unknown keys. Each is refused or reported quickly
// and in bounded memory, on Node and Deno; lint time grows linearly with the keys.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createI18n} from '../../src/i18n/setup.ts';
import {hasDeno, ROOT} from '../e2e/pty-rig.ts';
import {lessonPack, lessonYaml, makePack, prose, type Pack} from './hostile-pack.ts';
import {describeRun, runApp, startWatched, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 15_000, rssMiB: 300};

/** n0 → two copies of n1 → four of n2 …: 2^depth copies if anything expands it. */
function nestingBomb(depth: number): Record<string, string> {
  const keys: Record<string, string> = {intro: 'Intro $t(bomb:n0)'};
  for (let i = 0; i < depth; i++) keys[`n${i}`] = `$t(bomb:n${i + 1}) $t(bomb:n${i + 1})`;
  keys[`n${depth}`] = 'boom';
  return keys;
}

const packs: Pack[] = [];
const pack = (p: Pack) => (packs.push(p), p);
afterAll(() => packs.forEach((p) => p.remove()));

describe('i18next nesting', () => {
  it('is off: a pack’s $t(…) shows as written, in no time, and cannot reach the app’s words', async () => {
    const i18n = await createI18n('en', [{en: {bomb: {...nestingBomb(16), fake: '$t(app:crash, {"message": "fake"})'}}}]);
    const started = performance.now();
    expect(i18n.t('bomb:intro')).toBe('Intro $t(bomb:n0)');
    expect(i18n.t('bomb:n0')).toBe('$t(bomb:n1) $t(bomb:n1)');
    expect(i18n.t('bomb:fake')).toBe('$t(app:crash, {"message": "fake"})');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('is used by none of the app’s own texts (so turning it off loses nothing)', () => {
    const root = path.join(ROOT, 'locales');
    for (const lng of readdirSync(root)) {
      // A call names a key ("$t(app:crash)"); lint's own message may show "$t(…)" as text.
      for (const file of readdirSync(path.join(root, lng))) expect(readFileSync(path.join(root, lng, file), 'utf8'), `${lng}/${file}`).not.toMatch(/\$t\([\w-]/);
    }
  });

  describe.each(runtimes)('a nesting bomb of depth 40 in a pack, on %s', (runtime) => {
    let bomb: Pack;
    beforeAll(() => {
      bomb = pack(lessonPack('bomb', {...nestingBomb(40), q: 'Which? $t(app:crash, {"message": "fake"})'}));
    });

    it('lint reports every nesting key, quickly', async () => {
      const r = await runApp(['lint', bomb.dir], {runtime, bounds: BOUNDS});
      expect(r.stoppedFor, describeRun(r)).toBeUndefined();
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('bomb.json:1: n0: the text of “n0” uses $t(…)');
      expect(r.stdout).toContain('bomb.json:1: q: the text of “q” uses $t(…)');
      expect(r.stdout).toContain('bomb.json:1: intro: the text of “intro” uses $t(…)');
      expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
    });

    it('--auto refuses the lesson at once instead of expanding it', async () => {
      const r = await runApp(['--lessons', bomb.dir, 'lesson', 'bomb', '--auto'], {runtime, bounds: BOUNDS});
      expect(r.stoppedFor, describeRun(r)).toBeUndefined();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('uses $t(…)');
      expect(r.stdout + r.stderr).not.toContain('unexpected error');
      expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
    });

    it('the interactive app, asked for the lesson, says why it is not there, at once', async () => {
      const {app, finish} = startWatched({runtime, args: ['--lang', 'en', '--lessons', bomb.dir, '--lesson', 'bomb']}, BOUNDS);
      const end = await finish();
      expect(end.stoppedFor).toBeUndefined();
      expect(end.exitCode, app.screen().join('\n')).toBe(2);
      expect(end.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
      // Plain lines (the app never drew its screen), wrapped to the terminal, some
      // scrolled past the pty's rows: read the raw output as one line.
      const said = app.raw().replace(/\s+/g, ' ');
      expect(said).toContain('the text of “n0” uses $t(…)');
      expect(said).toContain('There is no lesson “bomb”');
    });

    it('the interactive app stays responsive: the menu draws and q quits', async () => {
      const {app, finish} = startWatched({runtime, args: ['--lang', 'en', '--lessons', bomb.dir]}, BOUNDS);
      await app.waitFor('▸ 01', BOUNDS.ms);
      app.write('q');
      const end = await finish();
      expect(end.stoppedFor).toBeUndefined();
      expect(end.exitCode).toBe(0);
      expect(end.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
    });
  });
});

// Built once for both runtimes (the size bombs write 100 MB).
let bombs: Pack;
let huge: Pack;
let paragraph: Pack;
let keys: Pack;
beforeAll(() => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const next = String.fromCharCode(97 + i);
    laughs.push(`${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
  }
  const depth = 30_000; // 60 KB: under the lesson file cap, far past any parser's stack
  bombs = pack(
    makePack({
      'lessons/01-laughs.yaml': `id: laughs\n${laughs.join('\n')}\n`,
      'lessons/02-flow.yaml': `id: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
      'lessons/03-block.yaml': `id: block\n${Array.from({length: 300}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`,
      'locales/en/deep.json': `${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`,
      'locales/en/arrays.json': `{"a":${'['.repeat(300_000)}${']'.repeat(300_000)}}`,
    }),
  );

  // 250,000 keys, 50 MB: refused by the file cap before it is parsed.
  const many: Record<string, string> = prose('huge');
  for (let i = 0; i < 250_000; i++) many[`key-${i}`] = `${'x'.repeat(180)}${i}`;
  huge = pack(lessonPack('huge', {}, {'locales/en/huge.json': JSON.stringify(many), 'locales/ru/huge.json': JSON.stringify(prose('huge', {intro: 'y'.repeat(50_000_000)}))}));
  // Just under the file cap: read, then refused for its length, not shown.
  paragraph = pack(lessonPack('long', {intro: 'z'.repeat(1_000_000)}));
  // The issue's file: 100,000 unknown fields in 1 MB (lint used to compare every key with
  // every other: minutes). And eight files of 6,000 fields, just under the cap: lint
  // stays linear and lists 50 problems per file.
  const fields = (n: number) => Array.from({length: n}, (_, i) => `u${i}: 1`).join('\n');
  const files: Record<string, string> = {'lessons/00-huge.yaml': `${lessonYaml('huge')}${fields(100_000)}\n`};
  for (let i = 1; i <= 8; i++) {
    files[`lessons/${String(i).padStart(2, '0')}-keys${i}.yaml`] = `${lessonYaml(`keys${i}`)}${fields(6_000)}\n`;
    files[`locales/en/keys${i}.json`] = JSON.stringify(prose(`keys${i}`));
  }
  keys = pack(makePack(files));
});

describe.each(runtimes)('data bombs, on %s', (runtime) => {
  it('an alias bomb, 30,000 brackets, 300 indent levels, 150,000-deep JSON: each refused by line, quickly', async () => {
    const r = await runApp(['lint', bombs.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/01-laughs\.yaml:\d+: not valid YAML: .*alias/i);
    expect(r.stdout).toContain('02-flow.yaml:1: is nested more than 16 levels deep');
    expect(r.stdout).toMatch(/03-block\.yaml:\d+: is nested more than 16 levels deep/);
    expect(r.stdout).toContain('deep.json:1: is nested more than 16 levels deep');
    expect(r.stdout).toContain('arrays.json:1: is nested more than 16 levels deep');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});

describe.each(runtimes)('size bombs, on %s', (runtime) => {
  it('a 50 MB locale file of 250,000 keys and a 50 MB paragraph are refused by the file cap', async () => {
    const r = await runApp(['lint', huge.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stdout).toMatch(/en\/huge\.json:1: is 5\d,\d{3},\d{3} bytes; such a file in a pack may have at most 1 MiB/);
    expect(r.stdout).toMatch(/ru\/huge\.json:1: is 5\d,\d{3},\d{3} bytes; such a file in a pack may have at most 1 MiB/);
    expect(r.ms).toBeLessThan(5000);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('--auto on the 50 MB paragraph: no heap exhaustion, a clear refusal', async () => {
    const r = await runApp(['--lessons', huge.dir, '--lang', 'ru', 'lesson', 'huge', '--auto'], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stderr).toContain('ru/huge.json:1:');
    expect(r.stdout + r.stderr).not.toMatch(/heap|out of memory/i);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('a 1,000,000-character paragraph under the file cap: refused for its length', async () => {
    const r = await runApp(['--lessons', paragraph.dir, 'lesson', 'long', '--auto'], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('long.json:1: intro: the text of “intro” has 1,000,000 characters; a paragraph may have at most 4,000');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('100,000 unknown fields in 1 MB: refused by the cap; 8 × 6,000 under it: 50 listed per file, the rest counted', async () => {
    const r = await runApp(['lint', keys.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stdout).toMatch(/00-huge\.yaml:1: is \d{3},\d{3} bytes; such a file in a pack may have at most 64 KiB/);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('unknown field'))).toHaveLength(8 * 50);
    for (let i = 1; i <= 8; i++) expect(r.stdout).toContain(`${String(i).padStart(2, '0')}-keys${i}.yaml:1: …and 5,950 more problems in this file`);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});
