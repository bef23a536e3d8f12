// Screenshots for the README, from the real app: starts dist/cli.js in a pseudo-terminal
// in each language, walks "A passive socket and its clients" until three clients are
// connected, and renders the emulated screen to docs/screenshots/{en,fa,ru}.svg.
//   node scripts/build.mjs && node scripts/screenshot.mjs [en fa ru] [--size 120x36]
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

for (const lng of languages) await shoot(lng);
// The pty's handles would otherwise keep the process alive a moment longer.
process.exit(0);
