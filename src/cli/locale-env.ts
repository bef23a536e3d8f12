// The locale variables, read without side effects: under Deno, reading a variable the
// user has not allowed would raise a permission prompt, so only granted ones are read.
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

interface DenoEnvAccess {
  permissions: {querySync(descriptor: {name: string; variable?: string}): {state: string}};
  env: {get(name: string): string | undefined};
}

export function localeEnv(deno?: DenoEnvAccess): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of LOCALE_VARIABLES) {
    if (!deno) env[name] = process.env[name];
    else if (deno.permissions.querySync({name: 'env', variable: name}).state === 'granted') env[name] = deno.env.get(name);
  }
  return env;
}
