// The build replaces this identifier with locales/en/*.json as JSON text (one chunk).
declare const __SOCKET_LESSONS_LOCALE_EN__: string | undefined;

export const embedded = typeof __SOCKET_LESSONS_LOCALE_EN__ === 'undefined' ? undefined : __SOCKET_LESSONS_LOCALE_EN__;
