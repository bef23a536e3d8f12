// Addresses, received bytes and names as text: addresses stay ASCII and exactly as the
// OS reported them; data from the network is quoted with every control character escaped,
// so a peer can never move our cursor or colour our terminal.

import type {Endpoint} from '../../lab/types.ts';
import type {Translate} from './translate.ts';

export function endpointText(e: Endpoint | undefined, t: Translate): string {
  if (!e) return t('commands:addr.none');
  if (e.kind === 'unix') return e.path === '' ? t('commands:addr.unnamed') : e.path;
  return e.family === 'IPv6' || e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}

/** Host and port as typed in commands: [::1]:80, 127.0.0.1:80. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const ESC: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '"': '\\"'};

/** "text" with \n, \t, \xNN / \u{…} escapes for anything invisible or controlling. */
export function quoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ESC[ch] !== undefined) out += ESC[ch];
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) {
      out += `\\u{${c.toString(16)}}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Strip anything that could act on a terminal from a string we did not write (names, paths). */
export function safe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function list(items: readonly string[], t: Translate): string {
  return items.join(t('commands:list.sep'));
}

/** TCP, UDP, Unix: as the protocols are written in prose. */
export function protocolName(p: 'tcp' | 'udp' | 'unix', t: Translate): string {
  return t(`commands:protocol.${p}`);
}
