// Closing every socket on process exit, SIGINT, SIGTERM, SIGHUP and uncaught exceptions.
export interface Disposable {
  disposeSync(): void;
}

const live = new Set<Disposable>();
let installed = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function registerLab(lab: Disposable): void {
  live.add(lab);
}

export function unregisterLab(lab: Disposable): void {
  live.delete(lab);
}

/** Labs not disposed yet. */
export function liveLabs(): number {
  return live.size;
}

function disposeAll(): void {
  for (const lab of [...live]) {
    try {
      lab.disposeSync();
    } catch {
      // keep closing the others
    }
  }
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  disposeAll();
  // If nobody else handles this signal, die of it as the default action would.
  if (process.listenerCount(signal) <= 1) {
    uninstall();
    try {
      process.kill(process.pid, signal);
    } catch {
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    }
  }
}

const handlers = new Map<string, () => void>();

function uninstall(): void {
  for (const [event, handler] of handlers) process.off(event as 'exit', handler);
  handlers.clear();
  installed = false;
}

/**
 * Install process handlers (once) that close every live lab's sockets on exit, SIGINT,
 * SIGTERM, SIGHUP and an uncaught exception. Every Lab registers itself when created.
 * Returns a function that removes the handlers. Under Deno a signal the runtime cannot
 * watch (SIGHUP on Windows) is skipped.
 */
export function installExitCleanup(_lab?: Disposable): () => void {
  if (_lab) registerLab(_lab);
  if (installed) return uninstall;
  installed = true;
  const add = (event: string, handler: () => void) => {
    try {
      process.on(event as 'exit', handler);
      handlers.set(event, handler);
    } catch {
      // not supported on this platform/runtime
    }
  };
  add('exit', disposeAll);
  add('uncaughtExceptionMonitor', disposeAll);
  for (const s of SIGNALS) if (!(process.platform === 'win32' && s === 'SIGHUP')) add(s, () => onSignal(s));
  return uninstall;
}
