// Colour is on for this file (FORCE_COLOR before ink/chalk load), so the colour theme
// must produce colour codes (the control) and the monochrome theme must produce none.
import {vi} from 'vitest';

vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import {describe, expect, it} from 'vitest';
import {ConnectionDiagram} from '../../src/ui/components/ConnectionDiagram.tsx';
import {datagramArrows} from '../../src/ui/components/diagram/model.ts';
import {EventLog} from '../../src/ui/components/EventLog.tsx';
import {HintBar} from '../../src/ui/components/HintBar.tsx';
import {OsViewPane} from '../../src/ui/components/OsViewPane.tsx';
import {SocketTable} from '../../src/ui/components/SocketTable.tsx';
import {TabBar} from '../../src/ui/components/TabBar.tsx';
import {appendEvent, emptyLog} from '../../src/ui/hooks/eventLog.ts';
import {hintsFor} from '../../src/ui/keys.ts';
import {PaneLayout} from '../../src/ui/layout/PaneLayout.tsx';
import {colourTheme, monoTheme, themeFor, wantsMonochrome, type Theme} from '../../src/ui/theme.ts';
import {c6Sockets, lessonEvents, osView, udpSockets} from './helpers/fixtures.ts';
import {renderIn, renderSized} from './helpers/render.tsx';

// SGR parameters that set a colour: 30–39, 40–49, 90–97, 100–107 (38/48 start 256/RGB).
const COLOUR_SGR = /\u001b\[(?:\d+;)*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;\d+)*m/;

function screen(theme: Theme): string {
  const sockets = [...c6Sockets(), ...udpSockets()];
  const log = emptyLog();
  const events = lessonEvents();
  for (const e of events) appendEvent(log, e);
  const panes = [
    renderIn('en', <SocketTable sockets={sockets} width={100} newest="c1" />, {theme}),
    renderIn('en', <EventLog log={log} width={100} presenter held={2} />, {theme}),
    renderIn('en', <OsViewPane view={osView()} width={100} />, {theme}),
    renderIn('en', <ConnectionDiagram sockets={sockets} datagrams={datagramArrows(events, sockets)} width={100} />, {theme}),
    renderIn('en', <HintBar hints={hintsFor('lesson')} width={100} />, {theme}),
    renderIn('en', <TabBar tabs={[{id: 'a', title: 'A'}, {id: 'b', title: 'B'}]} active="a" width={100} />, {theme}),
    renderSized('en', <PaneLayout panes={[{id: 'a', title: 'A', render: () => null}, {id: 'b', title: 'B', render: () => null}]} focused="a" />, 100, 30, {theme}),
  ];
  const out = panes.map((p) => p.lastFrame()).join('\n');
  for (const p of panes) p.unmount();
  return out;
}

describe('theme', () => {
  it('NO_COLOR (any non-empty value) and --no-color ask for monochrome; a flag wins', () => {
    expect(wantsMonochrome({NO_COLOR: '1'}, [])).toBe(true);
    expect(wantsMonochrome({NO_COLOR: ''}, [])).toBe(false);
    expect(wantsMonochrome({}, ['node', 'cli', '--no-color'])).toBe(true);
    expect(wantsMonochrome({NO_COLOR: '1'}, ['--color'])).toBe(false);
    expect(wantsMonochrome({}, [])).toBe(false);
    expect(themeFor(true)).toBe(monoTheme);
  });

  it('the colour theme does colour the screen (control for the next test)', () => {
    expect(screen(colourTheme)).toMatch(COLOUR_SGR);
  });

  it('the monochrome theme draws every pane without a single colour code', () => {
    const out = screen(monoTheme);
    expect(out).not.toMatch(COLOUR_SGR);
    // …and the meaning is still there, in symbols and words.
    for (const symbol of ['○', '●', '◇', '▶', '✗', '▸']) expect(out).toContain(symbol);
  });

  it('every state has a symbol as well as a colour', () => {
    for (const role of ['passive', 'active', 'datagram', 'newest', 'error'] as const) expect(monoTheme.symbols[role]).toMatch(/\S/);
    expect(new Set(Object.values(monoTheme.symbols)).size).toBe(Object.values(monoTheme.symbols).length);
  });
});
