// What the acceptance script's --json transcript must show, on any runtime.
import {readFileSync} from 'node:fs';
import {expect} from 'vitest';

export const acceptanceScript = readFileSync(new URL('./fixtures/acceptance.txt', import.meta.url), 'utf8');
const script = acceptanceScript;

/** Checks shared by the Node (in-process) and Deno (spawned) runs. */
export function checkAcceptance(code: number, recs: Record<string, any>[]): void {
  expect(code).toBe(1);
  const results = recs.filter((r) => r.kind === 'result');
  expect(results.map((r) => r.line)).toEqual(script.trimEnd().split('\n'));
  for (const r of results) {
    expect(Object.keys(r).sort()).toEqual(['kind', 'line', 'lineNo', 'ok', 'text', 'verb', r.ok ? 'result' : 'error'].sort());
  }
  const failed = results.filter((r) => !r.ok);
  expect(failed.map((r) => [r.line, r.error.code])).toEqual([
    ['listen tcp srv as dup', 'EADDRINUSE'],
    ['connect tcp 127.0.0.1:1 as nobody', 'ECONNREFUSED'],
  ]);
  // EADDRINUSE is explained: which of our sockets holds the port, and which process.
  const inUse = failed[0]!.error;
  const srv = results[0]!.result.socket;
  expect(inUse.address.port).toBe(srv.local.port);
  expect(inUse.holders[0]).toMatchObject({socket: 'srv'});
  expect(typeof inUse.holders[0].pid).toBe('number');
  expect(failed[0]!.text).toContain('srv');
  expect(failed[1]!.text).toContain('127.0.0.1:1');

  // connect waits for connect AND accept: the accept is reported with the command.
  const c1 = results.find((r) => r.line === 'connect tcp srv as c1')!;
  expect(c1.result).toMatchObject({listener: 'srv', accepted: 'srv#1'});
  const eventsOf = (lineNo: number) => recs.filter((r) => r.kind === 'event' && r.lineNo === lineNo).map((r) => r.event);
  expect(eventsOf(c1.lineNo).map((e) => e.type)).toEqual(expect.arrayContaining(['connect', 'accept']));

  // sendto on the unbound u2: the OS binds it first (implicit bind before the send).
  const sendto = results.find((r) => r.line === 'sendto u2 u1 "hi"')!;
  const ev = eventsOf(sendto.lineNo).filter((e) => e.socket === 'u2').map((e) => `${e.type}${e.implicit ? ':implicit' : ''}`);
  expect(ev.indexOf('bind:implicit')).toBeGreaterThanOrEqual(0);
  expect(ev.indexOf('bind:implicit')).toBeLessThan(ev.indexOf('send'));
  expect(sendto.result.implicitBind.port).toBeGreaterThan(0);
  expect(sendto.result.receivedBy).toBe('u1');

  // UDP connect exchanges no packet: no message event on u1 during `connect u2 u1`.
  const udpConnect = results.find((r) => r.line === 'connect u2 u1')!;
  expect(eventsOf(udpConnect.lineNo).some((e) => e.type === 'message')).toBe(false);

  // Unix: a path where a port would be; the send arrives.
  const us = results.find((r) => r.line === 'listen unix as us')!;
  expect(us.result.socket.local.kind).toBe('unix');
  expect(results.find((r) => r.line === 'send uc ping')!.result.receivedBy).toBe('us#1');

  // scan of srv's one port finds srv.
  const scan = results.find((r) => r.line === 'scan 127.0.0.1 srv')!;
  expect(scan.result.scan.ports).toEqual([{port: srv.local.port, open: true}]);
  expect(scan.result.owners[srv.local.port]).toEqual(['srv']);

  // Event records have stable fields.
  for (const r of recs.filter((x) => x.kind === 'event')) {
    expect(Object.keys(r).sort()).toEqual(['event', 'kind', 'lineNo', 'text']);
    expect(typeof r.event.seq).toBe('number');
  }
  // At the end every socket is closed: each socket that was made has a close event.
  const made = new Set(recs.filter((r) => r.kind === 'event' && (r.event.type === 'socket' || r.event.type === 'accept')).map((r) => (r.event.type === 'accept' ? r.event.child : r.event.socket)));
  const closed = new Set(recs.filter((r) => r.kind === 'event' && r.event.type === 'close').map((r) => r.event.socket));
  expect([...made].filter((n) => !closed.has(n))).toEqual([]);
  expect(recs.at(-1)).toEqual({kind: 'summary', commands: 22, failed: 2, exitCode: 1});
}
