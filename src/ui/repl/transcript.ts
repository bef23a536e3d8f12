// The REPL's result area as plain data: each command, then its result (and the table of
// `sockets` or `os`) or its error and hint, newest last. Pure: the screen draws what this
// returns.

import {describeOutcome} from '../format/result.ts';
import type {TextTable} from '../format/table.ts';
import type {Translate} from '../format/translate.ts';
import type {ReplEntry} from './useRepl.ts';

export type TranscriptLine =
  | {kind: 'command' | 'ok' | 'error' | 'hint' | 'running'; text: string}
  /** Laid out cell by cell by the view (columns mirrored on a right-to-left screen). */
  | {kind: 'table'; table: TextTable};

export function transcriptLines(entries: readonly ReplEntry[], t: Translate): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  for (const e of entries) {
    out.push({kind: 'command', text: `› ${e.line}`});
    if (!e.outcome) {
      out.push({kind: 'running', text: `  ${t('commands:repl.running')}`});
      continue;
    }
    if (e.outcome.ok && e.outcome.result.verb === 'clear') continue;
    const {ok, lines, table} = describeOutcome(e.outcome, t);
    lines.forEach((line, i) => {
      if (i === 0) out.push({kind: ok ? 'ok' : 'error', text: `${ok ? '✓' : '✗'} ${line}`});
      else out.push({kind: ok ? 'ok' : 'hint', text: ok ? `  ${line}` : `→ ${line}`});
    });
    if (table) out.push({kind: 'table', table});
  }
  return out;
}
