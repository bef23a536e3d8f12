// The build replaces this identifier with locales/ru/*.json as JSON text (one chunk).
declare const __SOCKET_LESSONS_LOCALE_RU__: string | undefined;

export const embedded = typeof __SOCKET_LESSONS_LOCALE_RU__ === 'undefined' ? undefined : __SOCKET_LESSONS_LOCALE_RU__;
