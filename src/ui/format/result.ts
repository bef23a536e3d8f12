// A typed result → lines of text, plus the table of `sockets` and `os` as data (after the
// lines). The first line says what happened; help adds more lines.

import type {Outcome, Result} from '../../commands/outcome.ts';
import {USAGE} from '../../commands/usage.ts';
import {VERBS, type Verb} from '../../commands/verbs.ts';
import {describeError} from './error.ts';
import {describeEvent} from './event.ts';
import {columns, osTable, socketTable, tableText, type TextTable} from './table.ts';
import {endpointText, hostPort, list, protocolName} from './text.ts';
import type {Translate} from './translate.ts';

export function helpLines(topic: Verb | undefined, t: Translate): string[] {
  if (topic === undefined) {
    const rows = VERBS.map((v) => [USAGE[v].forms[0]!, t(`commands:verb.${v}.summary`)]);
    return [t('commands:help.intro'), ...columns(rows).map((l) => `  ${l}`), t('commands:help.addresses'), t('commands:help.more')];
  }
  const u = USAGE[topic];
  return [
    ...u.forms.map((f) => `  ${f}`),
    t(`commands:verb.${topic}.summary`),
    t(`commands:verb.${topic}.details`),
    t('commands:help.examples'),
    ...u.examples.map((x) => `  ${x}`),
  ];
}

function scanLines(r: Extract<Result, {verb: 'scan'}>, t: Translate): string[] {
  const open = r.scan.ports.filter((p) => p.open);
  const head = t('commands:result.scan', {host: r.scan.host, count: r.scan.ports.length, open: open.length});
  const lines = open.map((p) => {
    const owners = r.owners[p.port];
    return `  ${hostPort(r.scan.host, p.port)} ${owners ? t('commands:result.scanOurs', {names: list(owners, t), count: owners.length}) : t('commands:result.scanOther')}`;
  });
  return [head, ...lines];
}

export interface Described {
  lines: string[];
  /** Shown after the lines: screens lay it out cell by cell, plain text joins it (textLines). */
  table?: TextTable;
}

/** Everything as left-to-right text lines: the lines, then the table indented by two. */
export function textLines(d: Described): string[] {
  return d.table ? [...d.lines, ...tableText(d.table).map((l) => `  ${l}`)] : d.lines;
}

export function describeResult(r: Result, t: Translate): Described {
  const table = r.verb === 'sockets' ? socketTable(r.sockets, t) : r.verb === 'os' ? osTable(r.view, t) : undefined;
  const lines = resultLines(r, t);
  return table ? {lines, table} : {lines};
}

function resultLines(r: Result, t: Translate): string[] {
  const s = 'socket' in r && typeof r.socket === 'object' ? r.socket : undefined;
  const p: Record<string, unknown> = s
    ? {name: s.name, protocol: protocolName(s.protocol, t), local: endpointText(s.local, t), remote: endpointText(s.remote, t)}
    : {};
  switch (r.verb) {
    case 'socket':
      return [t(`commands:result.socket.${r.socket.protocol}`, p)];
    case 'bind':
      if (!r.socket.local && r.socket.requestedLocal) {
        return [t('commands:result.bindRecorded', {...p, requested: hostPort(r.socket.requestedLocal.host, r.socket.requestedLocal.port)})];
      }
      return [t('commands:result.bind', p)];
    case 'listen':
      return [t(r.socket.protocol === 'unix' ? 'commands:result.listenUnix' : 'commands:result.listen', p)];
    case 'connect': {
      if (r.socket.protocol === 'udp') return [t('commands:result.connectUdp', p)];
      const first = t(r.socket.protocol === 'unix' ? 'commands:result.connectUnix' : 'commands:result.connect', p);
      if (r.accepted !== undefined) return [`${first} ${t('commands:result.accepted', {listener: r.listener, child: r.accepted})}`];
      return [first];
    }
    case 'send': {
      const first = t('commands:result.send', {...p, count: r.bytes});
      if (r.queued !== undefined) return [`${first} ${t('commands:result.sendQueued', {count: r.queued})}`];
      return [r.receivedBy ? `${first} ${t('commands:result.receivedBy', {receiver: r.receivedBy})}` : first];
    }
    case 'sendto': {
      const lines: string[] = [];
      if (r.implicitBind) lines.push(t('commands:result.implicitBind', {...p, local: endpointText(r.implicitBind, t)}));
      const sent = t('commands:result.sendto', {...p, count: r.bytes, to: endpointText(r.to, t)});
      lines.push(r.receivedBy ? `${sent} ${t('commands:result.receivedBy', {receiver: r.receivedBy})}` : sent);
      return [lines.join(' ')];
    }
    case 'shutdown':
    case 'close':
    case 'reset': {
      const first = t(`commands:result.${r.verb}`, p);
      return [r.peer ? `${first} ${t(`commands:result.peer.${r.verb}`, {peer: r.peer})}` : first];
    }
    case 'sockets': {
      const head = t('commands:result.sockets', {count: r.sockets.length});
      return r.sockets.length === 0 ? [head, `  ${t('commands:table.noSockets')}`] : [head];
    }
    case 'os': {
      if (!r.view.available) return [t('commands:os.unavailable', {reason: r.view.reason})];
      const head = t('commands:result.os', {count: r.view.sockets.length});
      return r.view.sockets.length === 0 ? [head, t('commands:os.none')] : [head];
    }
    case 'scan':
      return scanLines(r, t);
    case 'wait':
      return [t('commands:result.wait', {event: describeEvent(r.event, t)})];
    case 'help':
      return helpLines(r.topic, t);
    case 'lang':
      return [t('commands:result.lang')];
    case 'clear':
      return [];
    case 'quit':
      return [t('commands:result.quit')];
  }
}

/** An outcome in words: the result's lines (and table), or the error's message and (second line) its hint. */
export function describeOutcome(o: Outcome, t: Translate): Described & {ok: boolean} {
  if (o.ok) return {ok: true, ...describeResult(o.result, t)};
  const e = describeError(o.error, t);
  return {ok: false, lines: e.hint ? [e.message, e.hint] : [e.message]};
}
