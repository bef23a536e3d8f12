import {readFileSync} from 'node:fs';

// Is a process still running? For files other runs of the app left behind (a lock, a
// socket folder): only a process that is gone lets us take them over.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is someone else's.
    return (err as {code?: unknown} | null)?.code === 'EPERM';
  }
}

/**
 * When the process started (Linux: /proc/PID/stat field 22, clock ticks since boot), so a
 * pid the kernel gave to another process since is not taken for the one we knew. Undefined
 * where there is no /proc.
 */
export function processStartTime(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; fields follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
