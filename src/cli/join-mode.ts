// `socket-lessons join HOST:PORT CODE` without a screen: plain translated lines (or
// NDJSON with --json) of what happens, answers and "stuck" typed on standard input.
// Exit code 0 when the room ended or the learner quit, 1 when the join failed or broke.
import {lookup} from 'node:dns/promises';
import net from 'node:net';
import type {i18n} from 'i18next';
import {isRtl} from '../i18n/languages.ts';
import {layoutText, type BidiMode} from '../i18n/bidi/index.ts';
import {readLines} from '../ui/plain/lines.ts';
import {ndjsonLine, visible} from '../text/visible.ts';
import {translatorOf, type Translate} from '../ui/format/translate.ts';
import {learnerRecordLines} from '../ui/format/workshop.ts';
import {toAsciiDigits} from '../i18n/digits.ts';
import {LearnerClient} from '../workshop/client.ts';
import {LearnerRecords} from '../workshop/learner-records.ts';
import type {LearnerState} from '../workshop/learner.ts';
import {parseTarget} from '../workshop/target.ts';
import {browseInterface, browseRooms} from '../workshop/discovery.ts';
import type {CliOptions} from './args.ts';
import type {Writable} from './lesson-mode.ts';
import {releaseStdin} from './workshop-setup.ts';

export interface JoinModeIO {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  bidi: BidiMode;
  width?: number;
}

/** HOST:PORT and a code from the command line, the host resolved to an address; or the error to print. */
export async function resolveJoinTarget(target: string | undefined, code: string | undefined, t: Translate): Promise<{host: string; port: number; code: string} | {error: string}> {
  if (target === undefined) return {error: t('workshop:join.errors.noAddress')};
  const parsed = parseTarget(target);
  if (!parsed.ok) return {error: t('workshop:join.errors.badTarget', {value: visible(target)})};
  if (code === undefined) return {error: t('workshop:join.errors.needCode')};
  let host = parsed.host;
  if (!net.isIP(host)) {
    try {
      host = (await lookup(host)).address;
    } catch (error) {
      return {error: t('workshop:join.errors.resolve', {host: visible(parsed.host), code: (error as NodeJS.ErrnoException).code ?? '?'})};
    }
  }
  return {host, port: parsed.port, code};
}

/** Browse for rooms; the one to join as HOST:PORT, or undefined after saying why not. */
async function discover(t: Translate, print: (text: string) => void, json: ((record: unknown) => void) | undefined, haveCode: boolean): Promise<string | undefined> {
  const say = (key: string, params: Record<string, unknown> = {}) => (json ? json({type: 'discovery', message: key.split('.').pop(), text: t(key, params)}) : print(t(key, params)));
  const iface = browseInterface();
  if (iface === undefined) {
    say('workshop:join.discovery.unavailable');
    return undefined;
  }
  say('workshop:join.discovery.looking');
  const rooms = await browseRooms(iface);
  if (rooms === 'unavailable') {
    say('workshop:join.discovery.unavailable');
    return undefined;
  }
  if (json) json({type: 'rooms', rooms: rooms.map((r) => ({address: r.address, port: r.port, lang: r.lang ?? null}))});
  if (rooms.length === 0) {
    say('workshop:join.discovery.none');
    return undefined;
  }
  if (!json) {
    print(t('workshop:join.discovery.found'));
    for (const r of rooms) print(`  ${t('workshop:join.discovery.room', {address: r.address, port: r.port, lang: r.lang ?? '?'})}`);
  }
  if (rooms.length > 1) {
    say('workshop:join.discovery.choose');
    return undefined;
  }
  if (!haveCode) {
    say('workshop:join.errors.needCode');
    return undefined;
  }
  const room = rooms[0]!;
  say('workshop:join.discovery.joining', {address: room.address, port: room.port});
  return `${room.address}:${room.port}`;
}

export async function runJoinMode(options: CliOptions, instance: i18n, io: JoinModeIO): Promise<number> {
  const t = translatorOf(instance);
  const w = options.workshop;
  const rtl = isRtl(instance.language);
  const print = (text: string) => {
    for (const line of layoutText(text, {rtl, mode: io.bidi, ...(io.width !== undefined ? {width: io.width} : {})})) io.stdout.write(`${line.trimEnd()}\n`);
  };
  let typed = w.target;
  if (typed === undefined && w.discovery) {
    const found = await discover(t, print, options.json ? (r) => io.stdout.write(ndjsonLine(r)) : undefined, w.code !== undefined);
    if (found === undefined) return 2;
    typed = found;
  }
  const target = await resolveJoinTarget(typed, w.code, t);
  if ('error' in target) {
    io.stderr.write(`${target.error}\n`);
    return 2;
  }
  const client = new LearnerClient({host: target.host, port: target.port, code: target.code, nick: w.name ?? '', lang: instance.language});
  const records = new LearnerRecords();
  const where = {host: target.host, port: target.port, code: target.code};
  client.subscribe((state) => {
    for (const r of records.next(state)) {
      if (options.json) {
        const text = learnerRecordLines(r, t, where).join('\n');
        io.stdout.write(ndjsonLine({...r, text}));
      } else for (const line of learnerRecordLines(r, t, where)) print(line);
    }
  });
  let quit = false;
  const finished = new Promise<LearnerState>((resolve) => {
    client.subscribe((s) => {
      if (s.phase === 'failed' || s.phase === 'ended') resolve(s);
    });
  });
  const joined = await client.join();
  if (joined.phase === 'joined' && !options.json) print(t('workshop:join.inputHint'));
  void (async () => {
    for await (const {text} of readLines(io.stdin as AsyncIterable<Uint8Array>, 256)) {
      const word = toAsciiDigits(text).trim().toLowerCase();
      if (word === '') continue;
      if (word === 'quit' || word === 'q' || word === 'bye') {
        quit = true;
        await client.leave();
        return;
      }
      if (word === 'stuck') client.setStuck(true);
      else if (word === 'stuck off' || word === 'unstuck') client.setStuck(false);
      else if (/^[1-9]$/.test(word)) client.answer(Number(word));
      else if (options.json) io.stdout.write(ndjsonLine({type: 'error', code: 'bad-input'}));
      else print(t('workshop:join.badInput', {input: visible(text.slice(0, 40))}));
    }
  })().catch(() => {});
  const end = await finished;
  await client.leave();
  releaseStdin(io.stdin);
  if (quit || end.diagnosis?.kind === 'host-ended') return 0;
  return 1;
}
