// string-width, remembered across frames. Each frame the app measures the lines it
// measured for the previous one (borders, unchanged rows); Ink's own cache lasts one
// frame. Same answers; bounded memory. Aliased for 'string-width' by scripts/build.mjs.
import stringWidth from '../../node_modules/string-width/index.js';

const LIMIT = 4096;
const cache = new Map();

export default function rememberedStringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string' || input.length > 1024) return stringWidth(input, options);
  let width = cache.get(input);
  if (width === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    width = stringWidth(input);
    cache.set(input, width);
  }
  return width;
}
