// Bundles src/cli.tsx, its libraries, the locales and the lessons into one ESM file:
// the published package has zero runtime dependencies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import zlib from 'node:zlib';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// yaml's ESM build (its "default" export condition) lets esbuild drop what we never call
// (stringify and friends, ~18 KB); its Node build is CommonJS, which esbuild keeps whole.
const YAML_ESM = path.join(root, 'node_modules/yaml/browser/index.js');

// The lesson parser and loader are TypeScript; esbuild compiles them for this script, so
// the build runs on any Node the app supports (20+), not only on one that strips types.
async function loadLessonTools() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lessons-build-'));
  const file = path.join(dir, 'lesson-tools.mjs');
  try {
    await build({
      stdin: {
        contents: "export {preparse} from './src/lessons/yaml-source.ts'; export {loadPack} from './src/lessons/loader.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      alias: fs.existsSync(YAML_ESM) ? {yaml: YAML_ESM} : {},
      logLevel: 'warning',
    });
    return await import(pathToFileURL(file).href);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

const {preparse, loadPack} = await loadLessonTools();

export function readContent(dir) {
  const locales = {};
  for (const lng of list(path.join(dir, 'locales'))) {
    for (const file of list(path.join(dir, 'locales', lng)).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(dir, 'locales', lng, file), 'utf8');
      try {
        (locales[lng] ??= {})[file.slice(0, -5)] = JSON.parse(text);
      } catch (error) {
        throw new Error(`locales/${lng}/${file}: ${error.message}`);
      }
    }
  }
  const lessons = list(path.join(dir, 'lessons'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, 'lessons', f), 'utf8');
      // Parsed here, so the app does not parse YAML at start-up (~50 ms).
      const parsed = preparse(text);
      return {file: `lessons/${f}`, text, ...(parsed ? {parsed} : {})};
    });
  // Checked here, once: a problem fails the build, and the app loads them as they are.
  const checked = loadPack({name: 'builtin', lessons, locales});
  if (checked.errors.length > 0) {
    const list = checked.errors.map((e) => `${e.file}:${e.line}: ${e.field}: ${e.code} ${JSON.stringify(e.params ?? {})}`);
    throw new Error(`lessons with problems:\n${list.join('\n')}`);
  }
  // The app uses the checked lessons as they are, so the parsed YAML they came from is
  // not shipped (the text stays: error messages point into it).
  return {locales, lessons: lessons.map(({parsed: _, ...rest}) => rest), validated: checked.lessons};
}

/**
 * The content as the app's build embeds it: the checked lessons as JSON text in one place
 * (not their YAML text: checked already, they never need it for a message), and each
 * language's locales as JSON text in a module of its own (src/content/locale-*.ts), so
 * each language is a chunk loaded only when that language is used.
 */
export function contentDefines(content) {
  const defines = {__SOCKET_LESSONS_CONTENT__: JSON.stringify(JSON.stringify({...content, lessons: [], locales: {}}))};
  for (const [lng, namespaces] of Object.entries(content.locales)) {
    defines[`__SOCKET_LESSONS_LOCALE_${lng.toUpperCase()}__`] = JSON.stringify(JSON.stringify(namespaces));
  }
  return defines;
}

function list(dir) {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The licence texts of every third-party package that ended up in the bundle. */
function thirdPartyLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = path.join(root, input.slice(0, match.index + match[0].length));
    if (packages.has(dir)) continue;
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = list(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `License: ${meta.license ?? 'see package'}`;
    packages.set(dir, `${meta.name}@${meta.version} (${meta.license ?? 'unknown'})\n\n${text}`);
  }
  return [...packages.values()].sort().join(`\n\n${'-'.repeat(72)}\n\n`) + '\n';
}

// yoga-layout's Emscripten loader reads its embedded (base64) wasm with fetch() when
// fetch exists; on Node the first fetch() loads undici, ~50 ms of every start. Decode
// the embedded bytes directly instead, as it does where there is no fetch.
const YOGA_FETCH = 'function ya(){return w||"function"!=typeof fetch?';
// Its wasm is also embedded as base64, which gzip compresses poorly: embed it deflated
// (base64 of 29 KB instead of 96 KB; ~11 KB less in the tarball) and inflate it at load.
const YOGA_WASM = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, (args) => {
      let text = fs.readFileSync(args.path, 'utf8');
      const warnings = [];
      if (text.includes(YOGA_FETCH)) text = text.replace(YOGA_FETCH, 'function ya(){return!0?');
      else warnings.push({text: 'yoga-layout changed: its wasm may be loaded with fetch() (slower start)'});
      const wasm = YOGA_WASM.exec(text);
      if (wasm) {
        const deflated = zlib.deflateRawSync(Buffer.from(wasm[1], 'base64'), {level: 9}).toString('base64');
        text = [
          "import {inflateRawSync as __slInflate} from 'node:zlib';",
          "import {Buffer as __slBuffer} from 'node:buffer';",
          text.replace(wasm[0], `"data:application/octet-stream;base64,"+__slInflate(__slBuffer.from("${deflated}","base64")).toString("base64")`),
        ].join('\n');
      } else {
        warnings.push({text: 'yoga-layout changed: its wasm is embedded uncompressed'});
      }
      return {contents: text, warnings};
    });
  },
};


// Ink draws every frame into a new Output whose caches (each text's styled characters,
// each string's width) start empty, so every line on screen is tokenised again 30 times
// a second, unchanged or not: under a flood that was a fifth of the app's time and much
// of its garbage. One set of caches serves every frame instead (Ink never changes a
// cached entry), emptied when it holds more than a few screens' worth.
const INK_OUTPUT_CACHES = '    caches = new OutputCaches();';
const inkSharedCaches = {
  name: 'ink-shared-output-caches',
  setup(build) {
    build.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, (args) => {
      let text = fs.readFileSync(args.path, 'utf8');
      if (!text.includes(INK_OUTPUT_CACHES)) {
        return {contents: text, warnings: [{text: 'ink changed: its output caches are no longer shared across frames (slower frames)'}]};
      }
      text = text.replace(INK_OUTPUT_CACHES, '    caches = __slSharedCaches();');
      text += [
        '',
        'let __slCaches;',
        'function __slSharedCaches() {',
        '    if (!__slCaches || __slCaches.styledChars.size > 1000 || __slCaches.widths.size > 4000) __slCaches = new OutputCaches();',
        '    return __slCaches;',
        '}',
      ].join('\n');
      return {contents: text};
    });
  },
};

/**
 * One ESM bundle of `entry`. With `outdir` (and `name`, the entry's file name there) it is
 * split at dynamic imports: the entry plus shared chunks in outdir/chunks/, each loaded
 * only when a mode needs it.
 */
export async function bundle({entry, outfile, outdir, name, define = {}, minify = true}) {
  const output = outdir
    ? {entryPoints: [{in: entry, out: name}], outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]'}
    : {entryPoints: [entry], outfile};
  return build({
    ...output,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    sourcemap: false,
    legalComments: 'none',
    // Persian and Russian text as UTF-8, not \uXXXX escapes (a third of the size).
    charset: 'utf8',
    metafile: true,
    jsx: 'automatic',
    define: {'process.env.NODE_ENV': '"production"', ...define},
    alias: {
      'react-devtools-core': path.join(root, 'scripts/stubs/react-devtools-core.js'),
      'string-width': path.join(root, 'scripts/stubs/string-width.js'),
      ...(fs.existsSync(YAML_ESM) ? {yaml: YAML_ESM} : {}),
    },
    plugins: [yogaWithoutFetch, inkSharedCaches],
    banner: {
      js: [
        '#!/usr/bin/env node',
        // Ink calls Promise.withResolvers (Node 22+); the app supports Node 20.
        'Promise.withResolvers??=function(){let resolve,reject;const promise=new Promise((a,b)=>{resolve=a;reject=b});return{promise,resolve,reject}};',
        // CommonJS dependencies call require(); give them one.
        "import {createRequire as __slCreateRequire} from 'node:module';",
        'const require = __slCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
}

/**
 * The banner is for the entry: a chunk is no script (no #!), runs after the entry has set
 * up Promise.withResolvers, and needs its own `require` only if it calls one (esbuild's
 * runtime helpers). ~250 bytes less in each of a few dozen files.
 */
function trimChunkBanners(dir) {
  for (const file of list(dir).filter((f) => f.endsWith('.js'))) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    if (lines[0] !== '#!/usr/bin/env node' || !lines[1]?.startsWith('Promise.withResolvers??=')) throw new Error(`${file}: unexpected banner`);
    const body = lines.slice(4).join('\n');
    const keep = /\brequire\b/.test(body) ? lines.slice(2, 4) : [];
    fs.writeFileSync(path.join(dir, file), [...keep, body].join('\n'));
  }
}

/**
 * dist/cli.js, the package's bin: a few hundred bytes that any old runtime can parse, so
 * Node < 20 and Deno < 2 get one line instead of a SyntaxError; then it loads dist/app.js.
 */
export async function bundleLauncher({content, outfile, minNode = Number(/\d+/.exec(pkg.engines.node)[0])}) {
  const tooOld = Object.fromEntries(Object.entries(content.locales).map(([lng, ns]) => [lng, ns.app.runtimeTooOld]));
  return build({
    entryPoints: [path.join(root, 'src/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node16',
    external: ['./app.js'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: {
      __SOCKET_LESSONS_TOO_OLD__: JSON.stringify(tooOld),
      __SOCKET_LESSONS_MIN_NODE__: String(minNode),
    },
    banner: {js: '#!/usr/bin/env node'},
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(out, {recursive: true});
  // Chunk names carry a content hash: drop the last build's.
  fs.rmSync(path.join(out, 'chunks'), {recursive: true, force: true});
  const content = readContent(root);
  const result = await bundle({
    entry: path.join(root, 'src/cli.tsx'),
    outdir: out,
    name: 'app',
    define: {
      // JSON text in string literals (see src/content/builtin.ts and builtin-locales.ts).
      ...contentDefines(content),
      __SOCKET_LESSONS_VERSION__: JSON.stringify(pkg.version),
    },
  });
  trimChunkBanners(path.join(out, 'chunks'));
  await bundleLauncher({content, outfile: path.join(out, 'cli.js')});
  fs.chmodSync(path.join(out, 'cli.js'), 0o755);
  fs.writeFileSync(path.join(out, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(result.metafile));
  fs.writeFileSync(path.join(out, 'meta.json'), JSON.stringify(result.metafile));
  const outputs = Object.keys(result.metafile.outputs);
  const size = outputs.reduce((n, f) => n + fs.statSync(path.join(root, f)).size, 0);
  console.log(`built dist/cli.js, dist/app.js and ${outputs.length - 1} chunks (${(size / 1024).toFixed(0)} KiB, ${content.lessons.length} lessons)`);
}
