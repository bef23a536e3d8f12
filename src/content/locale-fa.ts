// The build replaces this identifier with locales/fa/*.json as JSON text (one chunk).
declare const __SOCKET_LESSONS_LOCALE_FA__: string | undefined;

export const embedded = typeof __SOCKET_LESSONS_LOCALE_FA__ === 'undefined' ? undefined : __SOCKET_LESSONS_LOCALE_FA__;
