// Which address the room listens on: one chosen address, never all of them. By default
// the address of the interface the default route goes through; `--on` names an address
// or an interface instead. Pure choices over data the caller reads (tested without a network).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';

export interface InterfaceAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

export type AddressChoice =
  | {ok: true; address: string; iface?: string; how: 'default-route' | 'first-interface' | 'on-address' | 'on-interface'}
  | {ok: false; error: 'no-network' | 'unknown-address' | 'unknown-interface' | 'wildcard' | 'no-address-on-interface'; value?: string};

/** Every address of every interface, as os.networkInterfaces() reports them. */
export function listAddresses(): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  let all: ReturnType<typeof os.networkInterfaces>;
  try {
    all = os.networkInterfaces();
  } catch {
    return out;
  }
  for (const [name, list] of Object.entries(all)) {
    for (const a of list ?? []) {
      const family = a.family === 'IPv6' || (a.family as unknown) === 6 ? 'IPv6' : 'IPv4';
      out.push({name, address: a.address, family, internal: a.internal});
    }
  }
  return out;
}

/** Interfaces that carry a default route, best (lowest metric) first, from /proc/net/route's text. */
export function defaultRouteInterfaces(routeTable: string): string[] {
  const rows: {iface: string; metric: number}[] = [];
  for (const line of routeTable.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const [iface = '', destination = '', , flags = '0', , , metric = '0', mask = ''] = f;
    const up = (parseInt(flags, 16) & 1) === 1;
    if (up && destination === '00000000' && mask === '00000000') rows.push({iface, metric: Number(metric) || 0});
  }
  return rows.sort((a, b) => a.metric - b.metric).map((r) => r.iface);
}

export function readRouteTable(): string | undefined {
  try {
    return fs.readFileSync('/proc/net/route', 'utf8');
  } catch {
    return undefined;
  }
}

const isLinkLocal = (a: InterfaceAddress) => (a.family === 'IPv6' ? a.address.toLowerCase().startsWith('fe80') : a.address.startsWith('169.254.'));

/** The address to use on one interface: IPv4 first, then a global IPv6 address. */
function addressOn(addresses: readonly InterfaceAddress[], iface: string): InterfaceAddress | undefined {
  const on = addresses.filter((a) => a.name === iface);
  return on.find((a) => a.family === 'IPv4' && !isLinkLocal(a)) ?? on.find((a) => a.family === 'IPv6' && !isLinkLocal(a)) ?? on.find((a) => a.family === 'IPv4');
}

/** `--on ADDRESS|INTERFACE`, or the default route's interface, or the first interface that is up. */
export function chooseAddress(on: string | undefined, addresses: readonly InterfaceAddress[], routeTable: string | undefined): AddressChoice {
  if (on !== undefined) {
    const value = on.trim();
    if (value === '0.0.0.0' || value === '::' || value === '*') return {ok: false, error: 'wildcard', value};
    if (net.isIP(value)) {
      const found = addresses.find((a) => a.address.toLowerCase() === value.toLowerCase());
      return found ? {ok: true, address: found.address, iface: found.name, how: 'on-address'} : {ok: false, error: 'unknown-address', value};
    }
    if (!addresses.some((a) => a.name === value)) return {ok: false, error: 'unknown-interface', value};
    const a = addressOn(addresses, value);
    return a ? {ok: true, address: a.address, iface: value, how: 'on-interface'} : {ok: false, error: 'no-address-on-interface', value};
  }
  for (const iface of routeTable ? defaultRouteInterfaces(routeTable) : []) {
    const a = addressOn(addresses, iface);
    if (a) return {ok: true, address: a.address, iface, how: 'default-route'};
  }
  const external = addresses.filter((a) => !a.internal && !isLinkLocal(a));
  const first = external.find((a) => a.family === 'IPv4') ?? external[0];
  return first ? {ok: true, address: first.address, iface: first.name, how: 'first-interface'} : {ok: false, error: 'no-network'};
}
