// The OS view: which reader this platform has, filtering, owners, and diffs for watching.
import fs from 'node:fs';
import type {OsSocket, OsView} from '../types.ts';
import {ProcOwners, readProcNet, type ProcTable} from './linux-proc.ts';
import {readLsof} from './lsof.ts';
import {readSs, SS_MAX_FILTER_PORTS} from './ss.ts';
import {isDeno, mayRead} from '../permissions.ts';

/**
 * Which part of the table to read: the TCP and UDP rows on these ports (local or remote)
 * and, with `unix`, the Unix sockets. Tables not named are not read at all.
 */
export interface OsScope {
  tcp?: ReadonlySet<number>;
  udp?: ReadonlySet<number>;
  unix?: boolean;
  /** Find each row's owning process (default true). */
  owners?: boolean;
  /**
   * Read /proc even where `ss` runs: for a small table read often (the UDP drop counts
   * under a flood), reading a file in the thread pool costs less than starting a process.
   */
  preferProc?: boolean;
}

/** Reasons are codes for the UI to translate, not prose. */
export type OsViewReason = 'unsupported-platform' | 'permission-denied' | 'lsof-missing' | 'read-failed';

function reasonOf(err: unknown): OsViewReason {
  const e = err as {code?: unknown; name?: unknown};
  if (e?.name === 'NotCapable' || e?.name === 'PermissionDenied' || e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission-denied';
  return 'read-failed';
}

// `ss` works until it does not (missing, or netlink refused): then /proc for good.
let ssWorks: boolean | undefined;

function ssAllowed(): boolean {
  ssWorks ??= !isDeno || mayRunCommand('ss');
  return ssWorks;
}

export class OsReader {
  private readonly owners = new ProcOwners();
  private readonly kind: 'proc' | 'lsof' | 'none';

  constructor() {
    if (process.platform === 'linux' && existsQuiet('/proc/net/tcp')) this.kind = 'proc';
    else if (process.platform !== 'win32') this.kind = 'lsof';
    else this.kind = 'none';
  }

  /**
   * One read of the table; `keep` picks the rows to return (and to find owners for).
   * Without `scope`, every table; with it, only the tables and ports it names (on Linux
   * through `ss` with the kernel filtering by port, else /proc).
   */
  async read(keep: (s: OsSocket) => boolean = () => true, scope?: OsScope): Promise<OsView> {
    if (this.kind === 'none') return {available: false, reason: 'unsupported-platform'};
    if (this.kind === 'lsof') {
      if (isDeno && !mayRunLsof()) return {available: false, reason: 'permission-denied'};
      try {
        return {available: true, sockets: (await readLsof()).filter(keep)};
      } catch (err) {
        return {available: false, reason: (err as {code?: unknown}).code === 'ENOENT' ? 'lsof-missing' : reasonOf(err)};
      }
    }
    if (!mayRead('/proc')) return {available: false, reason: 'permission-denied'};
    let rows: OsSocket[];
    try {
      rows = (await readLinux(scope)).filter(keep);
    } catch (err) {
      return {available: false, reason: reasonOf(err)};
    }
    if (scope?.owners === false) return {available: true, sockets: rows};
    try {
      const owners = await this.owners.resolve(rows.map((r) => r.inode));
      for (const r of rows) {
        const o = owners.get(r.inode);
        if (o) {
          r.pid = o.pid;
          r.program = o.program;
        }
      }
    } catch {
      // owners are best effort (e.g. no permission to read other processes)
    }
    return {available: true, sockets: rows};
  }
}

/** The scope's rows from the kernel, without owners: `ss` where it works, else /proc. */
async function readLinux(scope: OsScope | undefined): Promise<OsSocket[]> {
  if (!scope) return readProcNet();
  const tcp = scope.tcp !== undefined && scope.tcp.size > 0;
  const udp = scope.udp !== undefined && scope.udp.size > 0;
  const ports = new Set([...(scope.tcp ?? []), ...(scope.udp ?? [])]);
  const onPort = (p: number) => p > 0 && ports.has(p);
  const inet: Promise<OsSocket[]> = !tcp && !udp ? Promise.resolve([]) : readInet(tcp, udp, ports, onPort, scope.preferProc ?? false);
  const unix = scope.unix ? readProcNet(undefined, ['unix']) : Promise.resolve([]);
  const [a, b] = await Promise.all([inet, unix]);
  // The filter had both tables' ports together: keep each table's own.
  const mine = (r: OsSocket) => {
    const set = r.protocol.startsWith('tcp') ? scope.tcp : scope.udp;
    return set !== undefined && (set.has(portOf(r)) || (r.remote?.kind === 'inet' && set.has(r.remote.port)));
  };
  return [...a.filter(mine), ...b];
}

function portOf(r: OsSocket): number {
  return r.local.kind === 'inet' ? r.local.port : -1;
}

async function readInet(tcp: boolean, udp: boolean, ports: Set<number>, onPort: (p: number) => boolean, preferProc: boolean): Promise<OsSocket[]> {
  if (!preferProc && ssAllowed()) {
    try {
      // (With more ports than the filter takes, ss lists every row: readLinux keeps ours.)
      return await readSs({tcp, udp, ports: ports.size <= SS_MAX_FILTER_PORTS ? [...ports] : undefined});
    } catch {
      ssWorks = false;
    }
  }
  const tables: ProcTable[] = [...(tcp ? (['tcp', 'tcp6'] as const) : []), ...(udp ? (['udp', 'udp6'] as const) : [])];
  return readProcNet(onPort, tables);
}

function mayRunCommand(command: string): boolean {
  const q = (globalThis as {Deno?: {permissions?: {querySync?(d: {name: string; command?: string}): {state: string}}}}).Deno?.permissions;
  try {
    return q?.querySync?.({name: 'run', command}).state === 'granted';
  } catch {
    return false;
  }
}

function mayRunLsof(): boolean {
  return mayRunCommand('lsof');
}

function existsQuiet(p: string): boolean {
  try {
    return fs.existsSync(p);
  } catch {
    return false;
  }
}

function ep(e: OsSocket['local'] | undefined): string {
  if (!e) return '*';
  return e.kind === 'unix' ? e.path : `${e.address}:${e.port}`;
}

/** Identity of a row across polls: the 4-tuple for TCP (so ESTABLISHED → TIME_WAIT is a state change). */
export function rowKey(s: OsSocket): string {
  if (s.protocol === 'unix') return `unix ${s.inode} ${ep(s.local)}`;
  if (s.protocol.startsWith('tcp')) return `${s.protocol} ${ep(s.local)} ${ep(s.remote)}${s.state === 'LISTEN' ? ' L' : ''}`;
  return `${s.protocol} ${ep(s.local)} ${ep(s.remote)} ${s.inode}`;
}

export type OsChange = {change: 'added' | 'removed' | 'state'; entry: OsSocket; previousState?: string};

/** Changes from one poll to the next; `prev` is replaced by the new table. */
export function diffOs(prev: Map<string, OsSocket>, rows: OsSocket[]): {next: Map<string, OsSocket>; changes: OsChange[]} {
  const next = new Map<string, OsSocket>();
  const changes: OsChange[] = [];
  for (const r of rows) next.set(rowKey(r), r);
  for (const [k, r] of next) {
    const old = prev.get(k);
    if (!old) changes.push({change: 'added', entry: r});
    else if (old.state !== r.state) changes.push({change: 'state', entry: r, previousState: old.state});
  }
  for (const [k, r] of prev) if (!next.has(k)) changes.push({change: 'removed', entry: r});
  return {next, changes};
}
