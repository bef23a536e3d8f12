// Imported first by the CLI so it runs before any bundled library reads the
// environment: under Deno without permissions those reads would raise permission
// prompts in the middle of Ink's frames. We ask Deno quietly, and if anything is
// missing we print the flags to use and stop.
import {BIDI_ENV_VAR, parseBidiMode} from '../i18n/bidi/mode.ts';
import {languageFromEnv} from '../i18n/languages.ts';
import {parseCliArgs} from './args.ts';
import {localeEnv} from './locale-env.ts';

interface DenoPermissions {
  querySync(descriptor: {name: string; variable?: string}): {state: 'granted' | 'prompt' | 'denied'};
}
interface DenoLike {
  args: string[];
  permissions: DenoPermissions;
  env: {get(name: string): string | undefined};
  exit(code: number): never;
}

export const NEEDED_PERMISSIONS = ['net', 'read', 'write', 'env', 'sys'] as const;

export function missingDenoPermissions(deno: DenoLike): string[] {
  return NEEDED_PERMISSIONS.filter((name) => deno.permissions.querySync({name}).state !== 'granted');
}

const deno = (globalThis as {Deno?: DenoLike}).Deno;
if (deno) {
  const missing = missingDenoPermissions(deno);
  if (missing.length > 0) {
    // The language needs env access (or --lang); without either the message is in English.
    const env = localeEnv(deno);
    if (deno.permissions.querySync({name: 'env', variable: BIDI_ENV_VAR}).state === 'granted') env[BIDI_ENV_VAR] = deno.env.get(BIDI_ENV_VAR);
    const args = parseCliArgs(deno.args);
    const options = args.ok ? args.options : undefined;
    const lng = options?.lang ?? languageFromEnv(env);
    // Laid out like every plain message: by us when --bidi app (or the variable) asks.
    const bidi = parseBidiMode(options?.bidi) ?? parseBidiMode(env[BIDI_ENV_VAR]) ?? 'off';
    // (The words and the layout pipeline are loaded only here: every other start is spared them.)
    const {builtinLocale} = await import('../content/builtin-locales.ts');
    const words = (await builtinLocale(lng)).app as {denoPermissions: string};
    const {pageFor, pageText} = await import('../ui/plain/page.ts');
    console.error(pageText(words.denoPermissions, pageFor(lng, bidi)).trimEnd());
    deno.exit(2);
  }
}
