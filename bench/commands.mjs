// Figure 8: commands that draw nothing (`--version`, `--help`, `list`, `lint`, a lesson
// `--auto`) against `node -e 0` (the runtime's own start), alternating, wall time of the
// whole process; none of them should pay for Ink, React or yoga.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {summary} from './lib/stats.mjs';

const GOOD_PACK = path.join(ROOT, 'test/lessons/fixtures/good');

export async function commands({runs = 10, cli = CLI} = {}) {
  // Each command gets a fresh HOME once (its cache and config), kept across its runs: a
  // learner starts the app more than once.
  const home = tempDir('bench-home');
  const env = {...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), XDG_CONFIG_HOME: path.join(home, '.config'), SOCKET_LESSONS_CONFIG_DIR: path.join(home, 'config')};
  const targets = {
    node: [process.execPath, '-e', '0'],
    version: [process.execPath, cli, '--version'],
    help: [process.execPath, cli, '--help'],
    list: [process.execPath, cli, 'list'],
    lint: [process.execPath, cli, 'lint', GOOD_PACK],
  };
  const time = (argv) => {
    const t0 = performance.now();
    const r = spawnSync(argv[0], argv.slice(1), {env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')} exited ${r.status}: ${r.stderr.slice(0, 200)}`);
    return performance.now() - t0;
  };
  try {
    for (const argv of Object.values(targets)) time(argv); // warm-up (and the compile cache)
    const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    const names = Object.keys(targets);
    for (let i = 0; i < runs; i++) for (const name of i % 2 === 0 ? names : [...names].reverse()) times[name].push(time(targets[name]));
    const node = summary(times.node);
    const out = {unit: 'ms', node, budget: {versionRatio: 2, listRatio: 3}};
    for (const name of names.slice(1)) {
      const s = summary(times[name]);
      out[name] = {...s, ratio: +(s.median / node.median).toFixed(2)};
    }
    return out;
  } finally {
    fs.rmSync(home, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await commands({runs: 10}), null, 1));
