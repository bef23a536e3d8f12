// Reference check against GNU FriBidi (issue 6): every Persian paragraph in
// locales/fa/*.json (read now, so lesson prose added later is covered), at widths 40,
// 60 and 100, is wrapped in logical order by the app; each logical line goes through
//
//   fribidi --nopad --rtl --nobreak --clean --reordernsm
//
// and must equal the app's screen line, trimmed.
//   --nopad       the app's right-alignment padding is trimmed away anyway
//   --rtl         Persian paragraphs are right-to-left (the app is given direction 'rtl')
//   --nobreak     the line is already wrapped; FriBidi must not wrap again
//   --clean       drop LRI/PDI (the app isolates addresses and commands), ZWNJ and
//                 FriBidi's ligature filler U+FEFF, as the app strips controls
//   --reordernsm  vowel marks stay after their letter (the app reorders whole graphemes)
// FriBidi shapes Arabic by default (presentation forms and lam-alef), so the app's
// shaping is compared too. FriBidi levels each line on its own while the app levels the
// whole paragraph once; for Persian prose the two agree.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasRtl} from '../../src/i18n/bidi/controls.ts';
import {layoutParagraphLines} from '../../src/i18n/bidi/layout.ts';

const FRIBIDI_ARGS = ['--nopad', '--rtl', '--nobreak', '--clean', '--reordernsm'];
const WIDTHS = [40, 60, 100];
const faDir = join(import.meta.dirname, '../../locales/fa');

const fribidiFound = spawnSync('fribidi', ['--version'], {encoding: 'utf8'}).status === 0;
if (!fribidiFound) {
  console.warn(
    '\n*** SKIPPED: GNU FriBidi reference test — `fribidi` not found. ' +
      'Install it with `apt-get install libfribidi-bin` (.ci/run does). ***\n',
  );
}

function strings(value: unknown, path: string, out: {path: string; text: string}[]): void {
  if (typeof value === 'string') out.push({path, text: value});
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
}

function persianParagraphs(): {where: string; text: string}[] {
  const found: {path: string; text: string}[] = [];
  for (const file of readdirSync(faDir).filter((f) => f.endsWith('.json')).sort()) {
    strings(JSON.parse(readFileSync(join(faDir, file), 'utf8')), `${file}:`, found);
  }
  return found.flatMap(({path, text}) =>
    text
      .split(/\r?\n/)
      .filter(hasRtl)
      .map((p) => ({where: path, text: p})),
  );
}

describe('app mode agrees with GNU FriBidi on locales/fa', () => {
  it.skipIf(!fribidiFound)('every Persian paragraph at widths 40, 60, 100', () => {
    const paragraphs = persianParagraphs();
    expect(paragraphs.length).toBeGreaterThan(0);

    const cases: {where: string; width: number; logical: string; app: string}[] = [];
    for (const {where, text} of paragraphs) {
      for (const width of WIDTHS) {
        for (const line of layoutParagraphLines(text, {mode: 'app', width, direction: 'rtl'}).lines) {
          cases.push({where, width, logical: line.logical, app: line.visual.map((c) => c.text).join('')});
        }
      }
    }
    const run = spawnSync('fribidi', FRIBIDI_ARGS, {
      input: cases.map((c) => c.logical).join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const reference = run.stdout.split('\n');

    const mismatches = cases
      .map((c, i) => ({...c, fribidi: (reference[i] ?? '').trim(), app: c.app.trim()}))
      .filter((c) => c.fribidi !== c.app);
    expect(mismatches).toEqual([]);
    console.info(`FriBidi reference: ${paragraphs.length} paragraphs, ${cases.length} lines compared`);
  });
});
