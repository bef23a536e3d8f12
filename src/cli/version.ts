import fs from 'node:fs';

declare const __SOCKET_LESSONS_VERSION__: string | undefined;

export function appVersion(): string {
  if (typeof __SOCKET_LESSONS_VERSION__ !== 'undefined') return __SOCKET_LESSONS_VERSION__;
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
  return pkg.version;
}
