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
