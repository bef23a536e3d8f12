// The real panes inside PaneLayout, in every language, at sizes from 50×20 up: no line
// wider than the terminal, no more lines than rows, no border broken or wrapped.
import {describe, expect, it} from 'vitest';
import {ConnectionDiagram} from '../../src/ui/components/ConnectionDiagram.tsx';
import {datagramArrows} from '../../src/ui/components/diagram/model.ts';
import {EventLog} from '../../src/ui/components/EventLog.tsx';
import {OsViewPane} from '../../src/ui/components/OsViewPane.tsx';
import {SocketTable} from '../../src/ui/components/SocketTable.tsx';
import {appendEvent, emptyLog} from '../../src/ui/hooks/eventLog.ts';
import {PaneLayout, type PaneSpec} from '../../src/ui/layout/PaneLayout.tsx';
import {expectFits} from './helpers/expect.ts';
import {c6Sockets, ev, lessonEvents, osView, udpSockets, v4} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';
import {frameLines, renderSized} from './helpers/render.tsx';

const sockets = [...c6Sockets(), ...udpSockets()];
const events = lessonEvents();
for (let i = 0; i < 40; i++) events.push(ev({type: 'send', socket: 'u1', protocol: 'udp', bytes: 4, to: v4(6000 + (i % 2)), local: v4(41000)}));
const log = emptyLog();
for (const e of events) appendEvent(log, e);

function panes(): PaneSpec[] {
  return [
    {id: 'sockets', title: 'sockets', weight: 2, render: ({width, height}) => <SocketTable sockets={sockets} width={width} height={height} newest="c1" />},
    {id: 'diagram', title: 'diagram', weight: 3, render: ({width, height}) => <ConnectionDiagram sockets={sockets} datagrams={datagramArrows(events, sockets)} width={width} height={height} />},
    {id: 'log', title: 'log', weight: 3, render: ({width, height}) => <EventLog log={log} width={width} height={height} presenter held={3} />},
    {id: 'os', title: 'os', weight: 2, render: ({width, height}) => <OsViewPane view={osView()} width={width} height={height} ownPid={4242} />},
  ];
}

const SIZES = [
  [50, 20],
  [60, 24],
  [79, 30],
  [80, 24],
  [100, 40],
  [119, 30],
  [120, 24],
  [160, 50],
  [200, 60],
] as const;

describe('every pane at every size', () => {
  for (const lng of LANGUAGES) {
    for (const focused of ['diagram', 'os']) {
      it(`${lng}, focus on ${focused}`, () => {
        for (const [columns, rows] of SIZES) {
          for (const presenter of [false, true]) {
            const r = renderSized(lng, <PaneLayout panes={panes()} focused={focused} presenter={presenter} />, columns, rows);
            const frame = r.lastFrame();
            const label = `${lng} ${columns}×${rows}${presenter ? ' presenter' : ''}`;
            expectFits(frame, columns, label);
            const lines = frameLines(frame);
            expect(lines.length, label).toBeLessThanOrEqual(rows);
            // Every box line that starts with a left border closes the box it opens and ends
            // with a border (side by side, the other column's box goes on): no wrap mid-border.
            for (const line of lines) {
              const rightTrim = line.trimEnd();
              if (/^[┌┏]/.test(line)) expect(rightTrim, label).toMatch(/^[┌┏][^┌┏┐┓]*[┐┓]/);
              if (/^[└┗]/.test(line)) expect(rightTrim, label).toMatch(/^[└┗][─━]*[┘┛]/);
              if (/^[┌┏└┗│┃]/.test(line)) expect(rightTrim, label).toMatch(/[┐┓┘┛│┃]$/);
            }
            expect(r.missing, label).toEqual([]);
            r.unmount();
          }
        }
      });
    }
  }
});
