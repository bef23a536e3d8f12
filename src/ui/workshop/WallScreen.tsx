// The wall, made for a projector: the join line, large; the room's one listening socket
// and every accepted socket (nickname, source address:port, state, bytes) beside the
// operating system's own rows for that port; the counts; the poll's histogram and the
// experiment's explanation. `g` swaps in the progress grid (not for the projector).
import {Box} from 'ink';
import {useMemo, useRef, useState} from 'react';
import type {OsView} from '../../lab/types.ts';
import type {RoomRecord, WorkshopHost} from '../../workshop/host.ts';
import {EXPERIMENTS} from '../../workshop/experiments.ts';
import {Lines} from '../components/Line.tsx';
import {OsViewPane} from '../components/OsViewPane.tsx';
import {Pane, paneInner} from '../components/Pane.tsx';
import {ScreenFrame, useHelpToggle} from '../app/ScreenFrame.tsx';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {useOsView} from '../hooks/useOsView.ts';
import {choiceNumber, hintsFor, useKeys} from '../keys.ts';
import {noteLines} from '../layout/paneContext.ts';
import {describeHostEvent, experimentName} from '../format/workshop.ts';
import type {Translate} from '../format/translate.ts';
import {useHostRoom} from './useHostRoom.ts';
import {countsLine, experimentLines, experimentTitle, failureLines, gridLines, joinLines, noticeLines, pickerLines, pollLines, socketLines} from './wallLines.ts';

export interface WallScreenProps {
  host: WorkshopHost;
  room: RoomRecord;
  width: number;
  height: number;
  onQuit(code: number): void;
}

type Mode = 'wall' | 'grid' | 'pickPoll' | 'pickExperiment' | 'confirm';

/** Only the rows of the room's own ports (its TCP port, and UDP during that experiment). */
function roomRows(view: OsView | undefined, port: number, udpPort: number | undefined): OsView | undefined {
  if (!view?.available) return view;
  return {available: true, sockets: view.sockets.filter((s) => s.local.kind === 'inet' && (s.protocol.startsWith('tcp') ? s.local.port === port : s.local.port === udpPort))};
}

export function WallScreen({host, room, width, height, onQuit}: WallScreenProps) {
  const ctx = usePaneContext();
  const {t} = ctx;
  const tr = t as unknown as Translate;
  const {model, events} = useHostRoom(host, room);
  const [mode, setModeState] = useState<Mode>('wall');
  // Keys typed together ("e1") arrive in one handler call: each must see the mode the one before set.
  const modeNow = useRef<Mode>('wall');
  const setMode = (next: Mode | ((m: Mode) => Mode)) => {
    modeNow.current = typeof next === 'function' ? next(modeNow.current) : next;
    setModeState(modeNow.current);
  };
  const [selected, setSelected] = useState(0);
  const [pick, setPick] = useState(0);
  const help = useHelpToggle();
  const polls = useMemo(() => [...host.room.config.polls.values()], [host]);
  const pollLabel = (i: number) => {
    const p = polls[i]!;
    return `${p.id} · ${t(`${p.ns}:${p.question}`)}`;
  };
  // A room of 200 keeps the OS table busy: reading it twice a second is enough for the eye.
  const osView = roomRows(useOsView(host.lab, mode !== 'grid', {maxFps: 2}), host.port, model.udpPort);

  const choose = (i: number) => {
    const mode = modeNow.current;
    if (mode === 'pickPoll' && polls[i]) host.command({kind: 'open-poll', id: polls[i]!.id});
    if (mode === 'pickExperiment' && EXPERIMENTS[i]) host.command({kind: 'start', experiment: EXPERIMENTS[i]!});
    setMode('wall');
  };
  useKeys(
    (action, input) => {
      const mode = modeNow.current;
      if (action === 'interrupt') return onQuit(130);
      if (mode === 'confirm') {
        if (action === 'confirmYes') onQuit(0);
        else if (action === 'confirmNo') setMode('wall');
        return;
      }
      if (help.consume(action)) return;
      if (mode === 'pickPoll' || mode === 'pickExperiment') {
        const count = mode === 'pickPoll' ? polls.length : EXPERIMENTS.length;
        if (action === 'up') setPick((p) => Math.max(0, p - 1));
        else if (action === 'down') setPick((p) => Math.min(count - 1, p + 1));
        else if (action === 'enter') choose(pick);
        else if (action === 'choose') {
          const n = choiceNumber(input);
          if (n !== undefined && n <= count) choose(n - 1);
        } else if (action === 'back' || action === 'previous') setMode('wall');
        else if (action === 'quit') setMode('confirm');
        return;
      }
      switch (action) {
        case 'poll':
          setPick(0);
          setMode('pickPoll');
          return;
        case 'experiment':
          setPick(0);
          setMode('pickExperiment');
          return;
        case 'revealAnswer':
          host.command({kind: 'reveal'});
          return;
        case 'endExperiment':
          if (model.experiment) host.command({kind: 'end'});
          else if (model.poll) host.command({kind: 'close-poll'});
          return;
        case 'grid':
          setMode((m) => (m === 'grid' ? 'wall' : 'grid'));
          return;
        case 'up':
          if (mode === 'grid') setSelected((s) => Math.max(0, s - 1));
          return;
        case 'down':
          if (mode === 'grid') setSelected((s) => Math.min(model.grid.length - 1, s + 1));
          return;
        case 'kick': {
          const g = model.grid[selected];
          if (mode === 'grid' && g?.present) host.command({kind: 'kick', learner: g.learner});
          return;
        }
        case 'quit':
          setMode('confirm');
          return;
        default:
          return;
      }
    },
    {mode: mode === 'confirm' ? 'confirm' : 'normal'},
  );

  const above = [...joinLines(room, ctx, width, height < 30), countsLine(model, ctx, width), ...noticeLines(room, ctx, width)];
  const hints = hintsFor(mode === 'confirm' ? 'confirm' : mode === 'grid' ? 'wallGrid' : mode === 'wall' ? 'wall' : 'picker');
  return (
    <ScreenFrame title={t('workshop:wall.title', {code: room.code})} width={width} height={height} hints={hints} help={help} above={above} workshop>
      {(body) => {
        if (mode === 'confirm') {
          const inner = paneInner(body.width, 0).width;
          const lines = noteLines(ctx, t('workshop:wall.confirm'), inner, 'error');
          return <Pane title={t('workshop:wall.confirmTitle')} width={body.width} height={Math.min(body.height, lines.length + 2)} focused><Box flexDirection="column"><Lines lines={lines} /></Box></Pane>;
        }
        if (mode === 'pickPoll' || mode === 'pickExperiment') {
          const inner = paneInner(body.width, body.height);
          const items = mode === 'pickPoll' ? polls.map((_, i) => pollLabel(i)) : EXPERIMENTS.map((id) => experimentName(id, tr));
          return (
            <Pane title={t(mode === 'pickPoll' ? 'workshop:wall.pickPoll' : 'workshop:wall.pickExperiment')} width={body.width} height={body.height} focused>
              <Box flexDirection="column"><Lines lines={pickerLines(items, pick, ctx, inner.width, inner.height)} /></Box>
            </Pane>
          );
        }
        if (mode === 'grid') {
          const failuresHeight = Math.min(8, Math.max(3, Math.floor(body.height / 3)));
          const gridHeight = body.height - failuresHeight;
          const gi = paneInner(body.width, gridHeight);
          const fi = paneInner(body.width, failuresHeight);
          return (
            <Box flexDirection="column">
              <Pane title={t('workshop:wall.gridTitle')} width={body.width} height={gridHeight} focused>
                <Box flexDirection="column"><Lines lines={gridLines(model, selected, ctx, gi.width, gi.height)} /></Box>
              </Pane>
              <Pane title={t('workshop:wall.failures')} width={body.width} height={failuresHeight}>
                <Box flexDirection="column"><Lines lines={failureLines(model, ctx, fi.width, fi.height)} /></Box>
              </Pane>
            </Box>
          );
        }
        // The wall: sockets and the OS's rows, then the poll or the experiment, then what happened.
        const bottomWidth = paneInner(body.width, 0).width;
        const poll = model.poll ? pollLines(model, {question: t(`${model.poll.ns}:${model.poll.question}`), choices: model.poll.choices.map((c) => t(`${model.poll!.ns}:${c}`))}, ctx, bottomWidth) : [];
        const exp = experimentLines(model, ctx, bottomWidth);
        const side = body.width >= 100;
        // The sockets pane wants every row (header and borders too); the OS view at least 5.
        const socketsWant = model.rows.length + 3;
        // A short stacked screen with a poll or an experiment: they come before the OS view.
        const busy = poll.length > 0 || exp.length > 0;
        const osMin = side || !busy ? 5 : 0;
        const mainMin = Math.min(socketsWant, 8) + (side ? 0 : osMin);
        const bottomHeight = Math.min(Math.max(0, body.height - mainMin), (poll.length > 0 ? poll.length + 2 : 0) + (exp.length > 0 ? exp.length + 2 : 0));
        const rest = body.height - bottomHeight;
        const mainWant = side ? Math.max(socketsWant, 8) : Math.max(socketsWant, 8) + 6;
        const activityHeight = rest - mainWant >= 5 ? Math.min(8, rest - mainWant) : 0;
        const mainHeight = rest - activityHeight;
        const half = Math.floor(body.width / 2);
        const stackedSockets = Math.max(3, Math.min(socketsWant, mainHeight - osMin));
        const [sw, sh, ow, oh] = side ? [half, mainHeight, body.width - half, mainHeight] : [body.width, stackedSockets, body.width, mainHeight - stackedSockets];
        const showOs = oh >= 4;
        const si = paneInner(sw, sh);
        const oi = paneInner(ow, oh);
        const socketsPane = (
          <Pane key="sockets" title={t('workshop:wall.sockets', {port: host.port})} width={sw} height={sh} focused>
            <Box flexDirection="column"><Lines lines={socketLines(model, ctx, si.width, si.height)} /></Box>
          </Pane>
        );
        const osPane = (
          <Pane key="os" title={t('workshop:wall.os', {port: host.port})} width={ow} height={oh}>
            <OsViewPane view={osView} width={oi.width} height={oi.height} ownPid={process.pid} />
          </Pane>
        );
        const activity = events
          .map((e) => describeHostEvent(e, tr, (n) => host.room.learners.get(n)?.nick))
          .filter((l): l is string => l !== undefined)
          .slice(-Math.max(0, activityHeight - 2));
        return (
          <Box flexDirection="column">
            <Box flexDirection={side ? 'row' : 'column'}>{!showOs ? socketsPane : side && ctx.text.mirror ? [osPane, socketsPane] : [socketsPane, osPane]}</Box>
            {poll.length > 0 && bottomHeight > 2 ? (
              <Pane title={t('workshop:wall.pollTitle', {id: model.poll!.id})} width={body.width} height={Math.min(bottomHeight, poll.length + 2)}>
                <Box flexDirection="column"><Lines lines={poll} /></Box>
              </Pane>
            ) : null}
            {exp.length > 0 && bottomHeight - (poll.length > 0 ? poll.length + 2 : 0) > 2 ? (
              <Pane title={experimentTitle(model, t)} width={body.width} height={Math.min(exp.length + 2, bottomHeight - (poll.length > 0 ? poll.length + 2 : 0))}>
                <Box flexDirection="column"><Lines lines={exp} /></Box>
              </Pane>
            ) : null}
            {activityHeight > 0 ? (
              <Pane title={t('workshop:wall.activity')} width={body.width} height={activityHeight}>
                <Box flexDirection="column"><Lines lines={activity.flatMap((l) => noteLines(ctx, l, bottomWidth, undefined)).slice(-(activityHeight - 2))} /></Box>
              </Pane>
            ) : null}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}
