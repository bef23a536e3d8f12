// What the kernel says about a process: CPU time and memory, from /proc (Linux).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds of `pid` so far (all its threads, dead ones included). */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** {rss, peak} of `pid` in bytes (VmRSS, VmHWM). */
export function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return {rss: kb('VmRSS'), peak: kb('VmHWM')};
}

export const hasProc = () => fs.existsSync('/proc/self/stat');

/** Measures CPU of `pid` over `ms` milliseconds of wall time; returns percent of one core. */
export async function cpuPercentOver(pid, ms) {
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const c1 = cpuSeconds(pid);
  const wall = (performance.now() - t0) / 1000;
  return {percent: +(((c1 - c0) / wall) * 100).toFixed(2), cpuSeconds: +(c1 - c0).toFixed(3), wallSeconds: +wall.toFixed(2)};
}
