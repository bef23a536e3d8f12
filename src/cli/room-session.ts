// One room from the command line's options, for the headless host and the wall alike:
// its address, polls and words; listening (with the port fallback and discovery);
// simulated learners; the session record; and one way to end it all.
import {writeFileSync} from 'node:fs';
import type {i18n} from 'i18next';
import {LANGUAGES} from '../i18n/languages.ts';
import {ensureLanguages} from '../i18n/setup.ts';
import {speakerFor} from '../ui/format/workshop.ts';
import {translatorOf} from '../ui/format/translate.ts';
import {announceRoom, type Announcer} from '../workshop/discovery.ts';
import type {HostEvent} from '../workshop/events.ts';
import {HostStartError, WorkshopHost, type RoomRecord} from '../workshop/host.ts';
import {Recorder} from '../workshop/record.ts';
import {Simulation} from '../workshop/simulate.ts';
import type {CliOptions} from './args.ts';
import {addressErrorText, closeGracefully, roomAddress, roomPolls} from './workshop-setup.ts';

export interface RoomSession {
  host: WorkshopHost;
  room: RoomRecord;
  /** Tell everyone, close everything, write the record. Resolves with an error text when the record could not be written. */
  end(reason: 'quit' | 'signal'): Promise<string | undefined>;
}

/** Opens the room, or returns the translated reason it could not (and the exit code). */
export async function openRoom(options: CliOptions, instance: i18n, onEvent: (event: HostEvent) => void): Promise<RoomSession | {error: string; code: number}> {
  const t = translatorOf(instance);
  const w = options.workshop;
  // The room speaks to each learner in the learner's language.
  await ensureLanguages(instance, LANGUAGES);
  const choice = roomAddress(w.on);
  if (!choice.ok) return {error: addressErrorText(choice, t), code: 2};
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
  const recorder = w.record !== undefined ? new Recorder(w.recordAddresses) : undefined;
  host.onEvent((event) => {
    recorder?.add(event);
    onEvent(event);
  });
  let announcer: Announcer | undefined;
  let room: RoomRecord;
  try {
    room = await host.start(simulate > 0 ? {simulated: {learners: simulate, sharedAddress}} : {}, async (port) => {
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
    return {error: t(key, {address: choice.address, port: error.port, code: e.sysCode ?? e.code}), code: 1};
  }
  let simulation: Simulation | undefined;
  if (simulate > 0) {
    // Simulated learners keep the room busy: during the UDP experiment each sends a datagram a second.
    simulation = new Simulation({count: simulate, host: choice.address, port: host.port, code: host.code, lang: instance.language, sharedAddress, udpEveryMs: 1000});
    closeGracefully(simulation.lab);
    void simulation.start();
  }
  let ending: Promise<string | undefined> | undefined;
  return {
    host,
    room,
    end: (reason) =>
      (ending ??= (async () => {
        await announcer?.stop();
        await host.stop(reason);
        await simulation?.stop();
        if (!recorder || w.record === undefined) return undefined;
        try {
          writeFileSync(w.record, `${JSON.stringify(recorder.record, null, 2)}\n`);
          return undefined;
        } catch (error) {
          return t('workshop:host.errors.record', {file: w.record, reason: (error as NodeJS.ErrnoException).code ?? String(error)});
        }
      })()),
  };
}
