// What the connection diagram shows, as data: sockets grouped by the port they are
// bound to, each drawn once, with links to the other end of their conversation.
// Pure, so the pairing rules (the 4-tuple) are tested without a terminal.
import type {Endpoint, LabEvent, Protocol, SocketInfo} from '../../../lab/types.ts';
import {quoted} from '../../format/index.ts';
import {truncate} from '../../layout/text.ts';
import {endpointText, sameEndpoint} from '../endpointText.ts';

/** Recent datagrams between two addresses, folded. */
export interface DatagramArrow {
  from: Endpoint;
  to: Endpoint;
  count: number;
  bytes: number;
  /** seq of the latest datagram of this pair. */
  seq: number;
  preview?: string;
}

export type DiagramNode = {kind: 'socket'; socket: SocketInfo} | {kind: 'outside'; endpoint: Endpoint};

export type LinkStyle =
  | 'connection' // TCP or Unix stream: both directions
  | 'peer' // UDP connect: a recorded default peer, no packet exchanged
  | 'datagram';

export interface Link {
  to: DiagramNode;
  style: LinkStyle;
  /** Which way data went: out = left box to right box. */
  direction: 'out' | 'in' | 'both';
  /** The right box is drawn elsewhere in the diagram (a second partner of a UDP socket). */
  reference?: boolean;
  count?: number;
  label?: string;
  newest?: boolean;
}

export interface Block {
  left: DiagramNode;
  links: Link[];
}

export type GroupKey =
  | {kind: 'port'; protocol: Protocol; port: number}
  | {kind: 'unix'; path: string}
  | {kind: 'none'};

export interface Group {
  key: GroupKey;
  /** Passive (listening) sockets of this port: drawn first and apart. */
  passive: Block[];
  blocks: Block[];
}

const WILDCARD = new Set(['0.0.0.0', '::', '::0']);

/** Does a datagram sent to `target` reach a socket bound to `local`? (0.0.0.0 takes any address.) */
function receives(local: Endpoint | undefined, target: Endpoint): boolean {
  if (!local) return false;
  if (sameEndpoint(local, target)) return true;
  return local.kind === 'inet' && target.kind === 'inet' && local.port === target.port && WILDCARD.has(local.address);
}

function groupKey(s: SocketInfo): GroupKey {
  const local = s.local;
  if (!local) return {kind: 'none'};
  if (local.kind === 'unix') return {kind: 'unix', path: local.path};
  return {kind: 'port', protocol: s.protocol, port: local.port};
}

function keyText(k: GroupKey): string {
  return k.kind === 'port' ? `${k.protocol}:${k.port}` : k.kind === 'unix' ? `unix:${k.path}` : 'none';
}

/**
 * Datagram arrows from recent events. A datagram between two of our sockets shows up
 * twice (send, then message): the send is used; a message counts only when its sender
 * is not one of ours (the learner's `nc`).
 */
export function datagramArrows(events: readonly LabEvent[], sockets: readonly SocketInfo[]): DatagramArrow[] {
  const ours = (e: Endpoint) => sockets.some((s) => s.protocol === 'udp' && sameEndpoint(s.local, e));
  const pairs = new Map<string, DatagramArrow>();
  const add = (from: Endpoint, to: Endpoint, bytes: number, seq: number, preview?: string) => {
    const key = `${endpointText(from)}>${endpointText(to)}`;
    const arrow = pairs.get(key);
    if (arrow) {
      arrow.count += 1;
      arrow.bytes += bytes;
      arrow.seq = Math.max(arrow.seq, seq);
      if (preview !== undefined) arrow.preview = preview;
    } else {
      pairs.set(key, preview === undefined ? {from, to, count: 1, bytes, seq} : {from, to, count: 1, bytes, seq, preview});
    }
  };
  const previews = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'message' && e.local) previews.set(`${endpointText(e.from)}>${endpointText(e.local)}`, e.preview);
  }
  for (const e of events) {
    if (e.protocol !== 'udp') continue;
    if (e.type === 'send') {
      const to = e.to ?? e.remote;
      if (e.local && to) add(e.local, to, e.bytes, e.seq, previews.get(`${endpointText(e.local)}>${endpointText(to)}`));
    } else if (e.type === 'message' && e.local && !ours(e.from)) {
      add(e.from, e.local, e.bytes, e.seq, e.preview);
    }
  }
  return [...pairs.values()];
}

interface Edge {
  a: DiagramNode;
  b: DiagramNode;
  style: LinkStyle;
  /** Direction as seen from a. */
  direction: 'out' | 'in' | 'both';
  count?: number;
  label?: string;
  seq?: number;
}

export interface DiagramInput {
  sockets: readonly SocketInfo[];
  datagrams?: readonly DatagramArrow[];
  /** seq of the newest event: its arrow is highlighted. */
  newestSeq?: number;
}

export function buildDiagram({sockets, datagrams = [], newestSeq}: DiagramInput): Group[] {
  const live = sockets.filter((s) => s.state !== 'closed');
  const nodes = new Map<string, DiagramNode>(live.map((s) => [s.name, {kind: 'socket', socket: s}]));
  const outside = new Map<string, DiagramNode>();
  const nodeAt = (endpoint: Endpoint, protocol: Protocol, pick: (s: SocketInfo) => boolean = () => true): DiagramNode => {
    const hit = live.find((s) => s.protocol === protocol && pick(s) && receives(s.local, endpoint));
    if (hit) return nodes.get(hit.name)!;
    const key = `${protocol}:${endpointText(endpoint)}`;
    let node = outside.get(key);
    if (!node) outside.set(key, (node = {kind: 'outside', endpoint}));
    return node;
  };

  const edges: Edge[] = [];
  const paired = new Set<string>();
  // Streams: match by the 4-tuple: my remote is your local and your remote is my local.
  for (const s of live) {
    if (s.protocol === 'udp' || s.role !== 'active' || !s.remote || paired.has(s.name)) continue;
    const peer = live.find((p) => p !== s && p.protocol === s.protocol && p.role === 'active' && !paired.has(p.name) && sameEndpoint(p.local, s.remote) && (s.protocol === 'unix' || sameEndpoint(p.remote, s.local)));
    // A Unix client socket has no address of its own, so the accepted socket's remote is
    // empty and the 4-tuple cannot tell clients apart: pair in creation order instead.
    if (peer) {
      paired.add(s.name).add(peer.name);
      edges.push({a: nodes.get(s.name)!, b: nodes.get(peer.name)!, style: 'connection', direction: 'both'});
    } else if (s.protocol !== 'unix' || s.parent === undefined) {
      paired.add(s.name);
      edges.push({a: nodes.get(s.name)!, b: nodeAt(s.remote, s.protocol, () => false), style: 'connection', direction: 'both'});
    }
  }
  for (const s of live) {
    if (s.protocol === 'udp' && s.state === 'connected' && s.remote) {
      edges.push({a: nodes.get(s.name)!, b: nodeAt(s.remote, 'udp'), style: 'peer', direction: 'out'});
    }
  }
  for (const d of datagrams) {
    const from = nodeAt(d.from, 'udp');
    const to = nodeAt(d.to, 'udp');
    const existing = edges.find((e) => e.style !== 'connection' && ((e.a === from && e.b === to) || (e.a === to && e.b === from)));
    const dir = (e: Edge) => (e.a === from ? 'out' : 'in');
    // Payload bytes are quoted with control characters escaped: a peer cannot draw on our screen.
    const label = d.count > 1 ? `×${d.count}` : d.preview !== undefined ? truncate(quoted(d.preview), 10) : `${d.bytes}B`;
    if (existing) {
      const was = existing.style === 'datagram' ? existing.direction : undefined;
      existing.style = 'datagram';
      existing.direction = was && was !== dir(existing) ? 'both' : dir(existing);
      existing.count = (existing.count ?? 0) + d.count;
      if ((existing.seq ?? -1) < d.seq) {
        existing.seq = d.seq;
        existing.label = label;
      }
      if (existing.count > d.count) existing.label = `×${existing.count}`;
    } else {
      edges.push({a: from, b: to, style: 'datagram', direction: 'out', count: d.count, label, seq: d.seq});
    }
  }

  // Who is drawn on the left: listeners first, then sockets they accepted, then the
  // sockets with the most partners (a UDP server with several clients), then the rest.
  const degree = (n: DiagramNode) => edges.filter((e) => e.a === n || e.b === n).length;
  const rank = (s: SocketInfo) => (s.role === 'passive' ? 0 : s.parent !== undefined ? 1 : 2);
  const order = [...live].sort((x, y) => rank(x) - rank(y) || degree(nodes.get(y.name)!) - degree(nodes.get(x.name)!) || x.createdAt - y.createdAt);

  const placed = new Set<DiagramNode>();
  const drawn = new Set<Edge>();
  const groups = new Map<string, Group>();
  const groupOf = (s: SocketInfo): Group => {
    const key = groupKey(s);
    const text = keyText(key);
    let g = groups.get(text);
    if (!g) groups.set(text, (g = {key, passive: [], blocks: []}));
    return g;
  };

  for (const s of order) {
    const node = nodes.get(s.name)!;
    if (placed.has(node)) continue;
    placed.add(node);
    const links: Link[] = [];
    for (const e of edges) {
      if (drawn.has(e) || (e.a !== node && e.b !== node)) continue;
      drawn.add(e);
      const other = e.a === node ? e.b : e.a;
      const direction = e.a === node ? e.direction : e.direction === 'out' ? 'in' : e.direction === 'in' ? 'out' : 'both';
      const link: Link = {to: other, style: e.style, direction};
      if (placed.has(other)) link.reference = true;
      else placed.add(other);
      if (e.count !== undefined) link.count = e.count;
      if (e.label !== undefined) link.label = e.label;
      if (newestSeq !== undefined && e.seq === newestSeq) link.newest = true;
      links.push(link);
    }
    const block = {left: node, links};
    if (s.role === 'passive') groupOf(s).passive.push(block);
    else groupOf(s).blocks.push(block);
  }
  // Unnamed groups ("no address yet") go last.
  return [...groups.values()].sort((a, b) => Number(a.key.kind === 'none') - Number(b.key.kind === 'none'));
}
