export const LANGUAGES = ['en', 'fa', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Right-to-left languages among ours. */
export function isRtl(lng: string): boolean {
  return lng === 'fa';
}

/**
 * The learner's language from the locale environment, POSIX precedence:
 * LC_ALL, then LC_MESSAGES, then LANG. "fa_IR.UTF-8" → fa; anything else → en.
 */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const code = value.split(/[_.@-]/)[0]?.toLowerCase();
    return isLanguage(code) ? code : 'en';
  }
  return 'en';
}
