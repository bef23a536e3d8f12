// The machine and runtimes a run was measured on.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {denoVersion} from './runtimes.mjs';

function cpuModel() {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model;
  } catch {
    return os.cpus()[0]?.model;
  }
}

function npmVersion() {
  try {
    const env = {...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`};
    return execFileSync('npm', ['--version'], {encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    return undefined;
  }
}

export function machine() {
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpuModel(),
    memoryGB: +(os.totalmem() / 1024 ** 3).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    deno: denoVersion(),
    npm: npmVersion(),
    loadAverage: os.loadavg().map((n) => +n.toFixed(2)),
  };
}
