// Figure 3: the package as npm would publish it (npm pack --dry-run), its runtime
// dependencies, and what the app's code is made of (esbuild's metafile, by package).
import fs from 'node:fs';
import path from 'node:path';
import {packInfo} from './lib/pack.mjs';
import {ROOT} from './lib/paths.mjs';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'];

/** Bytes of the app's code (dist/app.js and dist/chunks/) by package (node_modules/NAME), src/ folder, or embedded content. */
export function bundleByModule(metaFile = path.join(ROOT, 'dist/meta.json')) {
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  const by = new Map();
  // dist/app.js and every chunk the build split off.
  const inputs = Object.values(meta.outputs).flatMap((output) => Object.entries(output.inputs));
  for (const [input, {bytesInOutput}] of inputs) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    // src/content holds the embedded locales and lessons (a define, counted in builtin.ts).
    const key = pkg ?? (input.startsWith('src/content/') ? 'src/content (embedded locales + lessons)' : input.startsWith('src/') ? `src/${input.split('/')[1]}` : input);
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return [...by].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({name, bytes}));
}

export function packageSize() {
  const info = packInfo();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const runtimeDependencies = DEPENDENCY_FIELDS.reduce((n, f) => n + Object.keys(pkg[f] ?? {}).length, 0);
  return {
    packedBytes: info.size,
    unpackedBytes: info.unpackedSize,
    files: info.files.map((f) => ({path: f.path, bytes: f.size})),
    runtimeDependencies,
    bundleTop: bundleByModule().slice(0, 12),
    budget: {packedBytes: 400_000, unpackedBytes: 1_500_000, runtimeDependencies: 0},
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(packageSize(), null, 1));
