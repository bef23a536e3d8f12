// How to start a bundled script under each runtime, and which runtimes this machine has.
import {execFileSync} from 'node:child_process';

export function command(runtime, script, args = []) {
  return runtime === 'deno' ? {file: 'deno', args: ['run', '-A', script, ...args]} : {file: process.execPath, args: [script, ...args]};
}

export function denoVersion() {
  try {
    return execFileSync('deno', ['--version'], {encoding: 'utf8'}).split('\n')[0].trim();
  } catch {
    return undefined;
  }
}
