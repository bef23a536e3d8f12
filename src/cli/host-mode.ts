// `socket-lessons host` without a screen: `--json` prints the room as NDJSON (a `room`
// record first, then every event); otherwise plain translated lines. The instructor's
// commands come in on standard input, one per line. q/quit, Ctrl+C or SIGTERM end the
// room: every learner is told, every socket closed, nothing left listening.
import {writeFileSync} from 'node:fs';
import type {i18n} from 'i18next';
import {readLines} from '../ui/plain/lines.ts';
import {describeHostEvent, speakerFor} from '../ui/format/workshop.ts';
import {safe} from '../ui/format/text.ts';
import {translatorOf} from '../ui/format/translate.ts';
import {parseControlLine} from '../workshop/control.ts';
import type {HostEvent} from '../workshop/events.ts';
import {HostStartError, WorkshopHost, type RoomRecord} from '../workshop/host.ts';
import {maskEvent} from '../workshop/privacy.ts';
import {announceRoom, type Announcer} from '../workshop/discovery.ts';
import {Recorder} from '../workshop/record.ts';
import {Simulation} from '../workshop/simulate.ts';
import type {CliOptions} from './args.ts';
import {addressErrorText, closeGracefully, releaseStdin, roomAddress, roomPolls} from './workshop-setup.ts';

export interface HostModeIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export async function runHostMode(options: CliOptions, instance: i18n, io: HostModeIO): Promise<number> {
  const t = translatorOf(instance);
  const w = options.workshop;
  const json = options.json;
  const out = (text: string) => void io.stdout.write(text);
  const record = (value: unknown) => out(`${JSON.stringify(value)}\n`);
  const choice = roomAddress(w.on);
  if (!choice.ok) {
    io.stderr.write(`${addressErrorText(choice, t)}\n`);
    return 2;
  }
  const simulate = w.simulate ?? 0;
  // Simulated learners that must share 127.0.0.1 are not held to the per-address limit.
  const sharedAddress = simulate > 0 && (await Simulation.sharesLoopback());
  const host = new WorkshopHost({
    ...(sharedAddress ? {perAddressExempt: (address: string) => address === '127.0.0.1'} : {}),
    address: choice.address,
    ...(w.port !== undefined ? {port: w.port, portExplicit: true} : {}),
    ...(w.max !== undefined ? {max: w.max} : {}),
    private: w.private,
    lang: instance.language,
    polls: roomPolls(instance, options.lessons),
    speaker: speakerFor(instance),
  });
  closeGracefully(host.lab);
  const nickOf = (learner: number) => host.room.learners.get(learner)?.nick;
  const recorder = w.record !== undefined ? new Recorder(w.recordAddresses) : undefined;
  host.onEvent((event) => {
    recorder?.add(event);
    const shown: HostEvent = w.private ? maskEvent(event as HostEvent & {from?: {address: string; port: number}}) : event;
    if (json) record(shown);
    else if (event.type === 'room') out(roomLines(event, t).join('\n') + '\n');
    else {
      const line = describeHostEvent(shown, t, nickOf);
      if (line !== undefined) out(`${line}\n`);
    }
  });

  let announcer: Announcer | undefined;
  try {
    await host.start(simulate > 0 ? {simulated: {learners: simulate, sharedAddress}} : {}, async (port) => {
      if (!w.discovery) return {discovery: 'off'};
      const ad = await announceRoom({address: choice.address, port, lang: instance.language});
      if (ad === 'unavailable') return {discovery: 'unavailable'};
      announcer = ad;
      return {discovery: 'announced'};
    });
  } catch (error) {
    if (!(error instanceof HostStartError)) throw error;
    const e = error.error;
    const key = e.code === 'EADDRINUSE' ? 'workshop:host.errors.portTaken' : 'workshop:host.errors.listen';
    io.stderr.write(`${t(key, {address: choice.address, port: error.port, code: e.sysCode ?? e.code})}\n`);
    return 1;
  }
  let simulation: Simulation | undefined;
  if (simulate > 0) {
    simulation = new Simulation({count: simulate, host: choice.address, port: host.port, code: host.code, lang: instance.language, sharedAddress});
    closeGracefully(simulation.lab);
    void simulation.start();
  }

  let ending: Promise<number> | undefined;
  let whenEnded: (code: number) => void = () => {};
  const end = (reason: 'quit' | 'signal', code: number): Promise<number> =>
    (ending ??= (async () => {
      await announcer?.stop();
      await host.stop(reason);
      await simulation?.stop();
      if (recorder && w.record !== undefined) {
        try {
          writeFileSync(w.record, `${JSON.stringify(recorder.record, null, 2)}\n`);
          if (!json) out(`${t('workshop:host.recorded', {file: w.record})}\n`);
        } catch (error) {
          io.stderr.write(`${t('workshop:host.errors.record', {file: w.record, reason: (error as NodeJS.ErrnoException).code ?? String(error)})}\n`);
          return code || 1;
        }
      }
      return code;
    })().then((c) => {
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
          else io.stderr.write(`${t('workshop:host.errors.badCommand', {word: safe(command.word)})}\n`);
          continue;
        default:
          host.command(command);
      }
    }
  })().catch(() => {});

  const code = await new Promise<number>((resolve) => {
    whenEnded = resolve;
  });
  releaseStdin(io.stdin);
  for (const [signal, handler] of handlers) process.off(signal, handler);
  return code;
}

/** The room's opening lines: where it listens, and the three ways to join. */
export function roomLines(room: RoomRecord, t: ReturnType<typeof translatorOf>): string[] {
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
