// Child processes as external peers, read line by line with bounded waits.
import {spawn, type ChildProcess} from 'node:child_process';
import readline from 'node:readline';
import {afterEach} from 'vitest';

export interface Child {
  proc: ChildProcess;
  /** Resolves with the first JSON line (past or future) matching; rejects after timeoutMs. */
  next(pred: (msg: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  send(line: string): void;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
  lines: string[];
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export function spawnChild(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Child {
  const proc = spawn(cmd, args, {stdio: ['pipe', 'pipe', 'pipe'], env: {...process.env, ...env}});
  children.push(proc);
  const msgs: Record<string, unknown>[] = [];
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  readline.createInterface({input: proc.stdout!}).on('line', (line) => {
    lines.push(line);
    try {
      msgs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      return;
    }
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    proc.on('exit', (code, signal) => {
      resolve({code, signal});
      for (const w of waiters.splice(0)) w();
    }),
  );
  proc.stdin!.on('error', () => {});
  return {
    proc,
    lines,
    exited,
    send: (line) => proc.stdin!.write(line + '\n'),
    next(pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const timer = setTimeout(() => reject(new Error(`child: no matching line in ${timeoutMs} ms; got ${JSON.stringify(lines)}; stderr ${stderr}`)), timeoutMs);
        const check = () => {
          for (; seen < msgs.length; seen++) {
            if (pred(msgs[seen]!)) {
              clearTimeout(timer);
              resolve(msgs[seen]!);
              return;
            }
          }
          if (proc.exitCode !== null || proc.signalCode !== null) {
            clearTimeout(timer);
            reject(new Error(`child exited (${proc.exitCode ?? proc.signalCode}); lines ${JSON.stringify(lines)}; stderr ${stderr}`));
            return;
          }
          waiters.push(check);
        };
        check();
      });
    },
  };
}

export const PEER = new URL('./fixtures/tcp-peer.mjs', import.meta.url).pathname;
