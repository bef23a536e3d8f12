// Packs whose files are not what they seem: a FIFO (which used to hang lint for ever, deaf
// to SIGTERM), a link to /dev/zero (which used to eat 23 GB), links out of the pack to
// secrets, a device node, a folder named like a lesson, files and packs over the caps.
// Each is refused with a `file:line: what` line, quickly and in bounded memory, on Node
// and Deno; nothing outside the pack is read or echoed.
import {existsSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasDeno} from '../e2e/pty-rig.ts';
import {canMknod, controlsIn, lessonYaml, makePack, prose, type Entry, type Pack} from './hostile-pack.ts';
import {blockedOnFifo, childOf, cpuSeconds, describeRun, runApp, type Bounds, type Runtime} from './measure.ts';

const runtimes: Runtime[] = hasDeno() ? ['node', 'deno'] : ['node'];
const BOUNDS: Bounds = {ms: 15_000, rssMiB: 300};
const SECRET = 'TOPSECRET-7f3a root:$6$saltsalt$hashhashhash:19000:0:99999:7:::';

let pack: Pack;
let secretFile: string;
beforeAll(() => {
  const entries: Record<string, Entry> = {
    // One good lesson, whose locale file is a link that stays inside the pack: allowed.
    'lessons/01-good.yaml': lessonYaml('good'),
    'shared/good.json': JSON.stringify(prose('good')),
    'locales/en/good.json': {symlink: '../../shared/good.json'},
    'lessons/02-fifo.yaml': {fifo: true},
    'locales/en/fifo.json': {fifo: true},
    'lessons/03-zero.yaml': {symlink: '/dev/zero'},
    'locales/en/zero.json': {symlink: '/dev/zero'},
    'lessons/05-folder.yaml': {dir: true},
    'lessons/06-huge.yaml': `id: huge\n# ${'x'.repeat(2 * 1024 * 1024)}\n`,
  };
  if (existsSync('/etc/shadow')) entries['locales/en/shadow.json'] = {symlink: '/etc/shadow'};
  if (canMknod()) entries['lessons/04-device.yaml'] = {device: 'null'};
  pack = makePack(entries);
  secretFile = path.join(path.dirname(pack.dir), 'secret.json');
  writeFileSync(secretFile, `${SECRET}\n`.repeat(20));
  // A link to a file beside the pack: outside it, however near.
  makeLink(path.join(pack.dir, 'locales/en/secret.json'), secretFile);
  makeLink(path.join(pack.dir, 'lessons/07-secret.yaml'), secretFile);
});
afterAll(() => pack.remove());

/** A relative link, as a pack unpacked from an archive would have it. */
function makeLink(at: string, target: string) {
  symlinkSync(path.relative(path.dirname(at), target), at);
}

describe.each(runtimes)('pack files that are not regular files, on %s', (runtime) => {
  it('lint refuses each one by name, never opens a FIFO or a device, never reads outside the pack', async () => {
    const r = await runApp(['lint', pack.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code, describeRun(r)).toBe(1);
    const out = r.stdout;
    const line = (file: string) => out.split('\n').find((l) => l.startsWith(path.join(pack.dir, file))) ?? `(no line for ${file})\n${out}`;
    expect(line('lessons/02-fifo.yaml')).toContain(':1: is a named pipe (FIFO), not a regular file');
    expect(line('locales/en/fifo.json')).toContain(':1: is a named pipe (FIFO), not a regular file');
    expect(line('lessons/03-zero.yaml')).toContain(':1: is a symbolic link that leads out of the pack');
    expect(line('locales/en/zero.json')).toContain(':1: is a symbolic link that leads out of the pack');
    expect(line('locales/en/secret.json')).toContain(':1: is a symbolic link that leads out of the pack');
    expect(line('lessons/07-secret.yaml')).toContain(':1: is a symbolic link that leads out of the pack');
    expect(line('lessons/05-folder.yaml')).toContain(':1: is a folder, not a regular file');
    expect(line('lessons/06-huge.yaml')).toMatch(/:1: is 2,09\d,\d{3} bytes; such a file in a pack may have at most 64 KiB/);
    if (canMknod()) expect(line('lessons/04-device.yaml')).toContain(':1: is a device, not a regular file');
    if (existsSync('/etc/shadow')) expect(line('locales/en/shadow.json')).toContain('leads out of the pack');
    expect(out).not.toContain('TOPSECRET');
    expect(out).not.toMatch(/root:[^ ]*:\d+:/);
    expect(controlsIn(out)).toEqual([]);
    // The good lesson, read through its inward link, has no complaint.
    expect(out).not.toContain('01-good.yaml');
    expect(out).not.toContain('good.json');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it('--lessons with the same pack: the menu list still comes, with the good lesson', async () => {
    const r = await runApp(['--lessons', pack.dir, 'list'], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Lesson good');
    expect(r.stderr).toContain('02-fifo.yaml:1: is a named pipe (FIFO)');
    expect(r.stdout + r.stderr).not.toContain('TOPSECRET');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});

describe.each(runtimes)('SIGTERM while a large pack is checked, on %s', (runtime) => {
  let slow: Pack;
  beforeAll(() => {
    // A FIFO first in line, then lesson files just under the cap, each slow to check
    // (6,000 fields), up to the cap on all lesson files: seconds of work that the app must
    // let a signal cut short.
    const entries: Record<string, Entry> = {'lessons/00-fifo.yaml': {fifo: true}};
    const fields = Array.from({length: 6_000}, (_, i) => `u${i}: 1`).join('\n');
    for (let i = 1; i <= 40; i++) entries[`lessons/${String(i).padStart(2, '0')}-slow${i}.yaml`] = `${lessonYaml(`slow${i}`)}${fields}\n`;
    slow = makePack(entries);
  });
  afterAll(() => slow.remove());

  it('ends the run within two seconds of the signal, however much is left', async () => {
    let sent = 0;
    const r = await runApp(['lint', slow.dir], {
      runtime,
      bounds: BOUNDS,
      onSpawn: (child) => {
        // Signal the app (not the `time` measuring it) once it is busy with the pack —
        // half a second of CPU — or stuck opening the FIFO, as it used to be.
        const poll = setInterval(() => {
          const app = childOf(child.pid!);
          if (app === undefined || !(cpuSeconds(app) >= 0.5 || blockedOnFifo(app))) return;
          clearInterval(poll);
          sent = performance.now();
          process.kill(app, 'SIGTERM');
        }, 10);
        child.on('close', () => clearInterval(poll));
      },
    });
    const afterSignal = sent > 0 ? performance.now() - sent : Infinity;
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(sent, 'the app never got busy with the pack').toBeGreaterThan(0);
    expect(r.code, describeRun(r)).toBe(143);
    expect(afterSignal).toBeLessThan(2000);
  });
});

describe('pack size caps', () => {
  let big: Pack;
  let many: Pack;
  let slowLessons: Pack;
  beforeAll(() => {
    // 18 locale files of ~1 MB: each under the file cap, together over the 16 MiB pack cap.
    const entries: Record<string, Entry> = {'lessons/01-big.yaml': lessonYaml('big')};
    const filler = JSON.stringify({title: 'x', filler: 'y'.repeat(1_000_000)});
    for (let i = 0; i < 18; i++) entries[`locales/en/big${String(i).padStart(2, '0')}.json`] = filler;
    big = makePack(entries);
    const lessons: Record<string, Entry> = {};
    for (let i = 1; i <= 501; i++) lessons[`lessons/${String(i).padStart(3, '0')}-l${i}.yaml`] = lessonYaml(`l${i}`);
    many = makePack(lessons);
    // 40 lesson files of 60 KB (under the file cap), 2.4 MB together.
    const padded: Record<string, Entry> = {};
    for (let i = 1; i <= 40; i++) padded[`lessons/${String(i).padStart(2, '0')}-s${i}.yaml`] = `${lessonYaml(`s${i}`)}# ${'p'.repeat(60_000)}\n`;
    slowLessons = makePack(padded);
  });
  afterAll(() => {
    big.remove();
    many.remove();
    slowLessons.remove();
  });

  it.each(runtimes)('a pack over 16 MiB in all stops being read, on %s', async (runtime) => {
    const r = await runApp(['lint', big.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stdout).toMatch(/big1\d\.json:1: the pack holds more than 16 MiB in all/);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it.each(runtimes)('lesson files over 2 MiB together: the rest are not read, on %s', async (runtime) => {
    const r = await runApp(['lint', slowLessons.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stdout).toMatch(/3\d-s\d+\.yaml:1: the pack's lesson files hold more than 2 MiB in all/);
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });

  it.each(runtimes)('501 lessons: the 501st is not read, on %s', async (runtime) => {
    const r = await runApp(['lint', many.dir], {runtime, bounds: BOUNDS});
    expect(r.stoppedFor, describeRun(r)).toBeUndefined();
    expect(r.stdout).toContain(`${path.join(many.dir, 'lessons')}:1: 501 lesson files; a pack may have at most 500`);
    expect(r.stdout).not.toContain('501-l501.yaml');
    expect(r.peakRssMiB).toBeLessThan(BOUNDS.rssMiB);
  });
});
