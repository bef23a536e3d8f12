import bidiFactory, {type Bidi} from 'bidi-js';

// bidi-js decodes its Unicode tables when the factory runs: do it on first RTL use,
// not at startup (English and Russian sessions never pay for it).
let instance: Bidi | null = null;

export function bidi(): Bidi {
  instance ??= bidiFactory();
  return instance;
}
