// Issue 12: at 120×40 nothing in the socket table, the OS view or the connection diagram
// is cut (no …; a Unix socket's long path excepted), in any language — with every builtin lesson's real sockets, step by
// step (each lesson runs with its solutions on real loopback sockets), drawn at the size
// the lesson screen gives those panes. And table headers are never cut from their start:
// a narrow table uses the short header words, never two identical ones.
import {describe, expect, it} from 'vitest';
import type {OsView, SocketInfo} from '../../src/lab/types.ts';
import {runAuto} from '../../src/lessons/autopilot.ts';
import {loadCatalog} from '../../src/lessons/pack-catalog.ts';
import {createLessonSession} from '../../src/lessons/session.ts';
import {lessonPaneBoxes} from '../../src/ui/app/lesson/LessonPanes.tsx';
import {lessonPorts} from '../../src/ui/app/lesson/taskFocus.ts';
import {diagramLines} from '../../src/ui/components/ConnectionDiagram.tsx';
import {osViewLines} from '../../src/ui/components/OsViewPane.tsx';
import {paneInner} from '../../src/ui/components/Pane.tsx';
import {socketTableLines} from '../../src/ui/components/SocketTable.tsx';
import {arrange} from '../../src/ui/layout/arrange.ts';
import {plain} from '../../src/ui/layout/styledLine.ts';
import {testContext} from './helpers/context.ts';
import {c6Sockets, osView, udpSockets} from './helpers/fixtures.ts';
import {LANGUAGES} from './helpers/i18n.ts';

/** Rows the lesson screen keeps for its title, input line and hint bar. */
const RESERVED = 3;
const PROSE_WEIGHT = 6;

function paneSizes(columns: number, rows: number) {
  const layout = arrange(lessonPaneBoxes(PROSE_WEIGHT), columns, rows - RESERVED, 'prose');
  const size = (id: string) => {
    const placed = layout.columns.flatMap((c) => c.panes).find((p) => p.id === id)!;
    return paneInner(placed.width, placed.height);
  };
  return {sockets: size('sockets'), diagram: size('diagram'), os: size('os')};
}

interface Moment {
  where: string;
  sockets: readonly SocketInfo[];
  os: OsView;
  ports: number[];
}

/** Every builtin lesson, run with its solutions: the lab's table and the OS's after each step. */
async function lessonMoments(): Promise<Moment[]> {
  const moments: Moment[] = [];
  for (const lesson of loadCatalog().lessons) {
    const session = createLessonSession({lesson});
    try {
      await runAuto(session, {
        async onStepSettled(index, state) {
          const lab = session.getLab();
          if (!lab) return;
          moments.push({where: `${lesson.id} step ${index + 1}`, sockets: lab.snapshot(), os: await lab.osView(), ports: lessonPorts(state.values)});
        },
      });
    } finally {
      await session.close();
    }
  }
  return moments;
}

const CUT = '…';
/**
 * A Unix socket's path (a temporary directory, 40-odd cells) cannot stand whole beside the
 * other columns; it is cut at its start so the file name shows. Every other cut counts.
 */
const PATH_CUT = /…[^\s…]*\.sock\b/g;
const cutIn = (line: string) => line.replace(PATH_CUT, '').includes(CUT);

describe('at 120×40 nothing in the socket table, the OS view or the diagram is cut', () => {
  const size = paneSizes(120, 40);

  it('the panes have room: side by side, the socket table gets at least 64 cells', () => {
    expect(size.sockets.width).toBeGreaterThanOrEqual(64);
  });

  it('every lesson, every step, in en, fa and ru', {timeout: 120_000}, async () => {
    const moments = await lessonMoments();
    expect(moments.length).toBeGreaterThan(50);
    const cut: string[] = [];
    for (const lng of LANGUAGES) {
      const ctx = testContext(lng);
      for (const m of moments) {
        const drawn = {
          sockets: socketTableLines({sockets: m.sockets, ...size.sockets}, ctx),
          os: osViewLines({view: m.os, ...size.os, ports: m.ports, ownPid: process.pid}, ctx),
          diagram: diagramLines({sockets: m.sockets, ...size.diagram}, ctx),
        };
        for (const [pane, lines] of Object.entries(drawn)) {
          for (const line of lines.map(plain)) if (cutIn(line)) cut.push(`${lng} ${m.where} ${pane}: ${line.trim()}`);
        }
      }
      expect(ctx.missing).toEqual([]);
    }
    expect(cut, cut.slice(0, 20).join('\n')).toEqual([]);
  });
});

describe('table headers', () => {
  const sockets = [...c6Sockets(2), ...udpSockets()];
  /** Header cells: runs of text two or more spaces apart. */
  const headerCells = (line: string) => line.trim().split(/ {2,}/);

  for (const lng of LANGUAGES) {
    it(`${lng}: never cut from their start, never two alike, at every width from 30 to 120`, () => {
      const ctx = testContext(lng);
      for (let width = 30; width <= 120; width++) {
        for (const [name, lines] of [
          ['sockets', socketTableLines({sockets, width}, ctx)],
          ['os', osViewLines({view: osView(), width, ownPid: process.pid}, ctx)],
        ] as const) {
          const cells = headerCells(plain(lines[0]!));
          // Cut at its start, a header would begin with … (on the left, or mirrored on the right).
          const fromStart = cells.filter((c) => (ctx.text.mirror ? c.endsWith(CUT) && !c.startsWith(CUT) : c.startsWith(CUT)));
          expect(fromStart, `${name} at ${width}: ${plain(lines[0]!)}`).toEqual([]);
          expect(new Set(cells).size, `${name} at ${width}: ${plain(lines[0]!)}`).toBe(cells.length);
        }
      }
    });
  }
});
