// The learner's screen as styled lines: their own connection mirrored ("find yourself"),
// their copy of the wall with their row marked, the poll, the experiment as they lived it,
// and the doctor's words when the join failed. Text from the host is escaped with visible().
import {visible} from '../../text/visible.ts';
import {hostPort} from '../format/text.ts';
import {addrText, countsText, diagnosisText, learnerRecordLines, pollCountsText} from '../format/workshop.ts';
import type {Translate} from '../format/translate.ts';
import {noteLine, noteLines, type PaneContext} from '../layout/paneContext.ts';
import type {StyledLine} from '../layout/styledLine.ts';
import {tableLines, type TableColumn, type TableRow} from '../layout/table.ts';
import type {LearnerRecord} from '../../workshop/learner-records.ts';
import type {LearnerState} from '../../workshop/learner.ts';
import type {OsSocket, OsView} from '../../lab/types.ts';

const tr = (ctx: PaneContext) => ctx.t as unknown as Translate;
const same = (a?: {address: string; port: number}, b?: {address: string; port: number}) => a?.address === b?.address && a?.port === b?.port;

export function youLines(s: LearnerState, ctx: PaneContext, width: number): StyledLine[] {
  const {t} = ctx;
  if (!s.local) return noteLines(ctx, t('workshop:join.connecting', {host: s.host, port: s.port}), width);
  const lines = [...noteLines(ctx, t('workshop:learner.yourSocket', {local: addrText(s.local), remote: addrText(s.remote)}), width, 'active')];
  if (s.seenAs) {
    const ok = same(s.seenAs, s.local);
    const text = ok ? t('workshop:learner.seenAs', {seenAs: addrText(s.seenAs)}) : t('workshop:learner.seenAsNat', {seenAs: addrText(s.seenAs), local: addrText(s.local)});
    lines.push(...noteLines(ctx, `${ok ? ctx.theme.symbols.ok : '≠'} ${text}`, width, ok ? 'ok' : 'error'));
  }
  if (s.learner !== undefined) lines.push(...noteLines(ctx, t('workshop:learner.learner', {learner: s.learner}), width));
  return lines;
}

/** The counts, then the rows around the learner's own (marked). */
export function wallCopyLines(s: LearnerState, ctx: PaneContext, width: number): StyledLine[] {
  const w = s.wall;
  if (!w) return [noteLine(ctx, ctx.t('workshop:learner.waiting'), width)];
  const {t} = ctx;
  // A table like the wall's own, so a Persian name moves no column, in any direction.
  const columns: TableColumn[] = [
    {id: 'mark', header: '', min: 1, max: 1, priority: 10, whole: true},
    {id: 'n', header: t('workshop:wall.grid.n'), min: 1, max: 5, priority: 9, align: 'end', whole: true},
    {id: 'source', header: t('workshop:wall.source'), min: 9, max: 28, priority: 9, cut: 'start', keep: 1},
    {id: 'who', header: t('workshop:wall.who'), min: 4, max: 24, priority: 8},
  ];
  const rows: TableRow[] = w.rows.map((r) => {
    const mine = r.learner === s.learner;
    return {
      cells: [mine ? ctx.theme.symbols.selected : '', String(r.learner), hostPort(r.address, r.port), `${visible(r.nick)}${r.role === 'second' ? ' (2)' : ''}`],
      ...(mine ? {role: 'focus' as const} : {}),
    };
  });
  return [...noteLines(ctx, countsText(w, tr(ctx)), width, 'ok'), ...tableLines(columns, rows, width, ctx.text)];
}

export function pollViewLines(s: LearnerState, ctx: PaneContext, width: number): StyledLine[] {
  const p = s.poll;
  if (!p || p.question === '') return [];
  const {t, theme} = ctx;
  const lines = noteLines(ctx, visible(p.question), width, undefined);
  p.choices.forEach((c, i) => {
    const n = i + 1;
    const right = p.reveal?.answer === n;
    const mine = p.answered === n;
    const mark = right ? theme.symbols.ok : mine ? theme.symbols.selected : ' ';
    const count = p.reveal ? `  (${p.reveal.counts[i] ?? 0})` : '';
    const tail = mine ? `  ← ${t('workshop:learner.answered')}` : '';
    lines.push(...noteLines(ctx, `${mark} ${n}) ${visible(c)}${count}${tail}`, width, right ? 'ok' : mine ? 'focus' : undefined));
  });
  if (p.reveal) {
    lines.push(...noteLines(ctx, t('workshop:join.reveal', {answer: p.reveal.answer, counts: pollCountsText(p.reveal.counts)}), width, 'ok'));
    if (p.explain) lines.push(...noteLines(ctx, visible(p.explain), width, undefined));
  } else if (p.answered === undefined) lines.push(...noteLines(ctx, t('workshop:join.answerHint'), width));
  return lines;
}

/** The experiment, told step by step as the records came (kept by the screen). */
export function experimentStoryLines(records: readonly LearnerRecord[], s: LearnerState, ctx: PaneContext, width: number): StyledLine[] {
  const where = {host: s.host, port: s.port, code: s.code};
  return records.flatMap((r) => learnerRecordLines(r, tr(ctx), where)).flatMap((l) => noteLines(ctx, l, width, undefined));
}

export function doctorLines(s: LearnerState, ctx: PaneContext, width: number): StyledLine[] {
  if (!s.diagnosis) return [];
  const d = diagnosisText(s.diagnosis, tr(ctx), {host: s.host, port: s.port, code: s.code});
  return [...noteLines(ctx, d.title, width, 'error'), ...noteLines(ctx, d.what, width, undefined), ...noteLines(ctx, d.lesson, width, 'muted')];
}

/** The view with this process's rows first, then rows without an owner, then others'; otherwise in the kernel's order. */
export function ownRowsFirst(view: OsView | undefined, pid: number): OsView | undefined {
  if (!view?.available) return view;
  const rank = (s: OsSocket) => (s.pid === pid ? 0 : s.pid === undefined ? 1 : 2);
  return {...view, sockets: view.sockets.map((s, i) => ({s, i})).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s)};
}
