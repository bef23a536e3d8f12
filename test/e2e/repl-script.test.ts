// The acceptance script of the command language through the built CLI, as an instructor
// would run it: `socket-lessons repl --script FILE --json`, under Node, Deno and the oldest
// supported Node.
import {appEnv} from '../support/hermetic.ts';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, ROOT, runtimeCommand, testedRuntimes} from './pty-rig.ts';

const SCRIPT = path.join(ROOT, 'test/commands/fixtures/acceptance.txt');
const runtimes = testedRuntimes();

describe.each(runtimes)('socket-lessons repl --script under %s', (runtime) => {
  it('runs the acceptance script: exit 1, only the two expected failures, every socket closed', () => {
    const [file, args] = runtimeCommand(runtime, CLI);
    const result = spawnSync(file, [...args, 'repl', '--script', SCRIPT, '--json'], {encoding: 'utf8', timeout: 60_000, env: appEnv({LANG: 'C'})});
    expect(result.status).toBe(1);
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const failed = records.filter((r) => r.kind === 'result' && !r.ok);
    expect(failed.map((r) => [r.line, r.error.code])).toEqual([
      ['listen tcp srv as dup', 'EADDRINUSE'],
      ['connect tcp 127.0.0.1:1 as nobody', 'ECONNREFUSED'],
    ]);
    expect(records.filter((r) => r.kind === 'result').length).toBe(22);
    // u2 had no address: the OS bound it (its own event) before the datagram left.
    const u2 = records.filter((r) => r.kind === 'event' && r.event.socket === 'u2').map((r) => r.event.type);
    expect(u2.indexOf('bind')).toBeGreaterThan(-1);
    expect(u2.indexOf('bind')).toBeLessThan(u2.indexOf('send'));
    // At the end every socket that was opened (accepted ones included) was closed.
    const events = records.filter((r) => r.kind === 'event').map((r) => r.event);
    const opened = new Set(events.filter((e) => e.type === 'socket').map((e) => e.socket).concat(events.filter((e) => e.type === 'accept').map((e) => e.child)));
    const closed = new Set(events.filter((e) => e.type === 'close').map((e) => e.socket));
    expect([...opened].filter((name) => !closed.has(name))).toEqual([]);
    expect(records.at(-1)).toMatchObject({kind: 'summary', failed: 2, exitCode: 1});
  });
});
