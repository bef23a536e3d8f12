// Linux, through `ss` (iproute2): the kernel's sock_diag netlink interface, with the
// lab's ports as a filter the kernel applies itself. Reading /proc/net/tcp makes the
// kernel format every TCP row on the host (on a busy host, thousands of TIME_WAIT rows
// from other programs: ~15–20 ms a read); `ss` with a port filter costs the same on a
// busy host as on an idle one. Owners still come from /proc/*/fd (linux-proc.ts).
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import type {Endpoint, OsSocket} from '../types.ts';

export interface SsQuery {
  tcp: boolean;
  udp: boolean;
  /** Local or remote ports to keep (the kernel filters); undefined: every port. */
  ports?: readonly number[] | undefined;
}

/** More ports than this and the filter is left out (the caller filters instead). */
export const SS_MAX_FILTER_PORTS = 200;

/** Arguments for one `ss` run: numeric, every state, extended (inode), timers, socket memory (drops). */
export function ssArgs({tcp, udp, ports}: SsQuery): string[] {
  const args = ['-H', '-n', '-a', '-e', '-o', '-m'];
  if (tcp) args.push('-t');
  if (udp) args.push('-u');
  if (ports && ports.length > 0 && ports.length <= SS_MAX_FILTER_PORTS) {
    const terms = ports.flatMap((p, i) => [...(i > 0 ? ['or'] : []), 'sport', '=', `:${p}`, 'or', 'dport', '=', `:${p}`]);
    args.push('(', ...terms, ')');
  }
  return args;
}

// ss spells kernel states its own way; the OS view uses the kernel's (/proc) names.
const TCP_STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED', 'SYN-SENT': 'SYN_SENT', 'SYN-RECV': 'SYN_RECV', 'FIN-WAIT-1': 'FIN_WAIT1', 'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT', UNCONN: 'CLOSE', 'CLOSE-WAIT': 'CLOSE_WAIT', 'LAST-ACK': 'LAST_ACK', LISTEN: 'LISTEN', CLOSING: 'CLOSING',
};
const UDP_STATES: Record<string, string> = {UNCONN: 'UNCONN', ESTAB: 'ESTABLISHED'};

/** "127.0.0.1:80", "[::1]:80", "*:80", "[fe80::1]%eth0:80"; the port is "*" for none. */
function endpoint(text: string): {end: Endpoint; v6: boolean} {
  const colon = text.lastIndexOf(':');
  let host = text.slice(0, colon);
  const port = Number(text.slice(colon + 1)) || 0;
  const scope = host.lastIndexOf('%');
  if (scope > 0 && !host.slice(scope).includes(']')) host = host.slice(0, scope);
  const v6 = host.startsWith('[') || host === '*' || host.includes(':');
  if (host.startsWith('[')) host = host.slice(1, host.indexOf(']'));
  // "*": the IPv6 wildcard of a dual-stack socket (an IPv4 one prints as 0.0.0.0).
  if (host === '*') host = '::';
  return {end: {kind: 'inet', address: host, port, family: v6 ? 'IPv6' : 'IPv4'}, v6};
}

/** "59sec", "1min5sec", "5.123ms" (5.123 s), "340ms": ss's way of printing a timer. */
export function parseSsTime(text: string): number | undefined {
  const m = /^(?:(\d+)min)?(?:(\d+)sec)?(?:(\d+)\.)?(?:(\d+)ms)?$/.exec(text);
  if (!m || text === '') return undefined;
  return Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? m[3] ?? 0) * 1000 + Number(m[4] ?? 0);
}

/**
 * Rows of `ss -H -n -a -e -o -m [-t] [-u]`. The Netid column is there when both tables
 * were asked for; otherwise `only` names the table.
 */
export function parseSs(text: string, only?: 'tcp' | 'udp'): OsSocket[] {
  const out: OsSocket[] = [];
  let last: OsSocket | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line)) {
      // The row's socket memory: skmem:(r0,rb212992,…,d42): d is what the kernel dropped.
      const d = /skmem:\([^)]*\bd(\d+)\)/.exec(line);
      if (last && d && last.protocol.startsWith('udp')) last.drops = Number(d[1]);
      continue;
    }
    const f = line.trim().split(/\s+/);
    const table = f[0] === 'tcp' || f[0] === 'udp' ? f.shift()! : only;
    if ((table !== 'tcp' && table !== 'udp') || f.length < 5) {
      last = undefined;
      continue;
    }
    const [state = '', recvQ = '0', sendQ = '0', localText = '', peerText = ''] = f;
    const local = endpoint(localText);
    const peer = endpoint(peerText);
    const udp = table === 'udp';
    const row: OsSocket = {
      protocol: udp ? (local.v6 ? 'udp6' : 'udp') : local.v6 ? 'tcp6' : 'tcp',
      local: local.end,
      state: (udp ? UDP_STATES[state] : TCP_STATES[state]) ?? state,
      // A listener's Send-Q is its backlog, not queued bytes (/proc says 0).
      sendQueue: state === 'LISTEN' ? 0 : Number(sendQ) || 0,
      recvQueue: Number(recvQ) || 0,
      inode: 0,
    };
    if (peer.end.kind === 'inet' && peer.end.port !== 0) row.remote = peer.end;
    for (const extra of f.slice(5)) {
      if (extra.startsWith('ino:')) row.inode = Number(extra.slice(4)) || 0;
      else if (extra.startsWith('timer:(timewait,')) {
        const ms = parseSsTime(extra.slice(16).split(',')[0] ?? '');
        if (ms !== undefined) row.timerMs = ms;
      }
    }
    if (udp) row.drops = 0;
    out.push(row);
    last = row;
  }
  return out;
}

/** One `ss` run. Rejects (ENOENT, a netlink refusal…) so the caller can fall back to /proc. */
export async function readSs(query: SsQuery): Promise<OsSocket[]> {
  const args = ssArgs(query);
  let text: string;
  try {
    shell ??= new SsShell();
    text = await shell.run(args);
  } catch {
    text = await runOnce(args);
  }
  return parseSs(text, query.tcp && !query.udp ? 'tcp' : !query.tcp && query.udp ? 'udp' : undefined);
}

function runOnce(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ss', args, {timeout: 5000, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8'}, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

let shell: SsShell | undefined;

/**
 * Starting a process from this one (a big heap) blocks its main thread for several
 * milliseconds, longer on a loaded machine. So one small shell is started once and asked
 * to run each `ss`: starting ss from the shell costs this process nothing. The shell
 * reads our commands on stdin (only ss with our own numbers, quoted) and ends when this
 * process does (its stdin closes). Any trouble and it is dropped: the next read starts
 * another, or runs ss directly.
 */
class SsShell {
  private readonly child: ChildProcess;
  private readonly mark = `__socket_lessons_${process.pid}_${Math.random().toString(36).slice(2)}__`;
  private out = '';
  private waiting: {resolve(text: string): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout>} | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private dead = false;

  constructor() {
    this.child = spawn('sh', [], {stdio: ['pipe', 'pipe', 'ignore']});
    const fail = (error: Error) => this.fail(error);
    this.child.on('error', fail);
    this.child.on('exit', () => fail(new Error('ss shell exited')));
    this.child.stdin!.on('error', fail);
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.data(chunk));
    this.idle();
  }

  run(args: string[]): Promise<string> {
    const next = this.chain.then(() => this.ask(args));
    this.chain = next.catch(() => {});
    return next;
  }

  private ask(args: string[]): Promise<string> {
    if (this.dead) return Promise.reject(new Error('ss shell gone'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('ss timed out')), 5000);
      this.waiting = {resolve, reject, timer};
      this.busy();
      this.out = '';
      const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
      this.child.stdin!.write(`ss ${quoted} 2>/dev/null; echo "${this.mark}$?"\n`);
    });
  }

  private data(chunk: string): void {
    this.out += chunk;
    const at = this.out.indexOf(this.mark);
    if (at < 0 || !this.out.endsWith('\n') || !this.waiting) return;
    const code = Number(this.out.slice(at + this.mark.length).trim());
    const text = this.out.slice(0, at);
    const w = this.waiting;
    this.waiting = undefined;
    this.out = '';
    clearTimeout(w.timer);
    this.idle();
    if (code === 0) w.resolve(text);
    else w.reject(new Error(`ss exited ${code}`));
  }

  private fail(error: Error): void {
    if (this.dead) return;
    this.dead = true;
    if (shell === this) shell = undefined;
    const w = this.waiting;
    this.waiting = undefined;
    if (w) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    try {
      this.child.kill();
    } catch {
      // gone already
    }
  }

  /** Between reads the shell keeps nothing alive: the app may exit. */
  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as {unref?(): void}).unref?.();
    (this.child.stdin as unknown as {unref?(): void}).unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.stdout as unknown as {ref?(): void}).ref?.();
  }
}
