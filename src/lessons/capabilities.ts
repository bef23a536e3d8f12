// What this platform can do, for lessons and steps that say `requires: [unix]`.
import type {Capabilities} from './types.ts';

export function detectCapabilities(platform: string = process.platform): Capabilities {
  // node:net has no AF_UNIX on Windows (paths there are named pipes, another thing).
  return {unix: platform !== 'win32'};
}
