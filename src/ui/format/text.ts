// Addresses, received bytes and names as text: addresses stay ASCII and exactly as the
// OS reported them; data from the network is quoted and paths are shown through the one
// sanitiser (src/text/visible.ts), so a peer or a file name can never move our cursor or
// colour our terminal.

import type {Endpoint} from '../../lab/types.ts';
import {visible} from '../../text/visible.ts';
import type {Translate} from './translate.ts';

export function endpointText(e: Endpoint | undefined, t: Translate): string {
  if (!e) return t('commands:addr.none');
  if (e.kind === 'unix') return e.path === '' ? t('commands:addr.unnamed') : visible(e.path);
  return e.family === 'IPv6' || e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}

/** Host and port as typed in commands: [::1]:80, 127.0.0.1:80. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export {quoted} from '../../text/visible.ts';

export function list(items: readonly string[], t: Translate): string {
  return items.join(t('commands:list.sep'));
}

/** TCP, UDP, Unix: as the protocols are written in prose. */
export function protocolName(p: 'tcp' | 'udp' | 'unix', t: Translate): string {
  return t(`commands:protocol.${p}`);
}
