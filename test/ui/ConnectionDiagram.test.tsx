import {describe, expect, it} from 'vitest';
import {ConnectionDiagram, diagramLines} from '../../src/ui/components/ConnectionDiagram.tsx';
import {buildDiagram, datagramArrows, type DiagramNode} from '../../src/ui/components/diagram/model.ts';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {monoTheme} from '../../src/ui/theme.ts';
import {testContext} from './helpers/context.ts';
import {expectFits, WIDTHS} from './helpers/expect.ts';
import {c6Sockets, ev, sock, udpSockets, v4} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {renderIn} from './helpers/render.tsx';

const name = (n: DiagramNode) => (n.kind === 'socket' ? n.socket.name : `outside ${n.endpoint.kind === 'inet' ? n.endpoint.port : ''}`);

function udpTraffic() {
  const events = [];
  for (let i = 0; i < 3; i++) {
    events.push(ev({type: 'send', socket: 'u1', protocol: 'udp', bytes: 4, to: v4(6000), local: v4(41000)}));
    events.push(ev({type: 'message', socket: 'r1', protocol: 'udp', bytes: 4, from: v4(41000), preview: 'ping', local: v4(6000)}));
  }
  events.push(ev({type: 'send', socket: 'u1', protocol: 'udp', bytes: 2, to: v4(6001), local: v4(41000)}));
  events.push(ev({type: 'message', socket: 'r2', protocol: 'udp', bytes: 2, from: v4(41000), preview: 'hi', local: v4(6001)}));
  return events;
}

describe('diagram model', () => {
  it('pairs the ends of each connection by the 4-tuple, not by order', () => {
    // Shuffle: the accepted sockets come in the reverse order of their clients.
    const sockets = c6Sockets();
    const shuffled = [sockets[0]!, ...sockets.slice(1).reverse()];
    const [group] = buildDiagram({sockets: shuffled});
    const pairs = group!.blocks.map((b) => `${name(b.left)}-${name(b.links[0]!.to)}`).sort();
    expect(pairs).toEqual(['srv#1-c1', 'srv#2-c2', 'srv#3-c3']);
  });

  it('keeps the passive socket apart: first, alone, with no line', () => {
    const [group] = buildDiagram({sockets: c6Sockets()});
    expect(group!.key).toEqual({kind: 'port', protocol: 'tcp', port: 5000});
    expect(group!.passive.map((b) => name(b.left))).toEqual(['srv']);
    expect(group!.passive[0]!.links).toEqual([]);
    expect(group!.blocks.every((b) => b.left.kind === 'socket' && b.left.socket.role === 'active')).toBe(true);
  });

  it('draws a peer outside the app (the learner’s nc) as an outside box', () => {
    const sockets = [sock('c1', {local: v4(54001), remote: v4(9000)})];
    const [group] = buildDiagram({sockets});
    expect(group!.blocks[0]!.links[0]!.to).toEqual({kind: 'outside', endpoint: v4(9000)});
  });

  it('folds datagrams per pair: one socket sending to two receivers fans out', () => {
    const sockets = udpSockets();
    const arrows = datagramArrows(udpTraffic(), sockets);
    expect(arrows.map((a) => [a.from.kind === 'inet' && a.from.port, a.to.kind === 'inet' && a.to.port, a.count])).toEqual([
      [41000, 6000, 3],
      [41000, 6001, 1],
    ]);
    const groups = buildDiagram({sockets, datagrams: arrows});
    const u1 = groups.flatMap((g) => g.blocks).find((b) => name(b.left) === 'u1')!;
    expect(u1.links.map((l) => [name(l.to), l.direction, l.label])).toEqual([
      ['r1', 'out', '×3'],
      ['r2', 'out', '"hi"'],
    ]);
    // Each receiver is drawn once, as a partner of u1, not again on its own.
    expect(groups.flatMap((g) => g.blocks).map((b) => name(b.left))).toEqual(['u1']);
  });

  it('a UDP connect draws a dashed default-peer line with no datagram', () => {
    const sockets = [sock('u', {protocol: 'udp', role: 'datagram', state: 'connected', local: v4(41000), remote: v4(6000)}), sock('r', {protocol: 'udp', role: 'datagram', state: 'bound', local: v4(6000)})];
    const links = buildDiagram({sockets}).flatMap((g) => g.blocks).flatMap((b) => b.links);
    expect(links).toEqual([expect.objectContaining({style: 'peer', direction: 'out'})]);
  });

  it('a socket with no address yet gets its own group, last', () => {
    const groups = buildDiagram({sockets: [sock('s1', {state: 'new'}), ...c6Sockets(1)]});
    expect(groups.at(-1)!.key).toEqual({kind: 'none'});
  });
});

describe('ConnectionDiagram', () => {
  const sockets = [...c6Sockets(), ...udpSockets()];
  const events = udpTraffic();
  const datagrams = datagramArrows(events, sockets);

  for (const lng of LANGUAGES) {
    for (const width of WIDTHS) {
      it(`${lng}: never wider than ${width} cells, boxes or compact, any height`, () => {
        for (const height of [undefined, 30, 12, 5]) {
          const r = renderIn(lng, <ConnectionDiagram sockets={sockets} datagrams={datagrams} newestSeq={events.at(-1)!.seq} width={width} {...(height ? {height} : {})} />);
          expectFits(r.lastFrame(), width, `h=${height}`);
          if (height) expect(r.lastFrame()!.split('\n').length).toBeLessThanOrEqual(height);
          r.unmount();
        }
      });
    }
    it(`${lng}: group titles and state words are translated`, () => {
      const r = renderIn(lng, <ConnectionDiagram sockets={sockets} width={120} />, {bidi: 'off'});
      const words = {en: ['TCP port 5000', 'waits; in no conversation', 'listening'], fa: ['پورت TCP 5000', 'منتظر است', 'گوش می‌دهد'], ru: ['TCP, порт 5000', 'ждёт', 'слушает']}[lng];
      for (const w of words) expect(r.lastFrame()).toContain(w);
      expect(r.missing).toEqual([]);
      r.unmount();
    });
  }

  it('at 80 columns draws boxes: passive box, a blank line, then connected pairs joined by a line', () => {
    const lines = diagramLines({sockets: c6Sockets(), width: 76}, testContext('en', {theme: monoTheme})).map((l) => plain(l).trimEnd());
    expect(lines[0]).toMatch(/^─ TCP port 5000 ─+$/);
    expect(lines[1]).toMatch(/^╔═ ○ srv ═+╗$/);
    expect(lines[2]).toMatch(/^║ 127\.0\.0\.1:5000 +║ +waits; in no conversation/);
    expect(lines[4]!.trim()).toBe('');
    expect(lines[5]).toMatch(/^┌─ ● srv#1 ─+┐ +┌─ ● c1 ─+┐$/);
    expect(lines[6]).toMatch(/^│ 127\.0\.0\.1:5000 +├◀─+▶│ 127\.0\.0\.1:54001 +│$/);
    expect(lines[7]).toMatch(/^└─ connected ─+┘ +└─ connected ─+┘$/);
  });

  it('fans one UDP sender out to two receivers with arrows labelled by the data', () => {
    const lines = diagramLines({sockets: udpSockets(), datagrams, width: 76}, testContext('en')).map(plain);
    expect(lines[0]).toMatch(/^─ UDP port 41000/);
    expect(lines[2]).toMatch(/├─┬─+×3─+▶│ 127\.0\.0\.1:6000/);
    expect(lines[5]).toMatch(/└─+"hi"─+▶│ 127\.0\.0\.1:6001/);
  });

  it('falls back to one line per link when boxes do not fit, keeping ports visible', () => {
    const lines = diagramLines({sockets: c6Sockets(), width: 30}, testContext('en')).map(plain);
    expect(lines.some((l) => l.includes('╔'))).toBe(false);
    expect(lines.find((l) => l.includes('srv#1'))).toMatch(/◀──▶.*:5400/);
    // Boxes need 15 rows here, one line per link 5: with 4 rows, compact and clipped.
    const short = diagramLines({sockets: c6Sockets(), width: 76, height: 4}, testContext('en')).map(plain);
    expect(short).toHaveLength(4);
    expect(short[1]).toContain('○ srv 127.0.0.1:5000 · waits');
    expect(short.at(-1)).toContain('+2 more lines');
  });

  it('says when there is nothing to draw', () => {
    const r = renderIn('fa', <ConnectionDiagram sockets={[]} width={40} />, {bidi: 'off'});
    expect(r.lastFrame()).toContain('هنوز سوکتی برای کشیدن نیست.');
    r.unmount();
  });
});
