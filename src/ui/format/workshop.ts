// The workshop's words: the room's counts, its events, the doctor's diagnoses and a
// learner's records as translated text. Nicknames and text from the other side are
// escaped with visible() right where they are put into a sentence.
import type {i18n} from 'i18next';
import type {Diagnosis} from '../../workshop/doctor.ts';
import type {Addr, HostEvent} from '../../workshop/events.ts';
import type {LearnerRecord} from '../../workshop/learner-records.ts';
import type {Poll} from '../../workshop/polls.ts';
import type {Speaker} from '../../workshop/room.ts';
import {visible} from '../../text/visible.ts';
import {hostPort} from './text.ts';
import type {Translate} from './translate.ts';

/** The `#` lines and poll text the host sends, each in the learner's own language. */
export function speakerFor(instance: i18n): Speaker {
  return {
    say: (lang, key, params) => instance.getFixedT(lang, 'workshop')(`nc.${key}`, params ?? {}),
    poll: (lang, poll: Poll) => {
      const t = instance.getFixedT(lang, poll.ns);
      return {question: t(poll.question), choices: poll.choices.map((c) => t(c)), explain: t(poll.explain)};
    },
  };
}

export function addrText(a: Addr | undefined): string {
  return a ? hostPort(a.address, a.port) : '—';
}

/** "1 listening socket, 27 connections, 27 different source ports, 14 different source addresses". */
export function countsText(c: {listening: number; connections: number; ports: number; addresses: number}, t: Translate): string {
  return [
    t('workshop:counts.listening', {count: c.listening}),
    t('workshop:counts.connections', {count: c.connections}),
    t('workshop:counts.ports', {count: c.ports}),
    t('workshop:counts.addresses', {count: c.addresses}),
  ].join(t('workshop:counts.separator'));
}

export function experimentName(id: string, t: Translate): string {
  return t(`workshop:experiments.${id}`);
}

/** Counts as "3 / 10 / 4" (choice order). */
export function pollCountsText(counts: readonly number[]): string {
  return counts.join(' / ');
}

/** One line for the host's plain transcript and the wall's event list; undefined for events not worth a line. */
export function describeHostEvent(e: HostEvent, t: Translate, nickOf: (learner: number) => string | undefined): string | undefined {
  const nick = (learner: number | undefined) => visible((learner !== undefined ? nickOf(learner) : undefined) ?? `#${learner ?? '?'}`);
  switch (e.type) {
    case 'room':
      return t('workshop:host.open', {code: e.code, address: e.address, port: e.port});
    case 'connection':
      if (e.phase === 'rejected') return t('workshop:host.event.rejected', {from: addrText(e.from), reason: t(`workshop:host.reasons.${e.reason ?? 'closed'}`)});
      if (e.role === 'second' && e.phase === 'opened') return t('workshop:host.event.second', {nick: nick(e.learner), from: addrText(e.from)});
      return undefined;
    case 'join':
      return t(e.resumed ? 'workshop:host.event.rejoin' : 'workshop:host.event.join', {nick: visible(e.nick), from: addrText(e.from), learner: e.learner});
    case 'leave':
      return t('workshop:host.event.leave', {nick: visible(e.nick), reason: t(`workshop:host.reasons.${e.reason}`)});
    case 'poll':
      switch (e.phase) {
        case 'open':
          return t('workshop:host.event.pollOpen', {id: e.id});
        case 'answer':
          return t('workshop:host.event.pollAnswer', {nick: nick(e.learner), counts: pollCountsText(e.counts)});
        case 'reveal':
          return t('workshop:host.event.pollReveal', {id: e.id, answer: e.answer, counts: pollCountsText(e.counts)});
        case 'close':
          return t('workshop:host.event.pollClose', {id: e.id});
      }
      return undefined;
    case 'experiment':
      switch (e.phase) {
        case 'start':
          return t('workshop:host.event.experimentStart', {name: experimentName(e.id, t)});
        case 'result':
          return e.result === undefined ? undefined : t('workshop:host.event.experimentResult', {nick: nick(e.learner), result: e.result});
        case 'datagram':
          return t('workshop:host.event.datagram', {from: addrText(e.from)});
        case 'end':
          return t('workshop:host.event.experimentEnd', {name: experimentName(e.id, t)});
        case 'abort':
          return t('workshop:host.event.experimentAbort', {name: experimentName(e.id, t)});
      }
      return undefined;
    case 'stuck':
      return t(e.on ? 'workshop:host.event.stuck' : 'workshop:host.event.unstuck', {nick: nick(e.learner)});
    case 'step':
      return t('workshop:host.event.step', {nick: nick(e.learner), step: visible(e.step)});
    case 'error':
      return t('workshop:host.event.error', {code: hostErrorText(e, t)});
    case 'end':
      return t('workshop:host.event.end');
  }
}

const KNOWN_ERRORS = new Set(['unknown-poll', 'experiment-running', 'no-experiment', 'no-poll', 'unknown-learner', 'listen-failed', 'unlisten-failed', 'udp-failed']);

export function hostErrorText(e: Extract<HostEvent, {type: 'error'}>, t: Translate): string {
  const key = KNOWN_ERRORS.has(e.code) ? e.code : 'other';
  return t(`workshop:host.errors.code.${key}`, {code: e.code, poll: visible(e.poll ?? ''), learner: e.learner ?? '', sysCode: e.sysCode ?? e.code});
}

export interface DiagnosisText {
  title: string;
  what: string;
  /** "This is a socket lesson of its own: …" */
  lesson: string;
}

/** The doctor's words for a failed join: what happened, what to do, and which socket lesson it is. */
export function diagnosisText(d: Diagnosis, t: Translate, where: {host: string; port: number; code: string}): DiagnosisText {
  const params = {host: where.host, port: where.port, code: d.kind === 'wrong-code' ? visible(where.code) : (d.code ?? d.reason ?? '?')};
  const k = `workshop:doctor.${d.kind}`;
  return {title: t(`${k}.title`, params), what: t(`${k}.what`, params), lesson: `${t('workshop:doctor.lesson')} ${t(`${k}.lesson`, params)}`};
}

/** What a learner's transcript says for one record (plain `join`); several lines for polls and failures. */
export function learnerRecordLines(r: LearnerRecord, t: Translate, where: {host: string; port: number; code: string}): string[] {
  switch (r.type) {
    case 'connecting':
      return [t('workshop:join.connecting', {host: where.host, port: where.port})];
    case 'joined':
      return [t('workshop:join.joined', {learner: r.learner, local: addrText(r.local), remote: addrText(r.remote)})];
    case 'mirror':
      return [r.same ? t('workshop:join.mirror', {seenAs: addrText(r.seenAs)}) : t('workshop:join.mirrorNat', {seenAs: addrText(r.seenAs), local: addrText(r.local)})];
    case 'wall':
      return [t('workshop:join.wall', {counts: countsText(r, t)})];
    case 'poll':
      return [
        t('workshop:join.poll', {question: visible(r.question)}),
        ...r.choices.map((c, i) => `  ${t('workshop:join.choice', {n: i + 1, text: visible(c)})}`),
        t('workshop:join.answerHint'),
      ];
    case 'answered':
      return [t('workshop:join.answered', {choice: r.choice})];
    case 'reveal': {
      const lines = [t('workshop:join.reveal', {answer: r.answer, counts: pollCountsText(r.counts)})];
      if (r.mine !== undefined) lines.push(t('workshop:join.revealYours', {mine: r.mine}));
      lines.push(visible(r.explain));
      return lines;
    }
    case 'poll-closed':
      return [t('workshop:join.pollClosed')];
    case 'stuck':
      return [t(r.on ? 'workshop:join.stuck' : 'workshop:join.unstuck')];
    case 'reconnecting':
      return [t('workshop:join.reconnecting')];
    case 'ended':
      return [t('workshop:join.ended')];
    case 'failed': {
      const d = diagnosisText(r.diagnosis, t, where);
      return [d.title, d.what, d.lesson];
    }
    case 'experiment':
      return experimentLines(r, t, where);
  }
}

function experimentLines(r: Extract<LearnerRecord, {type: 'experiment'}>, t: Translate, where: {host: string; port: number}): string[] {
  const v = r.view;
  const k = `workshop:join.exp.${r.id}`;
  const base = {host: where.host, port: where.port, remote: hostPort(where.host, where.port)};
  switch (r.change) {
    case 'start':
      if (r.id === 'close') return [t(v.closer === 'host' ? `${k}.startHost` : `${k}.startYou`)];
      return [t(`${k}.start`, {...base, udpPort: v.udpPort ?? where.port})];
    case 'second':
      return [t(`${k}.second`, {...base, local: addrText(v.second), first: addrText(v.first)})];
    case 'secondSeenAs':
      return [t(`${k}.secondSeenAs`, {seenAs: addrText(v.secondSeenAs)})];
    case 'outcome':
      return [t(`${k}.outcome`, {outcome: v.outcome ?? '?'})];
    case 'sentFrom':
      return [t(`${k}.sentFrom`, {from: addrText(v.sentFrom)})];
    case 'closed':
      return [t(`${k}.closed`, {local: addrText(v.closed?.local), remote: addrText(v.closed?.remote)})];
    case 'timeWait':
      return [t(v.timeWait ? `${k}.timeWait` : `${k}.noTimeWait`)];
    case 'back':
      return [t(`${k}.back`, {local: addrText(v.back)})];
    case 'failed':
      return [t(`${k}.failed`, {reason: v.failed ? diagnosisText(v.failed, t, {...where, code: ''}).title : '?'})];
    case 'end':
      return [t(`${k}.end`, {...base, count: v.datagrams ?? 0})];
  }
}
