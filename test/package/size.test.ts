// The published package stays within its budget (issue 8): deterministic, so CI fails
// the moment a dependency or a bundled library pushes it over. Needs the build first
// (`npm test` builds before it runs vitest).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {BUDGETS} from '../../bench/budgets.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface PackInfo {
  size: number;
  unpackedSize: number;
  files: {path: string; size: number}[];
}

function packDryRun(): PackInfo {
  const env = {...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`};
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  return JSON.parse(out)[0];
}

describe('package size', () => {
  const info = packDryRun();
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

  it('packs the built app (so the sizes below are real)', () => {
    // The bin is a small launcher; the app is dist/app.js beside it, and the code each
    // mode needs is in dist/chunks/ (loaded on demand).
    const cli = info.files.find((f) => f.path === pkg.bin['socket-lessons']);
    const app = info.files.find((f) => f.path === 'dist/app.js');
    expect(cli, 'dist/cli.js missing from the package: run the build first').toBeDefined();
    expect(app, 'dist/app.js missing from the package: run the build first').toBeDefined();
    const code = info.files.filter((f) => f.path === 'dist/app.js' || f.path.startsWith('dist/chunks/'));
    expect(code.reduce((n, f) => n + f.size, 0)).toBeGreaterThan(500_000);
  });

  it(`packed ≤ ${kb(BUDGETS.packedBytes)}`, () => {
    expect(info.size, `packed ${kb(info.size)}`).toBeLessThanOrEqual(BUDGETS.packedBytes);
  });

  it(`unpacked ≤ ${kb(BUDGETS.unpackedBytes)}`, () => {
    expect(info.unpackedSize, `unpacked ${kb(info.unpackedSize)}`).toBeLessThanOrEqual(BUDGETS.unpackedBytes);
  });

  it('has no runtime dependencies (everything is bundled)', () => {
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      const value = pkg[field];
      expect(value === undefined || Object.keys(value).length === 0, `${field}: ${JSON.stringify(value)}`).toBe(true);
    }
  });
});
