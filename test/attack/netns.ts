// A network namespace joined to this host by a veth pair, made and removed by the test
// itself: a second host whose datagrams come from a non-loopback address. Names carry the
// pid so parallel runs never collide; the /30 is in 10.213.0.0/16 (test-only addresses).
import {execFileSync, spawn} from 'node:child_process';

export interface Netns {
  name: string;
  /** This host's end of the veth pair. */
  hostAddress: string;
  /** The namespace's end. */
  peerAddress: string;
  /** Run a program inside the namespace; resolves with its stdout, rejects on failure or after timeoutMs. */
  exec(cmd: string, args: string[], timeoutMs?: number): Promise<string>;
  remove(): void;
}

function ip(args: string[]): void {
  execFileSync('ip', args, {stdio: ['ignore', 'ignore', 'pipe']});
}

/** Fails (never skips) with a message naming what is missing when the machine cannot make one. */
export function makeNetns(tag: string): Netns {
  try {
    execFileSync('ip', ['netns', 'list'], {stdio: 'ignore'});
  } catch (err) {
    throw new Error(`this test needs 'ip netns' (iproute2) and root to make a second host; it is missing or not permitted here: ${(err as Error).message}`);
  }
  const id = process.pid % 100000;
  const name = `sl-${tag}-${id}`;
  const hostIf = `sla${id}`;
  const peerIf = `slb${id}`;
  // One /30 per pid: 10.213.X.Y with Y a multiple of 4.
  const block = process.pid % 16384;
  const base = `10.213.${block >> 6}.${(block & 63) * 4}`;
  const [a, b, c, d] = base.split('.').map(Number) as [number, number, number, number];
  const hostAddress = `${a}.${b}.${c}.${d + 1}`;
  const peerAddress = `${a}.${b}.${c}.${d + 2}`;
  const remove = () => {
    try {
      ip(['link', 'del', hostIf]);
    } catch {
      // gone with the namespace already
    }
    try {
      ip(['netns', 'del', name]);
    } catch {
      // not made
    }
  };
  remove(); // a leftover of an earlier run with the same pid
  try {
    ip(['netns', 'add', name]);
    ip(['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf]);
    ip(['link', 'set', peerIf, 'netns', name]);
    ip(['addr', 'add', `${hostAddress}/30`, 'dev', hostIf]);
    ip(['link', 'set', hostIf, 'up']);
    ip(['-n', name, 'addr', 'add', `${peerAddress}/30`, 'dev', peerIf]);
    ip(['-n', name, 'link', 'set', peerIf, 'up']);
    ip(['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (err) {
    remove();
    throw new Error(`could not make the network namespace ${name}: ${(err as {stderr?: Buffer}).stderr?.toString() ?? (err as Error).message}`);
  }
  return {
    name,
    hostAddress,
    peerAddress,
    remove,
    exec(cmd, args, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const child = spawn('ip', ['netns', 'exec', name, cmd, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${cmd} in ${name}: still running after ${timeoutMs} ms`));
        }, timeoutMs);
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(out);
          else reject(new Error(`${cmd} in ${name} exited ${code}: ${err}`));
        });
      });
    },
  };
}
