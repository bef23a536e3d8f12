// Screenshots for the README, from the real app: starts dist/cli.js in a pseudo-terminal
// in each language, walks "A passive socket and its clients" until three clients are
// connected, and renders the emulated screen to docs/screenshots/{en,fa,ru}.svg.
//   node scripts/build.mjs && node scripts/screenshot.mjs [en fa ru] [--size 120x36]
// With --wall: the workshop's wall (host --simulate on loopback) during the second-connection
// experiment, after its poll, to docs/screenshots/wall-<lang>.svg.
// (Node 24 runs the TypeScript test rig it imports as is.)
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {answer, exitCode, stepCounter, waitForProse} from '../test/e2e/helpers.ts';
import {KEYS, ROOT, startApp} from '../test/e2e/pty-rig.ts';
import {terminalToSvg} from './terminal-svg.mjs';

const args = process.argv.slice(2);
const sizeArg = args.indexOf('--size');
const [columns, rows] = sizeArg >= 0 ? args.splice(sizeArg, 2)[1].split('x').map(Number) : [120, 36];
const wallArg = args.indexOf('--wall');
const wall = wallArg >= 0 && args.splice(wallArg, 1).length > 0;
const languages = args.length > 0 ? args : ['en', 'fa', 'ru'];
const outDir = path.join(ROOT, 'docs/screenshots');
const step = (n) => stepCounter(n, 16);

async function shoot(lng) {
  const configDir = mkdtempSync(path.join(tmpdir(), 'sl-shot-'));
  const bidi = lng === 'fa' ? ['--bidi', 'app'] : [];
  const app = startApp({
    columns,
    rows,
    args: ['--lang', lng, ...bidi, '--lesson', 'passive-socket'],
    // Colours despite CI=false (chalk reads any CI variable as "no colours").
    env: {SOCKET_LESSONS_CONFIG_DIR: configDir, FORCE_COLOR: '3'},
  });
  try {
    await app.waitFor(step(1));
    const next = async (n, outcome) => {
      app.write(KEYS.enter);
      await app.waitFor(step(n));
      if (outcome) await waitForProse(app, outcome);
    };
    await next(2, /127\.0\.0\.1:(?!0\b)\d{2,5}/);
    await next(3);
    await next(4);
    await answer(app, 2);
    await next(5, 'srv#1');
    await next(6);
    await next(7, 'srv#2');
    await next(8);
    await next(9, 'srv#3');
    await next(10);
    // The OS view polls on its own: wait until it lists the connections.
    await app.waitFor((s) => (s.match(/ESTABLI/g) ?? []).length >= 2);
    const title = `socket-lessons --lang ${lng}${bidi.length ? ' --bidi app' : ''}`;
    const svg = terminalToSvg(app.terminal, {title});
    mkdirSync(outDir, {recursive: true});
    const file = path.join(outDir, `${lng}.svg`);
    writeFileSync(file, svg);
    console.log(`${path.relative(ROOT, file)}: ${columns}×${rows}, ${(svg.length / 1024).toFixed(0)} KiB`);
    app.write('q');
    await exitCode(app);
  } finally {
    app.kill();
    await exitCode(app).catch(() => undefined);
    rmSync(configDir, {recursive: true, force: true});
  }
}

async function shootWall(lng) {
  const configDir = mkdtempSync(path.join(tmpdir(), 'sl-shot-'));
  const bidi = lng === 'fa' ? ['--bidi', 'app'] : [];
  const args = ['host', '--on', '127.0.0.1', '--port', '0', '--simulate', '8', '--no-discovery', '--lang', lng, ...bidi];
  const app = startApp({columns, rows, args, env: {SOCKET_LESSONS_CONFIG_DIR: configDir, HOME: configDir, FORCE_COLOR: '3'}});
  try {
    await app.waitFor((s) => ['ava', 'hana'].every((n) => s.includes(n)), 20_000);
    // The prediction first: the poll for the second connection, every simulated learner answering.
    app.write('p');
    await app.waitFor('second-connection');
    app.write('1');
    // Until every answer is in: the counts beside the bars (ASCII digits, either side of a bar) add up to 8.
    const counts = (s) => [
      ...[...s.matchAll(/^[│┃] [✓ ] \d [█▏ ]+?(\d+)  /gm)].map((m) => m[1]),
      ...[...s.matchAll(/  (\d+) [█▏ ]+ \d [✓ ] [│┃]$/gm)].map((m) => m[1]),
    ];
    const answered = (s) => counts(s).reduce((sum, n) => sum + Number(n), 0);
    await app.waitFor((s) => answered(s) === 8, 20_000);
    app.write('a');
    await app.waitFor('✓');
    // Then the experiment: every learner's second connection, from the same address, a new port.
    app.write('e');
    app.write('1');
    await app.waitFor((s) => (s.match(/ESTABLISHED/g) ?? []).length >= 12, 20_000);
    const svg = terminalToSvg(app.terminal, {title: `socket-lessons host --simulate 8 --lang ${lng}${bidi.length ? ' --bidi app' : ''}`});
    mkdirSync(outDir, {recursive: true});
    const file = path.join(outDir, `wall-${lng}.svg`);
    writeFileSync(file, svg);
    console.log(`${path.relative(ROOT, file)}: ${columns}×${rows}, ${(svg.length / 1024).toFixed(0)} KiB`);
    if (process.env.SHOW_SCREEN) console.log(app.screen().join('\n'));
    app.write('q');
    await app.waitFor(/(^|  )y \S|\S y($|  )/m);
    app.write('y');
    await exitCode(app, 15_000);
  } finally {
    app.kill();
    await exitCode(app).catch(() => undefined);
    rmSync(configDir, {recursive: true, force: true});
  }
}

for (const lng of languages) await (wall ? shootWall(lng) : shoot(lng));
// The pty's handles would otherwise keep the process alive a moment longer.
process.exit(0);
