// A neighbour process that names itself with escape sequences (`exec -a`): an OSC 8 link,
// a conceal code, a window title and a bidi override as its argv[0]. It listens on a port
// the lab then uses, so its name shows in the OS view and in "port held by …". In plain
// output, in NDJSON and on the interactive screen the name appears escaped, never raw.
import {spawn, type ChildProcess} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseLsof} from '../../src/lab/os-view/lsof.ts';
import {hasDeno} from '../e2e/pty-rig.ts';
import {controlsIn, ESC, BEL, rawMarkersIn} from './hostile-pack.ts';
import {describeRun, runApp, startWatched, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 15_000, rssMiB: 300};
const NAME = `${ESC}]8;;https://evil.example/${BEL}${ESC}[8mHIDDEN${ESC}]0;PWNED-TITLE${BEL}\u202eEVIL`;
// The OS view shows the base name of argv[0]: what follows the URL's last slash.
const SHOWN = '\\x07\\x1b[8mHIDDEN\\x1b]0;PWNED-TITLE\\x07\\u{202e}EVIL';

let neighbour: ChildProcess;
let port: number;

/** A process whose argv[0] is `name`, listening on a loopback port of its own choosing. */
async function startNeighbour(name: string): Promise<{child: ChildProcess; port: number}> {
  const server = "const s = require('net').createServer(() => {}).listen(0, '127.0.0.1', () => console.log(s.address().port));";
  const child = spawn('bash', ['-c', 'exec -a "$0" "$1" -e "$2"', name, process.execPath, server], {stdio: ['ignore', 'pipe', 'inherit']});
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the neighbour did not listen within 10 s')), 10_000);
    child.stdout!.setEncoding('utf8').once('data', (d: string) => {
      clearTimeout(timer);
      resolve(Number(d.trim()));
    });
  });
  return {child, port: listening};
}

beforeAll(async () => {
  ({child: neighbour, port} = await startNeighbour(NAME));
});
afterAll(() => neighbour.kill());

const script = () => `connect tcp 127.0.0.1:${port} as c1\nos\nlisten tcp 127.0.0.1:${port} as dup\n`;

describe.each(runtimes)('a neighbour named with escape sequences, plain output on %s', (runtime) => {
  it('the OS table and the "held by" error show its name escaped', async () => {
    const r = await runApp(['repl'], {runtime, bounds: BOUNDS, stdin: script()});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(controlsIn(r.stdout + r.stderr)).toEqual([]);
    expect(rawMarkersIn(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(new RegExp(`LISTEN +${neighbour.pid}/${escapeRe(SHOWN)}`));
    expect(r.stdout).toContain(`it is held by ${SHOWN} (pid ${neighbour.pid})`);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('NDJSON: the program field and the text are escaped too', async () => {
    const r = await runApp(['repl', '--json'], {runtime, bounds: BOUNDS, stdin: script()});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    type Rec = {kind: string; verb?: string; result?: {view?: {sockets?: {program?: string}[]}}; text?: string};
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec);
    const os = records.find((x) => x.kind === 'result' && x.verb === 'os');
    const programs = os?.result?.view?.sockets?.map((s) => s.program).filter((p) => p !== undefined) ?? [];
    expect(programs).toContain(SHOWN);
    // Decoded (as `jq -r` prints them), the fields still hold no control character.
    expect(controlsIn(programs.join(''))).toEqual([]);
    expect(controlsIn(records.map((x) => x.text ?? '').join(''))).toEqual([]);
    expect(records.map((x) => x.text ?? '').join('')).toContain(SHOWN);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});

describe('a neighbour named with escape sequences, on the interactive screen', () => {
  // The OS view's program column is 20 cells and shows a name whole or not at all: this
  // neighbour's name fits once escaped (a title change and a conceal code, 18 cells).
  const SHORT = `${ESC}]0;P${BEL}${ESC}[8mX`;
  let short: {child: ChildProcess; port: number};
  beforeAll(async () => {
    short = await startNeighbour(SHORT);
  });
  afterAll(() => short.child.kill());

  it('the REPL screen shows the name as text; the terminal never gets it raw', async () => {
    const {app, finish} = startWatched({columns: 160, rows: 40, args: ['--lang', 'en', 'repl']}, BOUNDS);
    await app.waitFor('›', BOUNDS.ms);
    for (const line of [`connect tcp 127.0.0.1:${short.port} as c1`, 'quit']) {
      if (line === 'quit') await app.waitFor(`${short.child.pid}  \\x1b]0;P\\x07\\x1b[8mX`, BOUNDS.ms);
      app.write(line);
      await app.waitFor(`› ${line}`, BOUNDS.ms);
      app.write('\r');
    }
    const end = await finish();
    expect(end.stoppedFor).toBeUndefined();
    expect(end.exitCode).toBe(0);
    expect(end.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
    expect(rawMarkersIn(app.raw())).toEqual([]);
    expect(app.raw()).not.toContain(`${ESC}]0;P${BEL}`);
    expect(app.raw()).not.toContain(`${ESC}[8mX`);
  });
});

describe('the lsof reader (macOS and other systems without /proc)', () => {
  it('makes a hostile command name visible where it is read', () => {
    const out = parseLsof(['p4242', `c${NAME}`, 'f5', 'tIPv4', 'PTCP', 'n127.0.0.1:5000', 'TST=LISTEN', ''].join('\n'));
    expect(out).toHaveLength(1);
    expect(out[0]!.program).toBe('\\x1b]8;;https://evil.example/\\x07\\x1b[8mHIDDEN\\x1b]0;PWNED-TITLE\\x07\\u{202e}EVIL');
    expect(controlsIn(out[0]!.program!)).toEqual([]);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
