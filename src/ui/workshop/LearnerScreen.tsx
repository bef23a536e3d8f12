// The learner's screen: find yourself (your socket, and how the host sees it), your copy
// of the wall with your row marked, the poll to answer, the experiment as your program
// lived it, your OS's own view of your sockets, and the doctor when a join fails.
import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {LearnerClient} from '../../workshop/client.ts';
import {LearnerRecords, type LearnerRecord} from '../../workshop/learner-records.ts';
import type {LearnerState} from '../../workshop/learner.ts';
import {Lines} from '../components/Line.tsx';
import {OsViewPane} from '../components/OsViewPane.tsx';
import {Pane, paneInner} from '../components/Pane.tsx';
import {ScreenFrame, useHelpToggle} from '../app/ScreenFrame.tsx';
import {createFrameBatcher} from '../hooks/frameBatcher.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {useOsView} from '../hooks/useOsView.ts';
import {choiceNumber, hintsFor, useKeys} from '../keys.ts';
import {noteLines} from '../layout/paneContext.ts';
import {experimentName} from '../format/workshop.ts';
import type {Translate} from '../format/translate.ts';
import {doctorLines, experimentStoryLines, ownRowsFirst, pollViewLines, wallCopyLines, youLines} from './learnerLines.ts';

export interface LearnerScreenProps {
  client: LearnerClient;
  width: number;
  height: number;
  onQuit(code: number): void;
}

/** The client's state, redrawn at most 30 times a second, and the current experiment's records. */
function useLearner(client: LearnerClient): {state: LearnerState; story: readonly LearnerRecord[]} {
  const [view, setView] = useState(() => ({state: client.state, story: [] as LearnerRecord[]}));
  useEffect(() => {
    const records = new LearnerRecords();
    let story: LearnerRecord[] = [];
    let state = client.state;
    const batcher = createFrameBatcher(() => setView({state, story}), 30);
    const off = client.subscribe((s) => {
      state = s;
      for (const r of records.next(s)) {
        if (r.type !== 'experiment') continue;
        story = r.change === 'start' ? [r] : [...story, r];
      }
      batcher.schedule();
    });
    return () => {
      batcher.cancel();
      off();
    };
  }, [client]);
  return view;
}

export function LearnerScreen({client, width, height, onQuit}: LearnerScreenProps) {
  const ctx = usePaneContext();
  const {t} = ctx;
  const {state, story} = useLearner(client);
  const help = useHelpToggle();
  // A rehearsal on one machine shows the host's sockets on the room's port too: the
  // learner's own rows (then those no process holds, such as a TIME_WAIT) come first.
  const osAll = useOsView(client.lab, state.phase !== 'failed');
  const os = useMemo(() => ownRowsFirst(osAll, process.pid), [osAll]);
  useKeys((action, input) => {
    if (action === 'interrupt') return onQuit(130);
    if (help.consume(action)) return;
    if (action === 'quit') return onQuit(state.phase === 'failed' && state.diagnosis?.kind !== 'host-ended' ? 1 : 0);
    if (action === 'choose') {
      const n = choiceNumber(input);
      if (n !== undefined) client.answer(n);
    } else if (action === 'stuck' && state.phase === 'joined') client.setStuck(!state.stuck);
  });
  const title = t('workshop:learner.title', {host: state.host, port: state.port});
  return (
    <ScreenFrame title={title} width={width} height={height} hints={hintsFor('learner')} help={help} workshop>
      {(body) => {
        const inner = paneInner(body.width, 0).width;
        const panes: {key: string; title: string; lines: ReturnType<typeof noteLines>; focused?: boolean; os?: boolean}[] = [];
        if (state.phase === 'failed') panes.push({key: 'doctor', title: t('workshop:learner.doctor'), lines: doctorLines(state, ctx, inner), focused: true});
        panes.push({key: 'you', title: t('workshop:learner.you'), lines: youLines(state, ctx, inner)});
        if (state.stuck) panes.push({key: 'stuck', title: t('workshop:keys.stuck'), lines: noteLines(ctx, t('workshop:learner.stuckOn'), inner, 'error')});
        const poll = pollViewLines(state, ctx, inner);
        if (poll.length > 0) panes.push({key: 'poll', title: t('workshop:learner.poll'), lines: poll, focused: state.poll?.answered === undefined});
        if (state.experiment && story.length > 0) {
          panes.push({key: 'exp', title: t('workshop:wall.expTitle', {name: experimentName(state.experiment.id, t as unknown as Translate)}), lines: experimentStoryLines(story, state, ctx, inner)});
        }
        panes.push({key: 'wall', title: t('workshop:learner.wall'), lines: wallCopyLines(state, ctx, inner)});
        // Heights: each pane its lines (+2 borders) while they fit; the OS view takes what is left.
        let left = body.height;
        const shown = panes.map((p) => {
          const h = Math.max(0, Math.min(p.lines.length + 2, left));
          left -= h;
          return {...p, height: h};
        });
        const osHeight = left >= 5 ? left : 0;
        return (
          <Box flexDirection="column">
            {shown.filter((p) => p.height >= 3).map((p) => (
              <Pane key={p.key} title={p.title} width={body.width} height={p.height} focused={p.focused ?? false}>
                <Box flexDirection="column">
                  <Lines lines={p.lines.slice(0, p.height - 2)} />
                </Box>
              </Pane>
            ))}
            {osHeight > 0 ? (
              <Pane title={t('workshop:learner.os')} width={body.width} height={osHeight}>
                <OsViewPane view={os} width={inner} height={osHeight - 2} ownPid={process.pid} />
              </Pane>
            ) : null}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}
