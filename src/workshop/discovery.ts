// Discovery, a convenience and never required: the host announces `_socket-lessons._tcp`
// with DNS-SD over mDNS on the room's one interface; `join` with no address browses for
// two seconds. The mDNS socket is multicast-dns's own (the lab has no multicast): it is
// bound to the mDNS group only, joins it on the chosen interface only, and sends only
// there. The room code is never announced: it stays on the projector.
import os from 'node:os';
import makeMdns from 'multicast-dns';

export const SERVICE = '_socket-lessons._tcp.local';
export const BROWSE_MS = 2000;
const GROUP = '224.0.0.251';

export interface RoomAd {
  /** The instance name (not shown: no host names on screens). */
  name: string;
  address: string;
  port: number;
  lang?: string;
}

type Mdns = ReturnType<typeof makeMdns>;

/** Deno before 2.7.3 swallowed multicast errors; there, discovery is unavailable. */
export function runtimeHasMulticast(): boolean {
  const deno = (globalThis as {Deno?: {version?: {deno?: string}}}).Deno;
  const v = deno?.version?.deno;
  if (v === undefined) return true;
  const [major = 0, minor = 0, patch = 0] = v.split('.').map((n) => parseInt(n, 10));
  return major > 2 || (major === 2 && (minor > 7 || (minor === 7 && patch >= 3)));
}

/** An mDNS socket on one interface (IPv4 only: the group 224.0.0.251), or why not. */
function open(iface: string): Promise<Mdns | {error: string}> {
  if (!runtimeHasMulticast()) return Promise.resolve({error: 'runtime'});
  return new Promise((resolve) => {
    let mdns: Mdns;
    try {
      // Bound to the group, not to 0.0.0.0: only mDNS reaches this socket.
      mdns = makeMdns({interface: iface, bind: process.platform === 'win32' ? '0.0.0.0' : GROUP, reuseAddr: true, loopback: true});
    } catch (error) {
      resolve({error: (error as {code?: string}).code ?? 'open'});
      return;
    }
    let settled = false;
    const fail = (error: unknown) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      try {
        mdns.destroy();
      } catch {
        // closing anyway
      }
      resolve({error: (error as {code?: string}).code ?? 'multicast'});
    };
    // multicast-dns reports a failed group join as a warning: for us it means no discovery.
    mdns.once('warning', fail);
    mdns.once('error', fail);
    const timer = setTimeout(() => fail({code: 'no-membership'}), 2000);
    mdns.once('networkInterface', () => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      mdns.off('warning', fail);
      mdns.on('warning', () => {});
      mdns.on('error', () => {});
      resolve(mdns);
    });
  });
}

export interface Announcer {
  stop(): Promise<void>;
}

/** Announce the room on the interface of `address` (IPv4 only). Resolves with 'unavailable' when multicast does not work here. */
export async function announceRoom(room: {address: string; port: number; lang: string}): Promise<Announcer | 'unavailable'> {
  if (!room.address.includes('.') || room.address.startsWith('127.')) return 'unavailable';
  const mdns = await open(room.address);
  if ('error' in mdns) return 'unavailable';
  const instance = `socket-lessons-${room.port}-${room.address.replace(/\./g, '-')}.${SERVICE}`;
  const target = `socket-lessons-${room.address.replace(/\./g, '-')}.local`;
  const answers = (ttl: number) => [
    {name: SERVICE, type: 'PTR' as const, ttl, data: instance},
    {name: instance, type: 'SRV' as const, ttl, data: {port: room.port, target, priority: 0, weight: 0}},
    {name: instance, type: 'TXT' as const, ttl, data: [`v=1`, `lang=${room.lang}`]},
    {name: target, type: 'A' as const, ttl, data: room.address},
  ];
  const respond = () => mdns.respond({answers: answers(120)}, () => {});
  mdns.on('query', (query) => {
    if (query.questions.some((q) => q.name.toLowerCase() === SERVICE.toLowerCase() && (q.type === 'PTR' || (q.type as string) === 'ANY'))) respond();
  });
  respond();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // TTL 0: "this room is gone", then close.
        mdns.respond({answers: answers(0)}, () => mdns.destroy(() => resolve()));
      }),
  };
}

/** The interface address to browse from: the default route's, else the first external IPv4. */
export function browseInterface(preferred?: string): string | undefined {
  if (preferred) return preferred;
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/** Rooms that answer within `ms`, or 'unavailable' when multicast does not work here. */
export async function browseRooms(iface: string, ms = BROWSE_MS): Promise<RoomAd[] | 'unavailable'> {
  const mdns = await open(iface);
  if ('error' in mdns) return 'unavailable';
  const rooms = new Map<string, RoomAd>();
  const srv = new Map<string, {port: number; target: string}>();
  const a = new Map<string, string>();
  const txt = new Map<string, string>();
  mdns.on('response', (response) => {
    for (const r of [...response.answers, ...(response.additionals ?? [])]) {
      if (r.type === 'SRV' && r.name.toLowerCase().endsWith(SERVICE.toLowerCase())) {
        const d = r.data as {port: number; target: string};
        if ((r.ttl ?? 1) > 0) srv.set(r.name, {port: d.port, target: d.target});
        else srv.delete(r.name);
      } else if (r.type === 'A') a.set(r.name.toLowerCase(), String(r.data));
      else if (r.type === 'TXT') {
        const parts = (Array.isArray(r.data) ? r.data : [r.data]).map((b) => String(b));
        const lang = parts.find((p) => p.startsWith('lang='))?.slice(5);
        if (lang) txt.set(r.name, lang.slice(0, 8));
      }
    }
    for (const [name, s] of srv) {
      const address = a.get(s.target.toLowerCase());
      if (!address || !/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) continue;
      const ad: RoomAd = {name, address, port: s.port};
      const lang = txt.get(name);
      if (lang) ad.lang = lang;
      rooms.set(`${address}:${s.port}`, ad);
    }
  });
  mdns.query({questions: [{name: SERVICE, type: 'PTR'}]});
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise<void>((resolve) => mdns.destroy(() => resolve()));
  return [...rooms.values()];
}
