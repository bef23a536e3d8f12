// Imported first by the CLI so it runs before any bundled library reads the
// environment: under Deno without permissions those reads would raise permission
// prompts in the middle of Ink's frames. We ask Deno quietly, and if anything is
// missing we print the flags to use and stop.
import en from '../../locales/en/app.json' with {type: 'json'};
import fa from '../../locales/fa/app.json' with {type: 'json'};
import ru from '../../locales/ru/app.json' with {type: 'json'};
import {languageFromEnv} from '../i18n/languages.ts';
import {localeEnv} from './locale-env.ts';

interface DenoPermissions {
  querySync(descriptor: {name: string; variable?: string}): {state: 'granted' | 'prompt' | 'denied'};
}
interface DenoLike {
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
    // The language needs env access; without it the message is in English.
    const messages = {en, fa, ru};
    console.error(messages[languageFromEnv(localeEnv(deno))].denoPermissions);
    deno.exit(2);
  }
}
