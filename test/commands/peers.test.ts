import {describe, expect, it} from 'vitest';
import {udpReceiverFor} from '../../src/commands/peers.ts';
import type {Endpoint, SocketInfo} from '../../src/lab/types.ts';

const at = (port: number): Endpoint => ({kind: 'inet', address: '127.0.0.1', port, family: 'IPv4'});
const udp = (name: string, local: number, remote?: number): SocketInfo => ({
  name,
  protocol: 'udp',
  role: 'datagram',
  state: remote ? 'connected' : 'bound',
  local: at(local),
  ...(remote ? {remote: at(remote)} : {}),
  bytesIn: 0,
  bytesOut: 0,
  datagramsIn: 0,
  datagramsOut: 0,
  createdAt: 0,
});

describe('udpReceiverFor', () => {
  it('finds the socket bound to the destination', () => {
    expect(udpReceiverFor([udp('a', 5001), udp('s', 5002)], at(5001), 's')?.name).toBe('a');
  });

  it('a connected receiver gets datagrams from its peer only (the kernel drops the rest)', () => {
    const sockets = [udp('a', 5001, 5003), udp('stranger', 5002), udp('b', 5003)];
    expect(udpReceiverFor(sockets, at(5001), 'stranger')).toBeUndefined();
    expect(udpReceiverFor(sockets, at(5001), 'b')?.name).toBe('a');
  });
});
