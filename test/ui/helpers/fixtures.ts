// Plain data for component tests: what a lab's snapshot, events and OS view look like
// during lesson C6 (one listener, three clients) plus some UDP.
import type {Endpoint, LabEvent, OsView, SocketInfo} from '../../../src/lab/types.ts';

export const v4 = (port: number, address = '127.0.0.1'): Endpoint => ({kind: 'inet', address, port, family: 'IPv4'});

let created = 0;
export function sock(name: string, over: Partial<SocketInfo>): SocketInfo {
  return {name, protocol: 'tcp', role: 'active', state: 'connected', bytesIn: 0, bytesOut: 0, datagramsIn: 0, datagramsOut: 0, createdAt: created++, ...over};
}

/** C4/C6: srv listens on 5000; c1..c3 connect; srv#1..3 are the accepted sockets. */
export function c6Sockets(clients = 3): SocketInfo[] {
  const out: SocketInfo[] = [sock('srv', {role: 'passive', state: 'listening', local: v4(5000)})];
  for (let i = 1; i <= clients; i++) {
    out.push(sock(`c${i}`, {local: v4(54000 + i), remote: v4(5000)}));
    out.push(sock(`srv#${i}`, {local: v4(5000), remote: v4(54000 + i), parent: 'srv'}));
  }
  return out;
}

export function udpSockets(): SocketInfo[] {
  return [
    sock('u1', {protocol: 'udp', role: 'datagram', state: 'bound', local: v4(41000)}),
    sock('r1', {protocol: 'udp', role: 'datagram', state: 'bound', local: v4(6000)}),
    sock('r2', {protocol: 'udp', role: 'datagram', state: 'bound', local: v4(6001)}),
  ];
}

let seq = 0;
type Body = LabEvent extends infer E ? (E extends LabEvent ? Omit<E, 't' | 'seq'> : never) : never;
export function ev(body: Body, t?: number): LabEvent {
  seq += 1;
  return {...body, t: t ?? seq * 3, seq} as LabEvent;
}

export function lessonEvents(): LabEvent[] {
  return [
    ev({type: 'socket', socket: 'srv', protocol: 'tcp', role: 'passive'}),
    ev({type: 'listen', socket: 'srv', protocol: 'tcp', backlog: 511, local: v4(5000)}),
    ev({type: 'connect', socket: 'c1', protocol: 'tcp', local: v4(54001), remote: v4(5000)}),
    ev({type: 'accept', socket: 'srv', protocol: 'tcp', child: 'srv#1', local: v4(5000), remote: v4(54001)}),
    ev({type: 'data', socket: 'srv#1', protocol: 'tcp', bytes: 5, preview: 'hello', local: v4(5000), remote: v4(54001)}),
    ev({type: 'error', socket: 'c9', protocol: 'tcp', error: {code: 'ECONNREFUSED', operation: 'connect'}}),
  ];
}

export function osView(ownPid = 4242): OsView {
  return {
    available: true,
    sockets: [
      {protocol: 'tcp', local: v4(5000), state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 1, pid: ownPid, program: 'node'},
      {protocol: 'tcp', local: v4(5000), remote: v4(54001), state: 'ESTABLISHED', sendQueue: 0, recvQueue: 0, inode: 2, pid: ownPid, program: 'node'},
      {protocol: 'tcp', local: v4(54002), remote: v4(5000), state: 'ESTABLISHED', sendQueue: 0, recvQueue: 0, inode: 3, pid: 777, program: 'nc'},
      {protocol: 'tcp', local: v4(54003), remote: v4(5000), state: 'TIME_WAIT', sendQueue: 0, recvQueue: 0, inode: 0},
      {protocol: 'udp', local: v4(6000), state: 'UNCONN', sendQueue: 0, recvQueue: 0, inode: 5, pid: ownPid, program: 'node'},
      {protocol: 'tcp', local: v4(8080), state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 6, pid: 1, program: 'other'},
    ],
  };
}
