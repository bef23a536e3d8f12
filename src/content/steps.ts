// Work over an untrusted pack is written once, as a generator that yields after each file;
// two drivers run it. `runSteps` drains it at once (builtin content, tests); `runStepsAsync`
// gives the event loop a turn at every yield, so a signal (Ctrl-C, SIGTERM) is handled
// within one file's work even while the largest pack allowed is being read and checked.
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runStepsAsync<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    // A timer, not setImmediate: Deno runs a chain of immediates without looking at
    // signals in between (a SIGTERM waited seconds); a timer turn lets both runtimes poll.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
