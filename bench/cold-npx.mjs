// Figure 2: cold `npx socket-lessons`. The packed tarball is served by a throwaway local
// registry; every run starts with an empty npm cache and ends when the menu is drawn.
// Alternates with a direct `node dist/cli.js` start, which shows what npx itself adds.
import fs from 'node:fs';
import path from 'node:path';
import {APP_ARGS, MENU_TITLE, timeToText} from './first-frame.mjs';
import {packTarball} from './lib/pack.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {serveTarball} from './lib/registry.mjs';
import {summary} from './lib/stats.mjs';

export async function coldNpx({runs = 10} = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const {file, info} = packTarball();
  const {scripts, devDependencies, ...manifest} = pkg;
  const registry = await serveTarball({name: pkg.name, version: pkg.version, tarball: file, manifest});
  const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`;
  try {
    const npx = async () => {
      const scratch = tempDir('bench-npx');
      fs.writeFileSync(path.join(scratch, 'npmrc'), '');
      const env = {
        PATH,
        SOCKET_LESSONS_CONFIG_DIR: path.join(scratch, 'config'),
        // An empty cache and no user config: nothing from earlier runs or this machine's npm setup.
        npm_config_cache: path.join(scratch, 'cache'),
        npm_config_userconfig: path.join(scratch, 'npmrc'),
        npm_config_update_notifier: 'false',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      };
      try {
        const args = ['--yes', '--registry', registry.url, pkg.name, ...APP_ARGS];
        return await timeToText({file: 'npx', args}, MENU_TITLE, env, scratch);
      } finally {
        fs.rmSync(scratch, {recursive: true, force: true});
      }
    };
    const direct = async () => {
      const config = tempDir('bench-config');
      try {
        return await timeToText({file: process.execPath, args: [CLI, ...APP_ARGS]}, MENU_TITLE, {SOCKET_LESSONS_CONFIG_DIR: config});
      } finally {
        fs.rmSync(config, {recursive: true, force: true});
      }
    };
    await npx(); // warm-up: npm's own files into the OS file cache
    const times = {npx: [], direct: []};
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['npx', 'direct'] : ['direct', 'npx'];
      for (const name of order) times[name].push(await (name === 'npx' ? npx : direct)());
    }
    return {
      unit: 'ms',
      coldNpx: summary(times.npx),
      direct: summary(times.direct),
      tarball: {file: path.basename(file), size: info.size},
      registryRequests: registry.requests(),
      budget: {coldNpxMs: 1000},
    };
  } finally {
    await registry.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await coldNpx({runs: 3}), null, 1));
