// Address, host, port and name forms of the command language.

import {isIPv4, isIPv6} from 'node:net';
import type {Token} from './tokenize.ts';
import type {AddressArg, ParseError, PortSpec} from './types.ts';
import {RESERVED} from './verbs.ts';

/** Socket names: a letter or _, then letters, digits, _ . - # (≤ 32). Any script's letters. */
const NAME_RE = /^[\p{L}_][\p{L}\p{N}_.\-#\u200c]{0,31}$/u;
const HOSTNAME_RE = /^(?=.*[A-Za-z])[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function isName(text: string): boolean {
  return NAME_RE.test(text) && !RESERVED.has(text.toLowerCase());
}

export function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

type Fail = {ok: false; error: ParseError};
const fail = (code: ParseError['code'], tok: Token, extra: Partial<ParseError> = {}): Fail => ({
  ok: false,
  error: {code, at: tok.at, token: short(tok.text), ...extra},
});

/** 0..65535 written in digits, or undefined. */
function portNumber(text: string): number | 'range' | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : 'range';
}

export type HostResult = {ok: true; host: string; family: 4 | 6 | 'hostname'} | Fail;

/** 127.0.0.1, [::1] or ::1, localhost (read as 127.0.0.1), or a DNS name. */
export function parseHost(tok: Token): HostResult {
  let text = tok.text;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (isIPv4(text)) return {ok: true, host: text, family: 4};
  if (isIPv6(text)) return {ok: true, host: text, family: 6};
  if (text.toLowerCase() === 'localhost') return {ok: true, host: '127.0.0.1', family: 4};
  if (text.length <= 253 && HOSTNAME_RE.test(text) && text.includes('.')) {
    return {ok: true, host: text.toLowerCase(), family: 'hostname'};
  }
  return fail('BAD_ADDRESS', tok);
}

export interface AddressForms {
  /** A socket NAME standing for that socket's local address. */
  name: boolean;
  /** A Unix path (a word containing "/"). */
  path: boolean;
  /** HOST:PORT, [IPv6]:PORT or a bare PORT. */
  inet: boolean;
}

export type AddressResult = {ok: true; address: AddressArg} | Fail;

export function parseAddress(tok: Token, forms: AddressForms): AddressResult {
  const text = tok.text;
  if (forms.path && (text.includes('/') || (tok.quoted && text.length > 0))) {
    if (!text.includes('\0')) return {ok: true, address: {kind: 'path', path: text}};
  }
  if (!forms.inet) {
    if (forms.name && !tok.quoted && isName(text)) return {ok: true, address: {kind: 'socket', name: text}};
    return fail(forms.path ? 'BAD_PATH' : 'BAD_ADDRESS', tok);
  }
  const bare = portNumber(text);
  if (bare === 'range') return fail('BAD_PORT', tok);
  if (bare !== undefined) return {ok: true, address: {kind: 'inet', host: '127.0.0.1', port: bare, family: 4, bare: true}};
  const colon = text.lastIndexOf(':');
  if (colon > 0) {
    const hostText = text.slice(0, colon);
    const portText = text.slice(colon + 1);
    // An unbracketed IPv6 address cannot carry a port: "::1:80" is ambiguous.
    if (hostText.includes(':') && !hostText.startsWith('[')) return fail('BAD_ADDRESS', tok);
    const host = parseHost({...tok, text: hostText});
    if (!host.ok) return fail('BAD_ADDRESS', tok);
    if (host.family === 6 && !hostText.startsWith('[')) return fail('BAD_ADDRESS', tok);
    const port = portNumber(portText);
    if (port === undefined) {
      return fail(/^-?\d+$/.test(portText) ? 'BAD_PORT' : 'BAD_ADDRESS', tok);
    }
    if (port === 'range') return fail('BAD_PORT', tok);
    return {ok: true, address: {kind: 'inet', host: host.host, port, family: host.family}};
  }
  if (forms.name && !tok.quoted && isName(text)) return {ok: true, address: {kind: 'socket', name: text}};
  return fail('BAD_ADDRESS', tok);
}

export type PortsResult = {ok: true; ports: PortSpec[]} | Fail;

/** Scan targets: 8080, 8000-8010, srv, or several joined by commas. Port 0 is not scannable. */
export function parsePorts(tok: Token): PortsResult {
  const ports: PortSpec[] = [];
  for (const part of tok.text.split(',')) {
    const sub: Token = {...tok, text: part};
    if (part === '') return fail('BAD_PORT', tok);
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) {
      const from = portNumber(range[1]!);
      const to = portNumber(range[2]!);
      if (typeof from !== 'number' || typeof to !== 'number' || from < 1 || to < 1) return fail('BAD_PORT', sub);
      if (from > to) return fail('BAD_RANGE', sub);
      ports.push({kind: 'range', from, to});
      continue;
    }
    const port = portNumber(part);
    if (typeof port === 'number' && port >= 1) {
      ports.push({kind: 'port', port});
      continue;
    }
    if (port !== undefined || /^-?\d/.test(part)) return fail('BAD_PORT', sub);
    if (!tok.quoted && isName(part)) {
      ports.push({kind: 'socket', name: part});
      continue;
    }
    return fail('BAD_PORT', sub);
  }
  return {ok: true, ports};
}
