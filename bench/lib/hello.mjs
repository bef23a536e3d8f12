// Builds bench/hello.tsx with the app's own bundle() into bench/.work/hello.js.
import path from 'node:path';
import {bundle} from '../../scripts/build.mjs';
import {ROOT, workDir} from './paths.mjs';

export async function buildHello() {
  const outfile = path.join(workDir(), 'hello.js');
  await bundle({entry: path.join(ROOT, 'bench/hello.tsx'), outfile});
  return outfile;
}
