// A typed error → what happened, and what to try next, in the learner's language.

import type {CommandError} from '../../commands/outcome.ts';
import {USAGE} from '../../commands/usage.ts';
import type {LabErrorInfo} from '../../lab/types.ts';
import {visible} from '../../text/visible.ts';
import {endpointText, list} from './text.ts';
import type {Translate} from './translate.ts';

export interface ErrorText {
  message: string;
  /** What to try next; absent when there is nothing useful to add. */
  hint?: string;
}

function holdersText(holders: NonNullable<LabErrorInfo['holders']>, t: Translate): string {
  const parts: string[] = [];
  const ours = holders.filter((h) => h.socket !== undefined);
  if (ours.length > 0) {
    const pid = ours.find((h) => h.pid !== undefined)?.pid;
    parts.push(
      pid === undefined
        ? t('commands:error.holders.ours', {names: list(ours.map((h) => h.socket!), t), count: ours.length})
        : t('commands:error.holders.oursPid', {names: list(ours.map((h) => h.socket!), t), count: ours.length, pid}),
    );
  }
  for (const h of holders.filter((x) => x.socket === undefined)) {
    parts.push(
      h.pid === undefined
        ? t('commands:error.holders.unknown')
        : t('commands:error.holders.other', {program: h.program ?? '?', pid: h.pid}),
    );
  }
  return list(parts, t);
}

function usageOf(verb: string | undefined): string {
  const u = verb === undefined ? undefined : USAGE[verb as keyof typeof USAGE];
  return u ? u.forms.join('  |  ') : '';
}

function parseText(e: Extract<CommandError, {kind: 'parse'}>, t: Translate): ErrorText {
  const params = {
    column: e.at + 1,
    token: e.token === undefined ? '' : visible(e.token),
    verb: e.verb ?? '',
    usage: usageOf(e.verb),
    allowed: (e.allowed ?? []).join(', '),
    // A timeout is typed back into a wait command, so its limit keeps ASCII digits.
    limit: e.code === 'BAD_TIMEOUT' && e.limit !== undefined ? String(e.limit) : e.limit,
    actual: e.actual,
    // Plural forms ("5 символов") follow the length that was too long.
    ...(e.actual !== undefined ? {count: e.actual} : {}),
    suggestion: e.suggestion ?? '',
    expected: e.expected ? t(`commands:expected.${e.expected}`) : '',
    code: e.codePoint === undefined ? '' : `U+${e.codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
  };
  const message = t(`commands:error.parse.${e.code}`, params);
  let hint: string | undefined;
  if (e.code === 'UNKNOWN_VERB') {
    hint = e.suggestion ? t('commands:hint.didYouMean', params) : t('commands:hint.help');
  } else if (['MISSING', 'EXTRA', 'BAD_PROTOCOL', 'NOT_A_NAME', 'AS_NOT_ALLOWED'].includes(e.code) && params.usage) {
    hint = t('commands:hint.usage', params);
  } else {
    // Not every error needs a hint: a missing key means none (defaultValue '').
    const text = t(`commands:hint.parse.${e.code}`, {...params, defaultValue: ''});
    if (text !== '') hint = text;
  }
  return hint === undefined ? {message} : {message, hint};
}

const WILDCARDS = new Set(['0.0.0.0', '::', '::ffff:0.0.0.0', '0:0:0:0:0:0:0:0']);
const LIMIT_VARIANT = {sockets: 'sockets', buffered: 'buffered', 'scan-ports': 'scanPorts', descriptors: 'descriptors'} as const;
const UNIX_VARIANT = {
  'no-directory': 'noDirectory',
  'not-a-directory': 'notADirectory',
  'not-a-socket': 'notASocket',
  'stale-socket': 'staleSocket',
  'no-permission': 'noPermission',
} as const;

/** The message key's variant: the code, refined by what the error knows. */
function variantOf(e: Extract<CommandError, {kind: 'lab'}>): string {
  if (e.unixProblem) return `unix.${UNIX_VARIANT[e.unixProblem.kind]}`;
  switch (e.code) {
    case 'ENAME':
      return e.nameProblem === 'taken' ? 'ENAME_taken' : 'ENAME_unknown';
    case 'ESTATE':
      return e.noAddress ? 'ESTATE_noAddress' : 'ESTATE';
    case 'ETIMEDOUT':
    case 'ECANCELED':
      return e.operation === 'wait' ? `${e.code}_wait` : e.code;
    case 'ELIMIT':
      return e.limit ? `ELIMIT_${LIMIT_VARIANT[e.limit.kind]}` : 'ELIMIT';
    case 'ENOTLOOPBACK':
      return e.address?.kind === 'inet' && WILDCARDS.has(e.address.address.toLowerCase()) ? 'ENOTLOOPBACK_wildcard' : 'ENOTLOOPBACK';
    default:
      return e.code;
  }
}

function labText(e: Extract<CommandError, {kind: 'lab'}>, t: Translate): ErrorText {
  const address = e.address ? endpointText(e.address, t) : '';
  const params: Record<string, unknown> = {
    host: e.address?.kind === 'inet' ? e.address.address : address,
    max: e.limit?.max ?? '',
    dir: e.unixProblem?.dir ?? '',
    socket: e.socket ?? '',
    operation: e.operation,
    address,
    port: e.address?.kind === 'inet' ? e.address.port : '',
    sysCode: e.sysCode ?? e.code,
    ms: e.timeoutMs ?? '',
    what: e.waitingFor ?? e.operation,
    protocol: e.socketProtocol ?? '',
    role: e.socketRole ? t(`commands:role.${e.socketRole}`) : '',
    state: e.socketState ? t(`commands:state.${e.socketState}`) : '',
    known: list(e.known ?? [], t),
  };
  const variant = variantOf(e);
  if (e.code === 'EADDRINUSE') {
    params.holders = e.holders && e.holders.length > 0 ? holdersText(e.holders, t) : t('commands:error.holders.unknown');
  }
  const message = t(`commands:error.lab.${variant}`, params);
  let hint: string | undefined;
  if (variant === 'ENAME_unknown') {
    hint = e.known && e.known.length > 0 ? t('commands:hint.lab.ENAME_known', params) : t('commands:hint.lab.ENAME_none');
  } else if (variant === 'ESTATE') {
    const text = t(`commands:hint.lab.ESTATE_${e.operation}`, {...params, defaultValue: ''});
    hint = text === '' ? t('commands:hint.lab.ESTATE', params) : text;
  } else {
    const text = t(`commands:hint.lab.${variant}`, {...params, defaultValue: ''});
    if (text !== '') hint = text;
  }
  return hint === undefined ? {message} : {message, hint};
}

export function describeError(error: CommandError, t: Translate): ErrorText {
  return error.kind === 'parse' ? parseText(error, t) : labText(error, t);
}
