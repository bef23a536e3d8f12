// One lab event → one line of the event log, in the learner's language.

import type {LabEvent, OsSocket} from '../../lab/types.ts';
import {endpointText, protocolName, quoted} from './text.ts';
import type {Translate} from './translate.ts';

export function osEntryText(entry: OsSocket, t: Translate): string {
  const owner = entry.pid === undefined ? '' : ` ${t('commands:os.owner', {pid: entry.pid, program: entry.program ?? '?'})}`;
  const remote = entry.remote ? ` → ${endpointText(entry.remote, t)}` : '';
  return `${entry.protocol} ${endpointText(entry.local, t)}${remote} ${entry.state}${owner}`;
}

export function describeEvent(e: LabEvent, t: Translate): string {
  const base = {
    socket: e.socket,
    protocol: protocolName(e.protocol, t),
    local: endpointText(e.local, t),
    remote: endpointText(e.remote, t),
  };
  switch (e.type) {
    case 'socket':
      return t(`commands:event.socket.${e.role}`, base);
    case 'bind':
      return t(e.implicit ? 'commands:event.bind.implicit' : 'commands:event.bind.explicit', base);
    case 'listen':
      return t('commands:event.listen', base);
    case 'connect':
      return t(`commands:event.connect.${e.protocol === 'udp' ? 'udp' : e.protocol === 'unix' ? 'unix' : 'stream'}`, base);
    case 'disconnect':
      return t('commands:event.disconnect', base);
    case 'accept':
      return t(e.remote && !(e.remote.kind === 'unix' && e.remote.path === '') ? 'commands:event.accept' : 'commands:event.acceptUnnamed', {...base, child: e.child});
    case 'data':
      return t('commands:event.data', {...base, count: e.bytes, preview: quoted(e.preview)});
    case 'send':
      return e.protocol === 'udp'
        ? t('commands:event.send.datagram', {...base, count: e.bytes, to: endpointText(e.to ?? e.remote, t)})
        : e.queued !== undefined
          ? `${t('commands:event.send.stream', {...base, count: e.bytes})}; ${t('commands:event.sendQueued', {count: e.queued})}`
          : t('commands:event.send.stream', {...base, count: e.bytes});
    case 'message':
      return t('commands:event.message', {...base, count: e.bytes, from: endpointText(e.from, t), preview: quoted(e.preview)});
    case 'drop':
      return t('commands:event.drop', {...base, count: e.count});
    case 'end':
      return t(e.by === 'peer' ? 'commands:event.end.peer' : 'commands:event.end.local', base);
    case 'close': {
      const closed = t(e.hadError ? 'commands:event.close.error' : 'commands:event.close.clean', base);
      return e.dropped ? `${closed}; ${t('commands:event.closeDropped', {count: e.dropped})}` : closed;
    }
    case 'error':
      return t('commands:event.error', {...base, code: e.error.code, operation: e.error.operation});
    case 'os':
      return t(`commands:event.os.${e.change}`, {entry: osEntryText(e.entry, t), previous: e.previousState ?? '', state: e.entry.state});
  }
}
