// Plain-text tables for `sockets` and `os`: columns padded by display width.

import stringWidth from 'string-width';
import type {OsView, SocketInfo} from '../../lab/types.ts';
import {endpointText} from './text.ts';
import type {Translate} from './translate.ts';

export function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}

export function socketTable(sockets: readonly SocketInfo[], t: Translate): string[] {
  if (sockets.length === 0) return [t('commands:table.noSockets')];
  const head = ['name', 'protocol', 'role', 'state', 'local', 'remote'].map((c) => t(`commands:table.${c}`));
  const rows = sockets.map((s) => [
    s.name,
    s.protocol,
    t(`commands:role.${s.role}`),
    t(`commands:state.${s.state}`),
    s.local ? endpointText(s.local, t) : s.requestedLocal ? `(${s.requestedLocal.host}:${s.requestedLocal.port})` : '-',
    s.remote ? endpointText(s.remote, t) : '-',
  ]);
  return columns([head, ...rows]);
}

export function osTable(view: OsView, t: Translate): string[] {
  if (!view.available) return [t('commands:os.unavailable', {reason: view.reason})];
  if (view.sockets.length === 0) return [t('commands:os.none')];
  const head = ['protocol', 'local', 'remote', 'osState', 'process'].map((c) => t(`commands:table.${c}`));
  const rows = view.sockets.map((s) => [
    s.protocol,
    endpointText(s.local, t),
    s.remote ? endpointText(s.remote, t) : '-',
    s.state,
    s.pid === undefined ? '-' : `${s.pid}${s.program ? `/${s.program}` : ''}`,
  ]);
  return columns([head, ...rows]);
}
