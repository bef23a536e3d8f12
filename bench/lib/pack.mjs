// `npm pack` of the repository: the published package's size, and a tarball to install.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {ROOT, workDir} from './paths.mjs';

function npm(args) {
  // Run npm with the same node as this process (npm's shebang is `env node`).
  const env = {...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`};
  return execFileSync('npm', args, {cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

/** What `npm pack --dry-run` reports: {size, unpackedSize, files}. */
export function packInfo() {
  const [info] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
  return info;
}

/** Packs into bench/.work and returns the tarball's path and the package info. */
export function packTarball() {
  const dir = workDir();
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir]));
  return {file: path.join(dir, info.filename), info};
}
