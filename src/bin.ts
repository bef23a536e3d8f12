// The package's bin. Checks the runtime before the app is even parsed: the app bundle uses
// syntax older runtimes reject outright (a SyntaxError that prints a page of minified
// code), so on Node < 20 or Deno < 2 this says so in one line, in the learner's language.
// Kept to syntax every Node since 16 parses.
import {languageFromEnv, type Language} from './i18n/languages.ts';
import {localeEnv} from './cli/locale-env.ts';

// The build fills these in: runtimeTooOld from locales/*/app.json, and the floor.
declare const __SOCKET_LESSONS_TOO_OLD__: Record<Language, string>;
declare const __SOCKET_LESSONS_MIN_NODE__: number;

interface DenoRuntime {
  version: {deno: string};
  exit(code: number): never;
  permissions: {querySync(descriptor: {name: string; variable?: string}): {state: string}};
  env: {get(name: string): string | undefined};
}

const major = (version: string) => Number(/^(\d+)/.exec(version)?.[1] ?? 0);
const deno = (globalThis as {Deno?: DenoRuntime}).Deno;
const runtime = deno ? `Deno ${deno.version.deno}` : `Node.js ${process.versions.node}`;
const tooOld = deno ? major(deno.version.deno) < 2 : major(process.versions.node) < __SOCKET_LESSONS_MIN_NODE__;

if (tooOld) {
  const lng = languageFromEnv(localeEnv(deno));
  const message = __SOCKET_LESSONS_TOO_OLD__[lng];
  // The version floor is prose: Persian digits in Persian, as i18next would write it.
  const min = new Intl.NumberFormat(lng, {useGrouping: false}).format(__SOCKET_LESSONS_MIN_NODE__);
  // console.error: Deno 1 has no global process.
  console.error(message.replace('{{runtime}}', runtime).replace('{{min}}', min));
  if (deno) deno.exit(1);
  process.exitCode = 1;
} else {
  if (!deno) compileCache();
  // A literal specifier (kept external by the build): Deno sees it in the module graph and
  // needs no read permission for it.
  // @ts-expect-error: dist/app.js exists only in the build
  await import('./app.js');
}

/**
 * Node ≥ 22.1 keeps V8's compiled code for the app's files between runs (in the user's
 * cache directory), which takes most of the app's compile time off every start. Where
 * that is unavailable (Node 20, no HOME, an unwritable cache) it is silently skipped.
 */
function compileCache(): void {
  try {
    const env = process.env;
    const base = env.XDG_CACHE_HOME || (env.HOME ? `${env.HOME}/.cache` : '');
    if (!/^([A-Za-z]:)?[\\/]/.test(base)) return; // XDG: a relative path is ignored
    const module = process.getBuiltinModule?.('node:module') as {enableCompileCache?: (dir: string) => unknown} | undefined;
    module?.enableCompileCache?.(`${base}/socket-lessons/compile-cache`);
  } catch {
    // only a cache
  }
}
