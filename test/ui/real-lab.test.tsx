// The panes on a real Lab: real sockets on loopback, real events, the real OS view.
import {Box} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {Lab} from '../../src/lab/index.ts';
import type {Endpoint} from '../../src/lab/types.ts';
import {ConnectionDiagram} from '../../src/ui/components/ConnectionDiagram.tsx';
import {datagramArrows} from '../../src/ui/components/diagram/model.ts';
import {EventLog} from '../../src/ui/components/EventLog.tsx';
import {OsViewPane} from '../../src/ui/components/OsViewPane.tsx';
import {SocketTable} from '../../src/ui/components/SocketTable.tsx';
import {useLabEvents} from '../../src/ui/hooks/useLabEvents.ts';
import {useLabSnapshot} from '../../src/ui/hooks/useLabSnapshot.ts';
import {useOsView} from '../../src/ui/hooks/useOsView.ts';
import {expectFits} from './helpers/expect.ts';
import {renderIn, until} from './helpers/render.tsx';

let lab: Lab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

const port = (e: Endpoint | undefined) => (e?.kind === 'inet' ? e.port : -1);

function LabScreen({lab, width, renders, os = false}: {lab: Lab; width: number; renders: {n: number}; os?: boolean}) {
  renders.n += 1;
  const sockets = useLabSnapshot(lab);
  const events = useLabEvents(lab);
  const view = useOsView(lab, os);
  return (
    <Box flexDirection="column">
      <SocketTable sockets={sockets} width={width} />
      <ConnectionDiagram sockets={sockets} datagrams={datagramArrows(events.recent, sockets)} width={width} />
      <EventLog log={events.log} width={width} height={12} />
      {os && <OsViewPane view={view} width={width} ownPid={process.pid} ports={sockets.map((s) => port(s.local)).filter((p) => p > 0)} />}
    </Box>
  );
}

describe('panes on a real lab', () => {
  it('one listener, two clients: four sockets on one port, each pair joined by the 4-tuple', async () => {
    lab = new Lab();
    const renders = {n: 0};
    const r = renderIn('en', <LabScreen lab={lab} width={80} renders={renders} />);
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const p = port(srv.local);
    const c1 = await lab.connect({name: 'c1', host: '127.0.0.1', port: p});
    const c2 = await lab.connect({name: 'c2', host: '127.0.0.1', port: p});
    await lab.waitFor((e) => e.type === 'accept' && e.child === 'srv#2', {timeoutMs: 5000, since: 0});
    await until(() => {
      const frame = r.lastFrame()!;
      expect(frame).toContain(`─ TCP port ${p} ─`);
      expect(frame).toMatch(/╔═ ○ srv ═/);
      // Each accepted socket's box is on the same line as the box of its own client.
      const lines = frame.split('\n');
      for (const child of ['srv#1', 'srv#2']) {
        // The lab's truth: the client whose local port is this accepted socket's remote port.
        const client = [c1, c2].find((c) => port(c.local) === port(lab!.get(child)!.remote))!;
        const row = lines.findIndex((l) => l.includes(`┌─ ● ${child} `));
        expect(row).toBeGreaterThan(0);
        expect(lines[row]).toContain(`┌─ ● ${client.name} `);
        expect(lines[row + 1]).toMatch(new RegExp(`:${p} +├◀─+▶│ 127\\.0\\.0\\.1:${port(client.local)} `));
      }
      expect(frame).toMatch(/srv accepted a connection/);
    }, 5000);
    expectFits(r.lastFrame(), 80);
    r.unmount();
  });

  it('a UDP flood reaches the screen in batches, folded into counting rows', async () => {
    lab = new Lab();
    const renders = {n: 0};
    const r = renderIn('en', <LabScreen lab={lab} width={100} renders={renders} />);
    lab.socket('udp', 'rx');
    lab.socket('udp', 'tx');
    const rx = await lab.bind('rx', {host: '127.0.0.1', port: 0});
    const before = renders.n;
    const N = 2000;
    const sends = [];
    for (let i = 0; i < N; i++) sends.push(lab.sendto('tx', {host: '127.0.0.1', port: port(rx.local)}, 'ping'));
    await Promise.all(sends);
    await until(() => expect(r.lastFrame()).toMatch(/\+1,999 datagrams sent/), 10_000);
    // Far fewer renders than events (the datagrams also arrive as 'message' events).
    expect(renders.n - before).toBeLessThan(N / 10);
    expect(r.lastFrame()).toMatch(/tx +sendto/);
    r.unmount();
  });

  it('the OS view shows our listener with our pid, while it is visible', async () => {
    lab = new Lab();
    const view = await lab.osView();
    if (!view.available) return; // no /proc or lsof here: the unavailable state is tested elsewhere
    const renders = {n: 0};
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const r = renderIn('en', <LabScreen lab={lab} width={120} renders={renders} os />);
    await until(() => expect(r.lastFrame()).toMatch(new RegExp(`127\\.0\\.0\\.1:${port(srv.local)} +○ LISTEN +${process.pid} +this app`)), 5000);
    r.unmount();
  });
});
