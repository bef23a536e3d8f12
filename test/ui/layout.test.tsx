import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import {arrange, splitSizes, type PaneBox} from '../../src/ui/layout/arrange.ts';
import {chooseLayout} from '../../src/ui/layout/chooseLayout.ts';
import {PaneLayout, useVisiblePanes, type PaneSpec} from '../../src/ui/layout/PaneLayout.tsx';
import {expectFits} from './helpers/expect.ts';
import {frameLines, renderSized, until} from './helpers/render.tsx';

describe('chooseLayout', () => {
  it('switches exactly at the issue breakpoints', () => {
    expect(chooseLayout(120, 24)).toBe('side');
    expect(chooseLayout(119, 24)).toBe('stacked');
    expect(chooseLayout(80, 24)).toBe('stacked');
    expect(chooseLayout(79, 40)).toBe('tabs');
    expect(chooseLayout(200, 23)).toBe('tabs');
    expect(chooseLayout(50, 20)).toBe('tabs');
  });
  it('presenter mode wants more room before splitting', () => {
    expect(chooseLayout(120, 40, {presenter: true})).toBe('stacked');
    expect(chooseLayout(150, 40, {presenter: true})).toBe('side');
    expect(chooseLayout(99, 40, {presenter: true})).toBe('tabs');
  });
});

const boxes: PaneBox[] = [
  {id: 'prose', weight: 2},
  {id: 'sockets'},
  {id: 'diagram', weight: 2},
  {id: 'log', weight: 2},
  {id: 'os'},
];

describe('arrange', () => {
  it('splits rows exactly, minimums first', () => {
    expect(splitSizes([{weight: 1, min: 3}, {weight: 3, min: 3}], 14)).toEqual([5, 9]);
    expect(splitSizes([{weight: 1, min: 5}, {weight: 1, min: 5}], 11).reduce((a, b) => a + b)).toBe(11);
  });

  it('at every size from 50×20 to 200×60 the panes fill the space and never exceed it', () => {
    for (let w = 50; w <= 200; w += 7) {
      for (let h = 20; h <= 60; h += 3) {
        for (const focused of ['prose', 'log']) {
          const a = arrange(boxes, w, h, focused);
          expect(a.columns.reduce((s, c) => s + c.width, 0), `${w}x${h}`).toBe(w);
          for (const c of a.columns) {
            const used = c.panes.reduce((s, p) => s + p.height, 0) + (a.tabBar ? 1 : 0);
            expect(used, `${w}x${h} ${a.kind}`).toBeLessThanOrEqual(h);
            for (const p of c.panes) expect(p.width).toBe(c.width);
          }
          // The focused pane is never the one collapsed.
          expect(a.columns.flatMap((c) => c.panes).find((p) => p.id === focused)?.collapsed).toBe(false);
        }
      }
    }
  });

  it('side by side: the first pane on the left, the rest stacked on the right', () => {
    const a = arrange(boxes, 140, 50, 'prose');
    expect(a.kind).toBe('side');
    expect(a.columns.map((c) => c.panes.map((p) => p.id))).toEqual([['prose'], ['sockets', 'diagram', 'log', 'os']]);
  });

  it('side by side on a right-to-left screen: the main column on the right, where reading starts', () => {
    const a = arrange(boxes, 140, 50, 'prose', {mirror: true});
    expect(a.columns.map((c) => c.panes.map((p) => p.id))).toEqual([['sockets', 'diagram', 'log', 'os'], ['prose']]);
    expect(a.columns.map((c) => c.width)).toEqual([77, 63]);
    // Stacked and tabs have one column: nothing to mirror.
    expect(arrange(boxes, 100, 30, 'prose', {mirror: true})).toEqual(arrange(boxes, 100, 30, 'prose'));
  });

  it('stacked on a small screen: panes that do not fit collapse to a title line, never the focused one', () => {
    const a = arrange(boxes, 90, 24, 'os');
    expect(a.kind).toBe('stacked');
    const panes = a.columns[0]!.panes;
    expect(panes.find((p) => p.id === 'os')!.collapsed).toBe(false);
    expect(panes.some((p) => p.collapsed)).toBe(true);
    expect(panes.reduce((s, p) => s + p.height, 0)).toBe(24);
  });

  it('tabs: one pane, the focused one, under a tab bar', () => {
    const a = arrange(boxes, 60, 30, 'log');
    expect(a).toEqual({kind: 'tabs', tabBar: true, columns: [{width: 60, panes: [{id: 'log', width: 60, height: 29, collapsed: false}]}]});
  });
});

function specs(): PaneSpec[] {
  const fill = (label: string) => (size: {width: number; height: number}) => (
    <>
      {Array.from({length: size.height}, (_, i) => (
        <Text key={i} wrap="truncate-end">{`${label}${i} `.repeat(60)}</Text>
      ))}
    </>
  );
  return [
    {id: 'prose', title: 'Lesson', weight: 2, render: fill('p')},
    {id: 'sockets', title: 'Sockets', render: fill('s')},
    {id: 'diagram', title: 'Diagram', weight: 2, render: fill('d')},
    {id: 'log', title: 'Events', weight: 2, render: fill('l')},
    {id: 'os', title: 'OS view', render: fill('o')},
  ];
}

describe('PaneLayout', () => {
  for (const [columns, rows] of [
    [50, 20],
    [79, 24],
    [80, 24],
    [100, 30],
    [120, 24],
    [160, 50],
  ] as const) {
    it(`${columns}×${rows}: no line wider than the terminal, no more lines than rows, every border intact`, () => {
      const r = renderSized('en', <PaneLayout panes={specs()} focused="log" />, columns, rows);
      const frame = r.lastFrame();
      expectFits(frame, columns);
      const lines = frameLines(frame);
      expect(lines.length).toBeLessThanOrEqual(rows);
      // A pane's top border line is never broken: it starts and ends with a corner.
      for (const line of lines.filter((l) => /^[┌┏]/.test(l))) expect(line).toMatch(/[┐┓]$/);
      r.unmount();
    });
  }

  it('re-lays out live on resize: side → stacked → tabs and back', async () => {
    const r = renderSized('en', <PaneLayout panes={specs()} focused="log" />, 130, 40);
    const topLine = () => frameLines(r.lastFrame())[0]!;
    // Side by side: the Lesson pane and the Sockets pane share the first line.
    await until(() => expect(topLine()).toMatch(/Lesson.*Sockets/));
    r.stdout.resize(100, 40);
    await until(() => expect(topLine()).toMatch(/^┌─ Lesson ─+┐$/));
    r.stdout.resize(60, 30);
    await until(() => expect(topLine()).toContain('▸ Events'));
    expect(frameLines(r.lastFrame())[0]).toContain('│');
    expectFits(r.lastFrame(), 60);
    r.stdout.resize(130, 40);
    await until(() => expect(topLine()).toMatch(/Lesson.*Sockets/));
    r.unmount();
  });

  it('Persian laid out by the app: side by side, the first pane is on the right; English and off mode keep it left', () => {
    const top = (lng: 'fa' | 'en', bidi: 'app' | 'off') => {
      const r = renderSized(lng, <PaneLayout panes={specs()} focused="prose" />, 130, 40, {bidi});
      const line = frameLines(r.lastFrame())[0]!;
      r.unmount();
      return line;
    };
    // Right to left the titles stand at the right end of their borders.
    expect(top('fa', 'app')).toMatch(/^┌─+ Sockets ─┐┏━+ ▸ Lesson ━┓$/);
    expect(top('fa', 'off')).toMatch(/^┏━ ▸ Lesson ━+┓┌─ Sockets ─+┐$/);
    expect(top('en', 'app')).toMatch(/^┏━ ▸ Lesson ━+┓┌─ Sockets ─+┐$/);
  });

  it('in the tabs layout the focused pane fills the screen under the tab bar', () => {
    const r = renderSized('en', <PaneLayout panes={specs()} focused="diagram" reserveRows={1} />, 60, 20);
    const lines = frameLines(r.lastFrame());
    expect(lines[0]).toMatch(/Lesson.*▸ Diagram.*OS/);
    expect(lines[1]).toMatch(/^┏━ ▸ Diagram ━+┓$/);
    expect(lines.length).toBeLessThanOrEqual(19);
    r.unmount();
  });
});

describe('useVisiblePanes', () => {
  function Probe({focused}: {focused: string}) {
    const visible = useVisiblePanes(specs(), focused);
    return <Text>{[...visible].sort().join(',')}</Text>;
  }
  it('names only the panes on screen, and follows resizes', async () => {
    const r = renderSized('en', <Probe focused="log" />, 130, 50);
    expect(r.lastFrame()).toBe('diagram,log,os,prose,sockets');
    r.stdout.resize(60, 30);
    await until(() => expect(r.lastFrame()).toBe('log'));
    r.unmount();
  });
});
