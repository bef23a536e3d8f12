// Runs lines of the command language one after another on a lab, printing a transcript.
// Every command waits for its outcome (the executor bounds each wait); a failed command
// does not stop the run; `quit` does. The lab is disposed at the end, whatever happens.

import {createExecutor} from '../../commands/executor.ts';
import type {Outcome} from '../../commands/outcome.ts';
import {isBlank} from '../../commands/parse.ts';
import {MAX_LINE_CHARS} from '../../commands/tokenize.ts';
import type {Language} from '../../commands/verbs.ts';
import type {LabEvent, SocketLab} from '../../lab/types.ts';
import type {InputLine} from './lines.ts';
import type {RunSummary, TranscriptPrinter} from './printer.ts';

export interface ScriptRunOptions {
  lab: SocketLab;
  lines: AsyncIterable<InputLine>;
  printer: TranscriptPrinter;
  /** `lang LNG`: switch the language before its result is printed. */
  onLang?: (lng: Language) => void | Promise<void>;
  /** Bound on each command's waits (ms). */
  timeoutMs?: number;
  /** Checked before each line: true ends the run (its output went away). */
  stopped?: () => boolean;
}

function tooLong(actual: number): Outcome {
  return {ok: false, line: '', events: [], error: {kind: 'parse', code: 'LINE_TOO_LONG', at: MAX_LINE_CHARS, limit: MAX_LINE_CHARS, actual}};
}

export async function runScript(o: ScriptRunOptions): Promise<RunSummary> {
  const {lab, printer} = o;
  const executor = createExecutor(lab, o.timeoutMs === undefined ? {} : {timeoutMs: o.timeoutMs});
  let buffer: LabEvent[] | undefined;
  const unsubscribe = lab.subscribe((e) => {
    if (buffer) buffer.push(e);
    else printer.event(e);
  });
  let commands = 0;
  let failed = 0;
  let lineNo = 0;
  try {
    for await (const input of o.lines) {
      if (o.stopped?.()) break;
      lineNo++;
      if (input.tooLong === undefined && isBlank(input.text)) continue;
      commands++;
      buffer = [];
      const outcome = input.tooLong !== undefined ? tooLong(input.tooLong) : await executor.run(input.text);
      const events = buffer;
      buffer = undefined;
      if (!outcome.ok) failed++;
      if (outcome.ok && outcome.result.verb === 'lang') await o.onLang?.(outcome.result.lng);
      printer.command(lineNo, input.tooLong !== undefined ? `(${input.tooLong} …)` : input.text, events, outcome);
      if (outcome.ok && outcome.result.verb === 'quit') break;
    }
  } finally {
    buffer = undefined;
    executor.dispose();
    // Closing prints each socket's close: the transcript ends with every socket closed.
    await lab.dispose();
    unsubscribe();
  }
  const summary = {commands, failed, exitCode: failed > 0 ? 1 : 0};
  printer.summary(summary);
  return summary;
}
