// Runs runReplMode in-process on a script given as text; collects stdout and stderr.
import {Readable, Writable} from 'node:stream';
import {runReplMode} from '../../src/cli/repl-mode.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): {stream: Writable; text: () => string} {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return {stream, text: () => Buffer.concat(chunks).toString('utf8')};
}

export async function runText(
  input: string | Buffer | Buffer[],
  options: {json?: boolean; lng?: 'en' | 'fa' | 'ru'; script?: string; timeoutMs?: number; width?: number; bidi?: 'app' | 'terminal' | 'off'} = {},
): Promise<Run> {
  const out = sink();
  const err = sink();
  const chunks = Array.isArray(input) ? input : [typeof input === 'string' ? Buffer.from(input) : input];
  const code = await runReplMode({
    lng: options.lng ?? 'en',
    json: options.json ?? false,
    ...(options.script !== undefined ? {script: options.script} : {}),
    ...(options.timeoutMs !== undefined ? {timeoutMs: options.timeoutMs} : {}),
    ...(options.width !== undefined ? {width: options.width} : {}),
    ...(options.bidi !== undefined ? {bidi: options.bidi} : {}),
    stdin: Readable.from(chunks),
    stdout: out.stream,
    stderr: err.stream,
  });
  return {code, stdout: out.text(), stderr: err.text()};
}

export function records(ndjson: string): Record<string, any>[] {
  return ndjson
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);
}
