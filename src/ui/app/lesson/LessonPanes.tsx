// The lab side of a lesson screen: socket table, diagram, event log and OS view around
// the prose pane. Keyed by the lab's generation, so a reset starts with a fresh log.
import {useMemo, type ReactNode, type RefObject} from 'react';
import type {SocketLab} from '../../../lab/types.ts';
import {ConnectionDiagram} from '../../components/ConnectionDiagram.tsx';
import {datagramArrows} from '../../components/diagram/model.ts';
import {EventLog, eventLogMaxScroll} from '../../components/EventLog.tsx';
import {OsViewPane} from '../../components/OsViewPane.tsx';
import {SocketTable} from '../../components/SocketTable.tsx';
import {useLabEvents} from '../../hooks/useLabEvents.ts';
import {useLabSnapshot} from '../../hooks/useLabSnapshot.ts';
import {useOsView} from '../../hooks/useOsView.ts';
import type {PaneBox} from '../../layout/arrange.ts';
import {PaneLayout, useVisiblePanes, type PaneSpec} from '../../layout/PaneLayout.tsx';
import {useTranslation} from 'react-i18next';

export type PaneId = 'prose' | 'sockets' | 'diagram' | 'log' | 'os';
export const PANE_ORDER: readonly PaneId[] = ['prose', 'sockets', 'diagram', 'log', 'os'];

/** The pane `delta` steps from `current` in PANE_ORDER, wrapping around (Tab, Shift+Tab). */
export function paneAfter(current: PaneId, delta: number): PaneId {
  const i = PANE_ORDER.indexOf(current);
  return PANE_ORDER[(i + delta + PANE_ORDER.length) % PANE_ORDER.length]!;
}

/** Where each pane goes and its share of the rows (drawn by LessonPanes; measured by tests). */
export function lessonPaneBoxes(proseWeight = 4): (PaneBox & {id: PaneId})[] {
  return [
    {id: 'prose', weight: proseWeight, minHeight: 6, column: 'main'},
    {id: 'sockets', weight: 2, column: 'aside'},
    {id: 'diagram', weight: 3, column: 'aside'},
    {id: 'log', weight: 3, column: 'aside'},
    {id: 'os', weight: 2, column: 'aside'},
  ];
}

export interface LogControl {
  held: number;
  reveal(): void;
  maxScroll(height: number): number;
}

export interface LessonPanesProps {
  lab: SocketLab;
  focused: PaneId;
  /** Rows below the panes (input line, hint bar) and above (title). */
  reserveRows: number;
  ports: readonly number[];
  presenter: boolean;
  /** Log rows scrolled back from the newest. */
  logScroll: number;
  /** Filled on every render with the slow-motion control and the log's scroll limit. */
  logControl?: RefObject<LogControl | null>;
  renderProse(size: {width: number; height: number}): ReactNode;
  /** The first pane's title (the lesson's or the REPL's). */
  proseTitle?: string;
  /** Share of the rows for the first pane: lessons are read, so their prose gets more. */
  proseWeight?: number;
  /** Drawn over (the help): keep the log and held events, draw nothing, stop polling the OS. */
  hidden?: boolean;
  /** What a collapsed pane says about opening it, where Tab alone does not (the REPL). */
  collapsedHint?: string;
}

export function LessonPanes({lab, focused, reserveRows, ports, presenter, logScroll, logControl, renderProse, proseTitle, proseWeight = 4, hidden = false, collapsedHint}: LessonPanesProps) {
  const {t} = useTranslation('ui');
  const sockets = useLabSnapshot(lab);
  const events = useLabEvents(lab, {slowMotion: presenter});
  if (logControl) logControl.current = {held: events.held, reveal: events.reveal, maxScroll: (h) => eventLogMaxScroll(events.log, h)};
  // In slow motion the table and diagram follow the revealed events, not the live lab.
  const shown = events.sockets ?? sockets;
  const newest = events.recent.at(-1);
  const datagrams = useMemo(() => datagramArrows(events.recent, shown), [events.recent, shown]);
  const render: Record<PaneId, PaneSpec['render']> = {
    prose: renderProse,
    sockets: ({width, height}) => <SocketTable sockets={shown} width={width} height={height} newest={newest?.socket} />,
    diagram: ({width, height}) => (
      <ConnectionDiagram sockets={shown} datagrams={datagrams} newestSeq={newest?.seq} width={width} height={height} />
    ),
    log: ({width, height}) => <EventLog log={events.log} width={width} height={height} scroll={logScroll} held={events.held} presenter={presenter} />,
    os: ({width, height}) => <OsViewPane view={os} width={width} height={height} ports={ports} ownPid={process.pid} />,
  };
  const titles: Record<PaneId, string> = {
    prose: proseTitle ?? t('pane.prose'),
    sockets: t('pane.sockets'),
    diagram: t('pane.diagram'),
    // Held events show in the title too: in the tabs layout the log may be out of sight.
    log: events.held > 0 ? `${t('pane.log')} · ${t('log.waiting', {count: events.held})}` : t('pane.log'),
    os: t('pane.os'),
  };
  const panes: PaneSpec[] = lessonPaneBoxes(proseWeight).map((box) => ({...box, title: titles[box.id], render: render[box.id]}));
  // The OS is polled only while its pane is drawn (not collapsed, not behind a tab).
  const visible = useVisiblePanes(panes, focused, {presenter, reserveRows});
  const os = useOsView(lab, !hidden && visible.has('os'));
  if (hidden) return null;
  return <PaneLayout panes={panes} focused={focused} presenter={presenter} reserveRows={reserveRows} collapsedHint={collapsedHint} />;
}
