// `socket-lessons repl` without a terminal, or with --script FILE: run the command
// language line by line and print a plain or NDJSON transcript. Exit code: 0 when every
// command succeeded, 1 when any failed, 2 for usage errors (an unreadable script).

import {createReadStream} from 'node:fs';
import type {i18n} from 'i18next';
import {MAX_LINE_CHARS} from '../commands/tokenize.ts';
import {Lab} from '../lab/index.ts';
import {createI18n, ensureLanguages} from '../i18n/setup.ts';
import {isRtl, type Language} from '../i18n/languages.ts';
import type {BidiMode} from '../i18n/bidi/index.ts';
import {translatorOf, type Translate} from '../ui/format/translate.ts';
import {readLines} from '../ui/plain/lines.ts';
import {pageFor, pageText} from '../ui/plain/page.ts';
import {jsonPrinter, plainPrinter} from '../ui/plain/printer.ts';
import {runScript} from '../ui/plain/run-script.ts';
import type {StopSignal, Writable} from './lesson-mode.ts';

export interface ReplModeOptions {
  lng: Language;
  /** A script file; without it, lines come from stdin. */
  script?: string;
  json: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  /** Stops the run (no further commands) when the output breaks, e.g. `| head -1`. */
  stop?: StopSignal;
  /** Wrap plain lines to this many cells (NDJSON is never wrapped). */
  width?: number;
  /** How Persian is laid out in plain lines; default off (logical order, copyable). */
  bidi?: BidiMode;
  /** Allow hosts other than loopback (--allow-remote). */
  allowRemote?: boolean;
  /** --max-sockets N. */
  maxSockets?: number;
  /** Bound on each command's waits (ms, default 10000). */
  timeoutMs?: number;
  /** An i18next instance to use instead of a fresh one. */
  i18n?: i18n;
}

/**
 * Lines go out together, once per turn of the event loop (one write per line was a
 * tenth of a long script's time); flush() writes what is left.
 */
function batched(write: (text: string) => void): {write: (text: string) => void; flush: () => void} {
  let pending = '';
  let queued = false;
  const flush = () => {
    queued = false;
    if (pending !== '') write(pending);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= 64 * 1024) flush();
      else if (!queued) {
        queued = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

async function openScript(path: string): Promise<AsyncIterable<Uint8Array> | {error: string}> {
  const stream = createReadStream(path);
  return new Promise((resolve) => {
    stream.once('open', () => resolve(stream as AsyncIterable<Uint8Array>));
    stream.once('error', (err: NodeJS.ErrnoException) => resolve({error: err.code ?? err.message}));
  });
}

export async function runReplMode(opts: ReplModeOptions): Promise<number> {
  const i18n = opts.i18n ?? (await createI18n(opts.lng));
  const translate = translatorOf(i18n);
  const t: () => Translate = () => translate;
  const out = batched((text) => void opts.stdout.write(text));
  let stopped = false;
  opts.stop?.onFailure(() => (stopped = true));
  let source: AsyncIterable<Uint8Array | string>;
  if (opts.script !== undefined) {
    const opened = await openScript(opts.script);
    if ('error' in opened) {
      opts.stderr.write(pageText(t()('commands:transcript.readError', {file: opts.script, reason: opened.error}), pageFor(opts.lng, opts.bidi ?? 'off', opts.width)));
      return 2;
    }
    source = opened;
  } else {
    source = opts.stdin as AsyncIterable<Uint8Array | string>;
  }
  const lab = new Lab({allowNonLoopback: opts.allowRemote ?? false, ...(opts.maxSockets !== undefined ? {maxSockets: opts.maxSockets} : {})});
  const layout = {width: opts.width, bidi: opts.bidi ?? 'off', rtl: () => isRtl(i18n.language)};
  const printer = opts.json ? jsonPrinter(out.write, t) : plainPrinter(out.write, t, layout);
  const summary = await runScript({
    lab,
    lines: readLines(source, MAX_LINE_CHARS),
    printer,
    onLang: async (lng) => {
      await ensureLanguages(i18n, [lng]);
      await i18n.changeLanguage(lng);
    },
    ...(opts.timeoutMs !== undefined ? {timeoutMs: opts.timeoutMs} : {}),
    stopped: () => stopped,
  });
  out.flush(); // the whole transcript is written when the run resolves
  return summary.exitCode;
}
