import {fileURLToPath} from 'node:url';
import {readContentDir} from './read-dir.ts';
import type {Content} from './types.ts';

// The build replaces this identifier with the repository's locales and lessons, so the
// published package is one file. From source (tests, dev) it is undefined and we read
// the folders beside src/. The build passes JSON text: parsing a 300 KB string with
// JSON.parse at first use is faster at start-up than a 300 KB object literal.
declare const __SOCKET_LESSONS_CONTENT__: Content | string | undefined;

let cached: Content | undefined;

export function builtinContent(): Content {
  if (cached) return cached;
  if (typeof __SOCKET_LESSONS_CONTENT__ !== 'undefined') {
    const embedded = __SOCKET_LESSONS_CONTENT__;
    cached = typeof embedded === 'string' ? (JSON.parse(embedded) as Content) : embedded;
  } else {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const content = readContentDir(root);
    // Report builtin lessons by their repository path, as authors know them.
    content.lessons = content.lessons.map((l) => ({...l, file: l.file.slice(root.length)}));
    cached = content;
  }
  return cached;
}
