// What `host` needs before it listens: the room's one address, its polls (the
// experiments' and every lesson's `ask`, packs included), and the words it sends.
import type {i18n} from 'i18next';
import {unregisterLab} from '../lab/cleanup.ts';
import type {Lab} from '../lab/index.ts';
import {loadCatalog} from '../lessons/pack-catalog.ts';
import {chooseAddress, listAddresses, readRouteTable, type AddressChoice} from '../workshop/address.ts';
import {pollCatalog, type Poll} from '../workshop/polls.ts';
import type {Translate} from '../ui/format/translate.ts';

export function roomAddress(on: string | undefined): AddressChoice {
  return chooseAddress(on, listAddresses(), readRouteTable());
}

/** The translated reason an address could not be chosen. */
export function addressErrorText(choice: Extract<AddressChoice, {ok: false}>, t: Translate): string {
  const all = listAddresses();
  const list = choice.error === 'unknown-interface' ? [...new Set(all.map((a) => a.name))].join(', ') : all.map((a) => a.address).join(', ');
  return t(`workshop:host.errors.${choice.error}`, {value: choice.value ?? '', list});
}

/** Polls from the experiments and every loaded lesson; a pack's prose joins the i18n instance. */
export function roomPolls(instance: i18n, packs: readonly string[]): Map<string, Poll> {
  const catalog = loadCatalog({packs});
  for (const locales of catalog.locales) {
    for (const [lng, namespaces] of Object.entries(locales)) {
      for (const [ns, keys] of Object.entries(namespaces)) instance.addResourceBundle(lng, ns, keys, true, false);
    }
  }
  return pollCatalog(catalog.lessons);
}

/**
 * The room closes its own sockets on the way out (each learner gets a goodbye first): the
 * process-wide cleanup, which closes every lab at once on a signal, leaves these labs to it.
 * When the process exits anyway, they are closed at the last moment.
 */
export function closeGracefully(...labs: Lab[]): void {
  for (const lab of labs) {
    unregisterLab(lab);
    process.once('exit', () => lab.disposeSync());
  }
}

/**
 * The room is over and every socket closed: a pipe still open on standard input must not
 * keep the process alive (Deno cannot cancel a pending read of it). The timer does not
 * hold the process itself, so it only fires when something else still does.
 */
export function releaseStdin(stdin: NodeJS.ReadableStream): void {
  (stdin as {destroy?: () => void}).destroy?.();
  setTimeout(() => process.exit(), 200).unref?.();
}
