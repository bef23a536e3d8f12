import {fileURLToPath} from 'node:url';
import {readContentDir} from './read-dir.ts';
import type {Content} from './types.ts';

// The build replaces this identifier with the repository's lessons, so the published
// package needs no files of its own to read. From source (tests, dev) it is undefined and
// we read the folders beside src/. The build passes JSON text: JSON.parse at first use is
// faster at start-up than an object literal. The build embeds the lessons checked
// (`validated`) and leaves out what only an unchecked pack needs: the YAML text
// (`lessons` is empty) and the locales (`locales` is empty; each language is a chunk of
// its own, loaded by builtinLocale() in builtin-locales.ts).
declare const __SOCKET_LESSONS_CONTENT__: Content | string | undefined;

// At the top level, not in the function: a function is compiled again (the text parsed
// again) at its first call unless the runtime cached it, which Deno does only for the
// top level (~5 ms for these 40 KB).
const embedded = typeof __SOCKET_LESSONS_CONTENT__ === 'undefined' ? undefined : __SOCKET_LESSONS_CONTENT__;

let cached: Content | undefined;

export function builtinContent(): Content {
  if (cached) return cached;
  if (embedded !== undefined) {
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
