// The wall and the learner's screen, driven in a real pty at 120×40 and 80×24, in en,
// fa (laid out by the app) and ru: they draw without a broken border, react to their
// keys, and leave cleanly.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {exitCode, expectCleanLayout} from '../e2e/helpers.ts';
import {startApp, type AppProcess} from '../e2e/pty-rig.ts';
import {startCli, type CliProcess} from './cli-rig.ts';

const LANGS = ['en', 'fa', 'ru'] as const;
const SIZES = [[120, 40], [80, 24]] as const;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.allSettled(cleanups.splice(0).reverse().map((f) => f()));
});

function app(args: string[], columns: number, rows: number): AppProcess {
  const home = mkdtempSync(path.join(tmpdir(), 'sl-wall-'));
  const started = startApp({
    args,
    columns,
    rows,
    env: {HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_STATE_HOME: path.join(home, '.state'), SOCKET_LESSONS_CONFIG_DIR: path.join(home, 'cfg'), NO_COLOR: undefined},
  });
  cleanups.push(async () => {
    started.kill();
    await exitCode(started, 5000).catch(() => undefined);
    rmSync(home, {recursive: true, force: true});
  });
  return started;
}

const bidi = (lng: string) => (lng === 'fa' ? ['--bidi', 'app'] : []);

describe.each(LANGS)('the wall in %s', (lng) => {
  it.each(SIZES)('%i×%i: the room, the grid, a poll, the end', async (columns, rows) => {
    const wall = app(['host', '--on', '127.0.0.1', '--port', '0', '--simulate', '3', '--lang', lng, ...bidi(lng)], columns, rows);
    // Every simulated learner's row, by nickname (ASCII in every language).
    await wall.waitFor((s) => ['ava', 'babak', 'chen'].every((n) => s.includes(n)), 20_000);
    expect(wall.screen().join('\n')).toMatch(/socket-lessons join 127\.0\.0\.1:\d+ [A-Z0-9]{4}/);
    expect(wall.screen().join('\n')).toMatch(/nc 127\.0\.0\.1 \d+/);
    await expectCleanLayout(wall, columns, 'the wall');
    // The OS view: the room's listening socket as the kernel sees it.
    if (rows >= 40) await wall.waitFor((s) => (s.match(/ESTABLISHED/g) ?? []).length >= 3);
    wall.write('g');
    await wall.waitFor((s) => s.includes('127.0.0.4') && !s.includes('LISTEN'));
    await expectCleanLayout(wall, columns, 'the grid');
    if (lng === 'en') {
      // Kick from the grid: the first learner is selected; Delete removes them.
      wall.write('\x1b[3~');
      await wall.waitFor('left: removed');
    }
    wall.write('g');
    await wall.waitFor('LISTEN');
    if (lng === 'en') await wall.waitFor('2 connections');
    wall.write('p');
    await wall.waitFor('second-connection');
    wall.write('1');
    // Simulated learners answer on their own: the histogram's bars grow.
    await wall.waitFor('█', 20_000);
    await expectCleanLayout(wall, columns, 'the poll');
    wall.write('q');
    // The hint bar says what y and n do (y first on the line, or at its end right to left).
    await wall.waitFor(/(^|  )y \S|\S y($|  )/m);
    wall.write('y');
    expect(await exitCode(wall, 15_000)).toBe(0);
  }, 60_000);
});

describe.each(LANGS)('the learner\'s screen in %s', (lng) => {
  it.each(SIZES)('%i×%i: find yourself, answer a poll, press stuck, the room ends', async (columns, rows) => {
    const host: CliProcess = startCli(['host', '--json', '--on', '127.0.0.1', '--port', '0', '--no-discovery']);
    cleanups.push(() => host.dispose());
    const room = await host.waitFor((r) => r['type'] === 'room');
    const screen = app(['join', `127.0.0.1:${room['port']}`, String(room['code']), '--name', 'nika', '--lang', lng, ...bidi(lng)], columns, rows);
    const joined = await host.waitFor((r) => r['type'] === 'join' && r['nick'] === 'nika');
    const from = joined['from'] as {address: string; port: number};
    // The mirror: the address:port the host saw, on the learner's own screen, checked.
    await screen.waitFor((s) => s.includes(`${from.address}:${from.port}`) && s.includes('✓'));
    await expectCleanLayout(screen, columns, 'the learner\'s screen');
    host.write('poll udp');
    await screen.waitFor(/ 3\)|\(3 /);
    screen.write('1');
    await host.waitFor((r) => r['type'] === 'poll' && r['phase'] === 'answer' && r['choice'] === 1);
    screen.write('!');
    await host.waitFor((r) => r['type'] === 'stuck' && r['on'] === true);
    await expectCleanLayout(screen, columns, 'the poll');
    host.write('quit');
    // The doctor's pane: the room has ended (the host's bye).
    await host.exited;
    await screen.waitFor('┏');
    screen.write('q');
    expect(await exitCode(screen, 15_000)).toBe(0);
  }, 60_000);
});
