// The wall's panes as styled lines (pure, testable for width): the join block, the room's
// sockets, the poll's histogram, the experiment's explanation, the grid and the pickers.
// Nicknames come from outside: visible() at each place one goes into a cell.
import type {TFunction} from 'i18next';
import type {PaneContext} from '../layout/paneContext.ts';
import {noteLine, noteLines} from '../layout/paneContext.ts';
import {rowsThatFit} from '../layout/clip.ts';
import {fitLine, type StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn, type TableRow} from '../layout/table.ts';
import {visible} from '../../text/visible.ts';
import {hostPort} from '../format/text.ts';
import {countsText, experimentName} from '../format/workshop.ts';
import type {Translate} from '../format/translate.ts';
import type {RoomRecord} from '../../workshop/host.ts';
import type {GridRow, WallModel, WallRow} from './wallModel.ts';

const tr = (t: TFunction): Translate => t as unknown as Translate;

/** The three ways in, the first one bold and boxed so the back row can read it. */
export function joinLines(room: RoomRecord, ctx: PaneContext, width: number, compact = false): StyledLine[] {
  const {t} = ctx;
  const others = [noteLine(ctx, `${t('workshop:wall.orNc')} ${room.join.nc}`, width, undefined), noteLine(ctx, `${t('workshop:wall.orDeno')} ${room.join.deno}`, width, undefined)];
  // A short terminal (not a projector): the line without its box.
  if (compact) return [noteLine(ctx, `${t('workshop:wall.join')} ${room.join.node}`, width, 'newest'), ...others];
  const main = ` ${room.join.node} `;
  const inner = Math.min(width - 2, main.length);
  const box = (l: string, m: string, r: string) => [{text: ctx.text.cell(`${l}${m.repeat(inner)}${r}`, inner + 2), role: 'focus' as const}];
  const lines: StyledLine[] = [
    fitLine(box('╔', '═', '╗'), width, ctx.text.mirror),
    fitLine([{text: '║', role: 'focus'}, {text: ctx.text.cell(main, inner), role: 'newest'}, {text: '║', role: 'focus'}], width, ctx.text.mirror),
    fitLine(box('╚', '═', '╝'), width, ctx.text.mirror),
  ];
  lines.push(...others);
  return lines;
}

export function countsLine(model: WallModel, ctx: PaneContext, width: number): StyledLine {
  return noteLine(ctx, countsText(model.counts, tr(ctx.t)), width, 'ok');
}

/** Notes under the counts: rehearsal, private mode. */
export function noticeLines(room: RoomRecord, ctx: PaneContext, width: number): StyledLine[] {
  const out: StyledLine[] = [];
  if (room.simulated) out.push(noteLine(ctx, ctx.t(room.simulated.sharedAddress ? 'workshop:wall.simulatedShared' : 'workshop:wall.simulated'), width));
  if (room.private) out.push(noteLine(ctx, ctx.t('workshop:wall.private'), width));
  return out;
}

function whoText(row: WallRow, t: TFunction): string {
  switch (row.kind) {
    case 'listener':
      return t('workshop:wall.listener');
    case 'udp':
      return t('workshop:wall.udp');
    case 'pending':
      return t('workshop:wall.pending');
    case 'second':
      return t('workshop:wall.second', {nick: visible(row.nick)});
    case 'main':
      return visible(row.nick);
  }
}

function stateText(row: WallRow, t: TFunction): string {
  if (row.kind === 'listener') return row.state === 'LISTEN' ? 'LISTEN' : t('workshop:wall.notListening');
  if (row.kind === 'udp') return 'UDP';
  return t(`ui:state.${row.state}`);
}

/** The listening socket and one row per accepted socket: who, source address:port, state, bytes. */
export function socketLines(model: WallModel, ctx: PaneContext, width: number, height: number): StyledLine[] {
  const {t, theme} = ctx;
  const columns: TableColumn[] = [
    {id: 'who', header: t('workshop:wall.who'), min: 4, max: 22, priority: 8},
    {id: 'source', header: t('workshop:wall.source'), min: 9, max: 28, priority: 9, cut: 'start', keep: 1},
    {id: 'state', header: t('workshop:wall.state'), min: 5, max: 14, priority: 7},
    {id: 'bytes', header: t('workshop:wall.bytes'), min: 3, max: 14, priority: 4, align: 'end'},
  ];
  const rows: TableRow[] = model.rows.map((r) => {
    const role = r.kind === 'listener' ? (r.state === 'LISTEN' ? 'passive' : 'error') : r.kind === 'udp' ? 'datagram' : r.kind === 'pending' ? 'muted' : 'active';
    const symbol = r.kind === 'listener' ? theme.symbols.passive : r.kind === 'udp' ? theme.symbols.datagram : theme.symbols.active;
    return {
      cells: [`${symbol} ${whoText(r, t)}`, hostPort(r.address, r.port), stateText(r, t), r.kind === 'listener' ? '' : `${r.bytesIn}/${r.bytesOut}`],
      role,
    };
  });
  const fitting = rowsThatFit(rows, height);
  const lines = tableLines(columns, fitting.rows, width, ctx.text);
  if (fitting.hidden > 0) lines.push(noteLine(ctx, t('pane.more', {count: fitting.hidden}), width));
  return lines.slice(0, height);
}

/** The poll as a histogram: each choice, a bar and its count; the right one marked once revealed. */
export function pollLines(model: WallModel, pollText: {question: string; choices: string[]}, ctx: PaneContext, width: number): StyledLine[] {
  const p = model.poll;
  if (!p) return [];
  const {t, theme} = ctx;
  const total = p.counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...p.counts);
  const lines = noteLines(ctx, visible(pollText.question), width, undefined);
  const barRoom = Math.max(4, Math.min(30, Math.floor(width / 3)));
  p.counts.forEach((count, i) => {
    const right = p.revealed && i === p.answer;
    const bar = '█'.repeat(Math.round((count / max) * barRoom)) || (count > 0 ? '▏' : '');
    const mark = right ? theme.symbols.ok : ' ';
    const label = visible(pollText.choices[i] ?? '');
    // Right to left, the bar grows leftwards from the choice's number.
    const head = ctx.text.mirror ? `  ${String(count).padEnd(3)} ${bar.padStart(barRoom)} ${i + 1} ${mark}` : `${mark} ${i + 1} ${bar.padEnd(barRoom)} ${String(count).padStart(3)}  `;
    const cell = {text: ctx.text.cell(label, Math.max(1, width - head.length)), role: right ? ('ok' as const) : ('muted' as const)};
    const headSeg = {text: head, role: right ? ('ok' as const) : ('active' as const)};
    const line: StyledLine = ctx.text.mirror ? [cell, headSeg] : [headSeg, cell];
    lines.push(fitLine(line, width, ctx.text.mirror));
  });
  lines.push(noteLine(ctx, t('workshop:wall.answers', {count: total}), width));
  return lines;
}

/** What the running (or ending) experiment shows, on the host's side. */
export function experimentLines(model: WallModel, ctx: PaneContext, width: number): StyledLine[] {
  const e = model.experiment;
  if (!e) return [];
  const key = e.phase === 'ending' ? 'ended' : 'running';
  return noteLines(ctx, ctx.t(`workshop:wall.exp.${e.id}.${key}`, {port: model.udpPort ?? model.room.port, count: e.datagrams}), width, undefined);
}

export function experimentTitle(model: WallModel, t: TFunction): string {
  return model.experiment ? t('workshop:wall.expTitle', {name: experimentName(model.experiment.id, tr(t))}) : '';
}

/** The progress grid: who joined, where each is, their answer, who is stuck; the selected row marked. */
export function gridLines(model: WallModel, selected: number, ctx: PaneContext, width: number, height: number): StyledLine[] {
  const {t, theme} = ctx;
  if (model.grid.length === 0) return [noteLine(ctx, t('workshop:wall.noLearners'), width)];
  const columns: TableColumn[] = [
    {id: 'n', header: t('workshop:wall.grid.n'), min: 2, max: 5, priority: 9, align: 'end', whole: true},
    {id: 'nick', header: t('workshop:wall.grid.nick'), min: 4, max: 20, priority: 9},
    {id: 'address', header: t('workshop:wall.grid.address'), min: 7, max: 18, priority: 5, cut: 'start'},
    {id: 'now', header: t('workshop:wall.grid.now'), min: 4, max: 30, priority: 6},
    {id: 'answer', header: t('workshop:wall.grid.answer'), min: 2, max: 8, priority: 7},
    {id: 'stuck', header: t('workshop:wall.grid.stuck'), min: 2, max: 8, priority: 8},
  ];
  const rows: TableRow[] = model.grid.map((g, i) => ({
    cells: [
      `${i === selected ? theme.symbols.selected : ' '}${g.learner}`,
      visible(g.nick),
      g.address,
      g.present ? visible(g.result ?? g.step ?? '') : t('workshop:wall.grid.left', {reason: t(`workshop:host.reasons.${g.leaveReason ?? 'closed'}`)}),
      g.answer !== undefined ? String(g.answer) : '',
      g.stuck ? '⚑' : '',
    ],
    role: i === selected ? 'focus' : g.stuck ? 'error' : g.present ? undefined : 'muted',
  } as TableRow));
  // Keep the selected row on screen.
  const room = Math.max(1, height - 1);
  const from = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
  return tableLines(columns, rows.slice(from, from + room), width, ctx.text).slice(0, height);
}

export function failureLines(model: WallModel, ctx: PaneContext, width: number, height: number): StyledLine[] {
  const {t} = ctx;
  if (model.failures.length === 0) return [noteLine(ctx, t('workshop:wall.noFailures'), width)];
  return model.failures
    .slice(-height)
    .map((f) => noteLine(ctx, t('workshop:wall.failure', {from: hostPort(f.address, f.port), reason: t(`workshop:host.reasons.${f.reason}`)}), width, 'error'));
}

/** A numbered list to choose from (polls, experiments), the cursor's row marked. */
export function pickerLines(items: readonly string[], selected: number, ctx: PaneContext, width: number, height: number): StyledLine[] {
  const room = Math.max(1, height);
  const from = Math.max(0, Math.min(selected - Math.floor(room / 2), items.length - room));
  return items.slice(from, from + room).map((label, k) => {
    const i = from + k;
    const mark = i === selected ? ctx.theme.symbols.selected : ' ';
    return noteLine(ctx, `${mark} ${i < 9 ? `${i + 1})` : '  '} ${label}`, width, i === selected ? 'focus' : undefined);
  });
}

export type {GridRow};
