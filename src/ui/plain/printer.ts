// Transcript printers for runs without a terminal: plain lines (no ANSI codes) or NDJSON.
// Both get the same calls in the same order; one record per event or result.

import type {Outcome} from '../../commands/outcome.ts';
import type {LabEvent} from '../../lab/types.ts';
import {describeEvent} from '../format/event.ts';
import {describeOutcome, textLines} from '../format/result.ts';
import {tableText, type TextTable} from '../format/table.ts';
import {resultTableText} from '../layout/resultTable.ts';
import {directedLayout} from '../layout/textLayout.ts';
import type {Translate} from '../format/translate.ts';
import {layoutText, type BidiMode} from '../../i18n/bidi/index.ts';
import {ndjsonLine, visible} from '../../text/visible.ts';

export interface RunSummary {
  commands: number;
  failed: number;
  exitCode: number;
}

export interface TranscriptPrinter {
  /** One command: its line, the events that happened while it ran, then its outcome. */
  command(lineNo: number, line: string, events: readonly LabEvent[], outcome: Outcome): void;
  /** An event that happened between commands (a peer's late reply, the final closes). */
  event(event: LabEvent): void;
  summary(summary: RunSummary): void;
}

type Write = (text: string) => void;

// Lines we print may hold names and paths, never raw control characters: the formatters
// quote received data, and the sanitiser here is the last line of defence before the
// terminal (a typed line echoed as it was read).
const clean = (s: string): string => visible(s, 'prose');
/** Table rows stand under their result line, two cells further in. */
const TABLE_INDENT = '      ';

/** How plain lines meet the page: wrapped to a width, Persian laid out in a BiDi mode. */
export interface PlainLayout {
  width?: number;
  bidi: BidiMode;
  /** The transcript's language can change mid-run (`lang fa`). */
  rtl(): boolean;
}

export function plainPrinter(write: Write, t: () => Translate, layout?: PlainLayout): TranscriptPrinter {
  const out = (line: string) => {
    if (!layout || (layout.width === undefined && (layout.bidi === 'off' || !layout.rtl()))) return write(`${clean(line)}\n`);
    // Keep the line's indent and marker as they are; lay out the rest like the screen would.
    const [, lead = '', text = ''] = /^(\s*(?:[>·✓✗→]\s)?)(.*)$/s.exec(clean(line)) ?? [];
    const width = layout.width === undefined ? undefined : Math.max(10, layout.width - lead.length);
    // A command stays as typed: left to right, copyable.
    const rtl = layout.rtl() && !lead.startsWith('>');
    const lines = layoutText(text, {rtl, mode: layout.bidi, ...(width === undefined ? {} : {width})});
    const pad = ' '.repeat(lead.length);
    // Laid out right to left, the marker and indent stand at the right, where lines begin.
    const mirrored = rtl && layout.bidi === 'app';
    lines.forEach((l, i) => {
      const margin = i === 0 ? lead : pad;
      write(`${mirrored ? l + [...margin].reverse().join('') : margin + l}`.trimEnd() + '\n');
    });
  };
  const event = (e: LabEvent) => out(`  · ${describeEvent(e, t())}`);
  // A table stays a left-to-right text table, except where Persian is laid out by us:
  // then it is drawn as the screen draws it (columns right to left, cells laid out).
  const table = (tbl: TextTable) => {
    if (!layout || layout.bidi !== 'app' || !layout.rtl()) return tableText(tbl).forEach((row) => out(`${TABLE_INDENT}${row}`));
    const width = layout.width === undefined ? undefined : Math.max(10, layout.width - TABLE_INDENT.length);
    for (const row of resultTableText(tbl, width, directedLayout('app', true))) write(`${clean(row).trimEnd()}\n`);
  };
  return {
    command(_lineNo, line, events, outcome) {
      out(`> ${line}`);
      // The failure is told once, by the result: skip the lab's error event for it.
      const failure = outcome.ok ? undefined : outcome.error;
      for (const e of events) {
        if (failure?.kind === 'lab' && e.type === 'error' && e.error.code === failure.code && e.socket === failure.socket) continue;
        event(e);
      }
      const described = describeOutcome(outcome, t());
      const {ok, lines} = described;
      lines.forEach((line, i) => {
        if (i === 0) out(`  ${ok ? '✓' : '✗'} ${line}`);
        else out(ok ? `    ${line}` : `    → ${line}`);
      });
      if (described.table) table(described.table);
    },
    event,
    summary(s) {
      out(t()('commands:transcript.summary', {count: s.commands, failed: s.failed}));
    },
  };
}

/** Drop fields that would make the JSON unstable or huge (events are their own records). */
function outcomeRecord(lineNo: number, o: Outcome, t: Translate): Record<string, unknown> {
  const text = textLines(describeOutcome(o, t)).join('\n');
  const verb = o.command?.verb ?? null;
  const base = {kind: 'result', lineNo, line: o.line ?? null, ok: o.ok, verb};
  return o.ok ? {...base, result: o.result, text} : {...base, error: o.error, text};
}

export function jsonPrinter(write: Write, t: () => Translate): TranscriptPrinter {
  const out = (record: Record<string, unknown>) => write(ndjsonLine(record));
  const event = (e: LabEvent, lineNo: number | null) => out({kind: 'event', lineNo, event: e, text: describeEvent(e, t())});
  return {
    command(lineNo, _line, events, outcome) {
      for (const e of events) event(e, lineNo);
      out(outcomeRecord(lineNo, outcome, t()));
    },
    event(e) {
      event(e, null);
    },
    summary(s) {
      out({kind: 'summary', commands: s.commands, failed: s.failed, exitCode: s.exitCode});
    },
  };
}
