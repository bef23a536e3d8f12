import {describe, expect, it} from 'vitest';
import {chooseAddress, defaultRouteInterfaces, type InterfaceAddress} from '../../src/workshop/address.ts';
import {Recorder} from '../../src/workshop/record.ts';

const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
eth0\t00000000\t010010AC\t0003\t0\t0\t100\t00000000\t0\t0\t0
eth0\t000010AC\t00000000\t0001\t0\t0\t100\t0000FFFF\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
`;

const ADDRESSES: InterfaceAddress[] = [
  {name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true},
  {name: 'eth0', address: 'fe80::1', family: 'IPv6', internal: false},
  {name: 'eth0', address: '172.16.0.23', family: 'IPv4', internal: false},
  {name: 'wlan0', address: '192.168.1.23', family: 'IPv4', internal: false},
  {name: 'docker0', address: '172.17.0.1', family: 'IPv4', internal: false},
  {name: 'v6only', address: '2001:db8::5', family: 'IPv6', internal: false},
];

describe('the room\'s address', () => {
  it('reads the default routes from /proc/net/route, lowest metric first', () => {
    expect(defaultRouteInterfaces(ROUTES)).toEqual(['eth0', 'wlan0']);
    expect(defaultRouteInterfaces('Iface\tDestination\n')).toEqual([]);
  });

  it('by default: the IPv4 address of the default route\'s interface, never 0.0.0.0', () => {
    expect(chooseAddress(undefined, ADDRESSES, ROUTES)).toEqual({ok: true, address: '172.16.0.23', iface: 'eth0', how: 'default-route'});
    // No route table (not Linux): the first external IPv4 address.
    expect(chooseAddress(undefined, ADDRESSES, undefined)).toEqual({ok: true, address: '172.16.0.23', iface: 'eth0', how: 'first-interface'});
    expect(chooseAddress(undefined, [ADDRESSES[0]!], undefined)).toEqual({ok: false, error: 'no-network'});
  });

  it('--on an address of this machine, or an interface by name', () => {
    expect(chooseAddress('192.168.1.23', ADDRESSES, ROUTES)).toMatchObject({ok: true, address: '192.168.1.23', how: 'on-address'});
    expect(chooseAddress('wlan0', ADDRESSES, ROUTES)).toMatchObject({ok: true, address: '192.168.1.23', iface: 'wlan0', how: 'on-interface'});
    expect(chooseAddress('lo', ADDRESSES, ROUTES)).toMatchObject({ok: true, address: '127.0.0.1'});
    expect(chooseAddress('v6only', ADDRESSES, ROUTES)).toMatchObject({ok: true, address: '2001:db8::5'});
  });

  it('refuses what it cannot bind or should not: another machine\'s address, an unknown interface, all interfaces', () => {
    expect(chooseAddress('10.9.9.9', ADDRESSES, ROUTES)).toEqual({ok: false, error: 'unknown-address', value: '10.9.9.9'});
    expect(chooseAddress('wlan9', ADDRESSES, ROUTES)).toEqual({ok: false, error: 'unknown-interface', value: 'wlan9'});
    expect(chooseAddress('0.0.0.0', ADDRESSES, ROUTES)).toEqual({ok: false, error: 'wildcard', value: '0.0.0.0'});
    expect(chooseAddress('::', ADDRESSES, ROUTES)).toMatchObject({ok: false, error: 'wildcard'});
  });
});

describe('--record', () => {
  const clock = (() => {
    let t = 0;
    return {now: () => (t += 100), date: () => new Date(Date.UTC(2025, 0, 1))};
  })();

  it('keeps joins, experiments and poll counts, and no address unless asked', () => {
    for (const withAddresses of [false, true]) {
      const r = new Recorder(withAddresses, clock);
      r.add({type: 'room', address: '10.0.0.1', port: 4040, code: 'K7Q2', max: 200, private: false, join: {node: '', deno: '', nc: ''}});
      r.add({type: 'join', learner: 1, nick: 'ava', from: {address: '10.0.0.5', port: 5000}, conn: 1, resumed: false});
      r.add({type: 'experiment', id: 'udp', phase: 'start'});
      r.add({type: 'experiment', id: 'udp', phase: 'end', summary: {datagrams: 1}});
      r.add({type: 'poll', id: 'udp', phase: 'open', counts: [0, 0, 0]});
      r.add({type: 'poll', id: 'udp', phase: 'reveal', counts: [1, 0, 0], answer: 1});
      r.add({type: 'connection', phase: 'rejected', conn: 2, from: {address: '10.0.0.6', port: 1}, reason: 'wrong-code'});
      r.add({type: 'end', reason: 'quit'});
      const text = JSON.stringify(r.record);
      expect(text.includes('10.0.0.')).toBe(withAddresses);
      expect(r.record.learners).toEqual([expect.objectContaining({learner: 1, nick: 'ava'})]);
      expect(r.record.experiments).toEqual([expect.objectContaining({id: 'udp', summary: {datagrams: 1}})]);
      expect(r.record.polls).toEqual([expect.objectContaining({id: 'udp', counts: [1, 0, 0], answer: 1, revealed: true})]);
      expect(r.record.rejected).toEqual({'wrong-code': 1});
      expect(r.record.endedAt).toBe('2025-01-01T00:00:00.000Z');
    }
  });
});

describe('discovery under Deno', () => {
  it('is available from Deno 2.7.3 on (multicast errors were swallowed before), and on Node', async () => {
    const {runtimeHasMulticast} = await import('../../src/workshop/discovery.ts');
    const g = globalThis as {Deno?: unknown};
    const before = g.Deno;
    try {
      for (const [version, ok] of [['2.7.2', false], ['2.7.3', true], ['2.9.6', true], ['1.46.0', false], ['3.0.0', true]] as const) {
        g.Deno = {version: {deno: version}};
        expect(runtimeHasMulticast(), version).toBe(ok);
      }
      delete g.Deno;
      expect(runtimeHasMulticast()).toBe(true);
    } finally {
      if (before !== undefined) g.Deno = before;
    }
  });
});
