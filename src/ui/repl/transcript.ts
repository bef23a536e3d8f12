// The REPL's result area as plain lines: each command, then its result or error and
// hint, newest last. Pure: the screen draws what this returns.

import {describeOutcome} from '../format/result.ts';
import type {Translate} from '../format/translate.ts';
import type {ReplEntry} from './useRepl.ts';

export interface TranscriptLine {
  text: string;
  kind: 'command' | 'ok' | 'error' | 'hint' | 'running';
}

export function transcriptLines(entries: readonly ReplEntry[], t: Translate): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  for (const e of entries) {
    out.push({kind: 'command', text: `› ${e.line}`});
    if (!e.outcome) {
      out.push({kind: 'running', text: `  ${t('commands:repl.running')}`});
      continue;
    }
    if (e.outcome.ok && e.outcome.result.verb === 'clear') continue;
    const {ok, lines} = describeOutcome(e.outcome, t);
    lines.forEach((line, i) => {
      if (i === 0) out.push({kind: ok ? 'ok' : 'error', text: `${ok ? '✓' : '✗'} ${line}`});
      else out.push({kind: ok ? 'ok' : 'hint', text: ok ? `  ${line}` : `→ ${line}`});
    });
  }
  return out;
}
