// The lesson panes read the OS's socket table only while the OS pane is drawn: a
// collapsed pane, or one behind a tab, costs no /proc reads (issue 8: idle CPU ≤ 1%).
import {afterEach, describe, expect, it} from 'vitest';
import {Lab} from '../../src/lab/index.ts';
import {LessonPanes, type PaneId} from '../../src/ui/app/lesson/LessonPanes.tsx';
import {renderSized, until} from './helpers/render.tsx';

let lab: Lab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

/** A real lab that counts how many OS watchers are active right now. */
function countingLab() {
  const real = new Lab();
  const watching = {now: 0, ever: 0};
  const watchOs = real.watchOs.bind(real);
  real.watchOs = () => {
    watching.now++;
    watching.ever++;
    const stop = watchOs();
    return () => {
      watching.now--;
      stop();
    };
  };
  return {lab: real, watching};
}

const panes = (l: Lab, focused: PaneId) => (
  <LessonPanes lab={l} focused={focused} reserveRows={3} ports={[]} presenter={false} logScroll={0} renderProse={() => null} />
);

describe('OS polling follows the OS pane', () => {
  it('80×24 (stacked, OS pane collapsed): no polling until the OS pane is focused', async () => {
    const c = countingLab();
    lab = c.lab;
    await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const r = renderSized('en', panes(lab, 'prose'), 80, 24);
    await until(() => expect(r.lastFrame()).toContain('OS view'));
    expect(c.watching.ever).toBe(0);
    r.rerender(panes(lab, 'os'));
    await until(() => expect(c.watching.now).toBe(1));
    r.rerender(panes(lab, 'log'));
    await until(() => expect(c.watching.now).toBe(0));
    r.unmount();
  });

  it('130×50 (side by side, OS pane drawn): polls while shown, stops on unmount', async () => {
    const c = countingLab();
    lab = c.lab;
    const r = renderSized('en', panes(lab, 'prose'), 130, 50);
    await until(() => expect(c.watching.now).toBe(1));
    r.unmount();
    expect(c.watching.now).toBe(0);
  });
});
