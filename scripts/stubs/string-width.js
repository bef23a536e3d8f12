// string-width for the bundle: the same answers, cheaper. Aliased for 'string-width' by
// scripts/build.mjs, so Ink and its helpers use it too.
// - Text whose width is the sum of its characters' widths is measured directly
//   (simple-width.js); string-width itself, whose module set-up builds an Intl.Segmenter
//   and compiles emoji regexes (~20–35 ms), loads only for anything else. The require()
//   makes esbuild initialise that module lazily, at its first call.
// - Remembered across frames: each frame the app measures the lines it measured for the
//   previous one (borders, unchanged rows); Ink's own cache lasts one frame. Bounded.
import {simpleWidth} from './simple-width.js';

const LIMIT = 4096;
const cache = new Map();
let exact;

function measure(input, options) {
  if (typeof input === 'string' && (options === undefined || options.ambiguousIsNarrow !== false) && !options?.countAnsiEscapeCodes) {
    const simple = simpleWidth(input);
    if (simple !== undefined) return simple;
  }
  exact ??= require('../../node_modules/string-width/index.js').default;
  return exact(input, options);
}

export default function rememberedStringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string' || input.length > 1024) return measure(input, options);
  let width = cache.get(input);
  if (width === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    width = measure(input);
    cache.set(input, width);
  }
  return width;
}
