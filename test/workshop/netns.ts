// A small LAN made by the test: one network namespace per machine, each with a veth pair
// whose other end is on one bridge — like laptops on one Wi-Fi. Names are unique per run
// and everything is removed afterwards (also when the test fails). Traffic stays inside.
import {execFileSync, spawnSync} from 'node:child_process';
import {randomInt} from 'node:crypto';

export interface Machine {
  /** The namespace. */
  ns: string;
  /** The bridge-side end of its veth pair (isolate it with `bridge link set … isolated on`). */
  port: string;
  address: string;
  mac: string;
}

export interface Lan {
  bridge: string;
  host: Machine;
  learners: Machine[];
  /** Client isolation on these machines' bridge ports (as a Wi-Fi access point does). */
  isolate(machines: Machine[], on: boolean): void;
  /** ARP answered ahead of time (so isolation drops the connection itself, as on Wi-Fi with proxy ARP). */
  knowNeighbour(from: Machine, to: Machine): void;
  remove(): void;
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

/** Fails (never skips) with a message when this machine cannot make namespaces. */
export function requireNetns(): void {
  const probe = spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'});
  if (probe.error || probe.status !== 0) {
    throw new Error(`The multi-host workshop tests need Linux network namespaces (ip netns, as root); "ip netns list" failed here: ${probe.error?.message ?? probe.stderr}`);
  }
}

const lans = new Set<Lan>();
process.once('exit', () => {
  for (const lan of lans) lan.remove();
});

/** One host and `learners` learner machines on a fresh /24 (10.99.N.0/24; the host is .1). */
export function makeLan(learners: number): Lan {
  requireNetns();
  const id = `${process.pid % 1000}${randomInt(100, 1000)}`;
  const subnet = `10.99.${randomInt(1, 250)}`;
  const bridge = `slbr${id}`;
  const made: Machine[] = [];
  const remove = () => {
    for (const m of made) spawnSync('ip', ['netns', 'del', m.ns]);
    spawnSync('ip', ['link', 'del', bridge]);
    lans.delete(lan);
  };
  const lan: Lan = {
    bridge,
    host: undefined as unknown as Machine,
    learners: [],
    isolate(machines, on) {
      for (const m of machines) execFileSync('bridge', ['link', 'set', 'dev', m.port, 'isolated', on ? 'on' : 'off']);
    },
    knowNeighbour(from, to) {
      ip('-n', from.ns, 'neigh', 'replace', to.address, 'lladdr', to.mac, 'dev', 'eth0', 'nud', 'permanent');
    },
    remove,
  };
  lans.add(lan);
  try {
    ip('link', 'add', bridge, 'type', 'bridge');
    ip('link', 'set', bridge, 'up');
    for (let i = 0; i <= learners; i++) {
      const ns = `sl${id}n${i}`;
      const port = `slv${id}${i}`;
      const peer = `slp${id}${i}`;
      ip('netns', 'add', ns);
      const m: Machine = {ns, port, address: `${subnet}.${i + 1}`, mac: ''};
      made.push(m);
      ip('link', 'add', port, 'type', 'veth', 'peer', 'name', peer);
      ip('link', 'set', peer, 'netns', ns);
      ip('-n', ns, 'link', 'set', peer, 'name', 'eth0');
      ip('-n', ns, 'addr', 'add', `${m.address}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      // A default route, so `host` finds its address the way it does on a laptop.
      ip('-n', ns, 'route', 'add', 'default', 'dev', 'eth0');
      ip('link', 'set', port, 'master', bridge);
      ip('link', 'set', port, 'up');
      m.mac = /link\/ether ([0-9a-f:]+)/.exec(ip('-n', ns, 'link', 'show', 'eth0'))?.[1] ?? '';
    }
  } catch (error) {
    remove();
    throw new Error(`could not build the test LAN (ip netns, veth, bridge): ${(error as {stderr?: string}).stderr ?? String(error)}`);
  }
  lan.host = made[0]!;
  lan.learners = made.slice(1);
  return lan;
}
