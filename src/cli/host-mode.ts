// `socket-lessons host` without a screen: `--json` prints the room as NDJSON (a `room`
// record first, then every event); otherwise plain translated lines. The instructor's
// commands come in on standard input, one per line. q/quit, Ctrl+C or SIGTERM end the
// room: every learner is told, every socket closed, nothing left listening.
import type {i18n} from 'i18next';
import {readLines} from '../ui/plain/lines.ts';
import {describeHostEvent} from '../ui/format/workshop.ts';
import {ndjsonLine, visible} from '../text/visible.ts';
import {translatorOf, type Translate} from '../ui/format/translate.ts';
import {parseControlLine} from '../workshop/control.ts';
import type {HostEvent} from '../workshop/events.ts';
import type {RoomRecord} from '../workshop/host.ts';
import {maskEvent} from '../workshop/privacy.ts';
import type {CliOptions} from './args.ts';
import type {Writable} from './lesson-mode.ts';
import {openRoom} from './room-session.ts';
import {releaseStdin} from './workshop-setup.ts';

export interface HostModeIO {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
}

const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export async function runHostMode(options: CliOptions, instance: i18n, io: HostModeIO): Promise<number> {
  const t = translatorOf(instance);
  const w = options.workshop;
  const json = options.json;
  const out = (text: string) => void io.stdout.write(text);
  const record = (value: unknown) => out(ndjsonLine(value));
  let nickOf: (learner: number) => string | undefined = () => undefined;
  const session = await openRoom(options, instance, (event) => {
    const shown: HostEvent = w.private ? maskEvent(event as HostEvent & {from?: {address: string; port: number}}) : event;
    if (json) record(shown);
    else if (event.type === 'room') out(roomLines(event, t).join('\n') + '\n');
    else {
      const line = describeHostEvent(shown, t, nickOf);
      if (line !== undefined) out(`${line}\n`);
    }
  });
  if ('error' in session) {
    io.stderr.write(`${session.error}\n`);
    return session.code;
  }
  const {host} = session;
  nickOf = (learner) => host.room.learners.get(learner)?.nick;

  let ending: Promise<number> | undefined;
  let whenEnded: (code: number) => void = () => {};
  const end = (reason: 'quit' | 'signal', code: number): Promise<number> =>
    (ending ??= session.end(reason).then((problem) => {
      if (problem) io.stderr.write(`${problem}\n`);
      else if (w.record !== undefined && !json) out(`${t('workshop:host.recorded', {file: w.record})}\n`);
      const c = problem ? code || 1 : code;
      whenEnded(c);
      return c;
    }));
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = () => void end('signal', code);
    process.on(signal as NodeJS.Signals, handler);
    return [signal, handler] as const;
  });

  // Commands on standard input; its end does not end the room (it may be /dev/null).
  void (async () => {
    for await (const {text} of readLines(io.stdin as AsyncIterable<Uint8Array>, 256)) {
      if (ending) return;
      const command = parseControlLine(text);
      switch (command.kind) {
        case 'empty':
          continue;
        case 'quit':
          void end('quit', 0);
          return;
        case 'polls': {
          const polls = [...host.room.config.polls.values()].map((p) => ({id: p.id, choices: p.choices.length, ...(p.experiment ? {experiment: p.experiment} : {})}));
          if (json) record({type: 'polls', polls});
          else out(`${polls.map((p) => p.id).join('\n')}\n`);
          continue;
        }
        case 'bad':
          if (json) record({type: 'error', code: 'bad-command', word: command.word});
          else io.stderr.write(`${t('workshop:host.errors.badCommand', {word: visible(command.word)})}\n`);
          continue;
        default:
          host.command(command);
      }
    }
  })().catch(() => {});

  const code = await new Promise<number>((resolve) => {
    whenEnded = resolve;
  });
  for (const [signal, handler] of handlers) process.off(signal, handler);
  releaseStdin(io.stdin);
  return code;
}

/** The room's opening lines: where it listens, and the three ways to join. */
export function roomLines(room: RoomRecord, t: Translate): string[] {
  const lines = [t('workshop:host.open', {code: room.code, address: room.address, port: room.port})];
  if (room.portFallback) lines.push(t('workshop:host.portFallback', {wanted: room.portFallback.wanted, port: room.port}));
  if (room.simulated) {
    lines.push(t('workshop:host.simulated', {count: room.simulated.learners}));
    if (room.simulated.sharedAddress) lines.push(t('workshop:host.simulatedShared'));
  }
  if (room.discovery) lines.push(t(`workshop:host.discovery.${room.discovery}`));
  lines.push(t('workshop:host.joinWith'), `  ${room.join.node}`, `  ${room.join.deno}`, `  ${room.join.nc}`, t('workshop:host.commands'));
  return lines;
}
