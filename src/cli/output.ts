// stdout and stderr for the plain modes. Every chunk passes the sanitiser one last time
// (src/text/visible.ts: a no-op on text that already went through it, and nothing the app
// writes in these modes is a control sequence). A write that fails — a reader that went
// away (| head), a full disk (> /dev/full) — never throws: the output is marked broken,
// later writes are dropped, and main ends the run with one line and the right code.
import {visible} from '../text/visible.ts';

export interface Output {
  write(chunk: string): void;
  /** The first error writing failed with, if any. */
  readonly failure: NodeJS.ErrnoException | undefined;
  /** Called once, on the first failure (a run stops early). */
  onFailure(listener: () => void): void;
  /** Resolves once every write so far has succeeded or failed (a file's error comes a tick later). */
  settled(): Promise<void>;
}

export function guardedOutput(stream: NodeJS.WritableStream): Output {
  let failure: NodeJS.ErrnoException | undefined;
  const listeners: (() => void)[] = [];
  let pending = 0;
  const idle: (() => void)[] = [];
  const fail = (error: NodeJS.ErrnoException) => {
    if (failure) return;
    failure = error;
    for (const listener of listeners.splice(0)) listener();
  };
  const done = (error?: Error | null) => {
    if (error) fail(error as NodeJS.ErrnoException);
    if (--pending === 0) for (const resolve of idle.splice(0)) resolve();
  };
  stream.on('error', fail);
  return {
    write(chunk) {
      if (failure || chunk === '') return;
      pending++;
      try {
        stream.write(visible(chunk, 'prose'), done);
      } catch (error) {
        // Some streams (a closed descriptor) throw instead of calling back.
        done(error as Error);
      }
    },
    settled() {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
    },
    get failure() {
      return failure;
    },
    onFailure(listener) {
      if (failure) listener();
      else listeners.push(listener);
    },
  };
}

/** Exit code for a run whose stdout broke: as a program stopped by SIGPIPE (128+13) for a reader that went away, 1 otherwise. */
export function brokenOutputCode(error: NodeJS.ErrnoException): number {
  return error.code === 'EPIPE' ? 141 : 1;
}
