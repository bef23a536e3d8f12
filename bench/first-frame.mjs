// Figure 1: time from process start to the first frame in a pty — the app's menu beside
// a bare Ink "hello" bundled the same way, alternating A/B in one run.
import fs from 'node:fs';
import {buildHello} from './lib/hello.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {startPty} from './lib/pty.mjs';
import {command} from './lib/runtimes.mjs';
import {summary} from './lib/stats.mjs';

export const APP_ARGS = ['--bidi', 'terminal', '--lang', 'en'];
export const MENU_TITLE = 'socket-lessons · Lessons';
const HELLO_TEXT = 'Hello from Ink';

/** Starts `cmd` in a pty and returns ms from spawn until `marker` is on the screen. */
export async function timeToText({file, args}, marker, env = {}, cwd = ROOT) {
  const p = startPty({file, args, env, cwd});
  try {
    const at = await p.waitFor(marker, 20_000);
    return at - p.started;
  } finally {
    await p.stop();
  }
}

export async function firstFrame({runtime = 'node', runs = 10} = {}) {
  const hello = await buildHello();
  const targets = {
    app: async () => {
      const config = tempDir('bench-config');
      try {
        return await timeToText(command(runtime, CLI, APP_ARGS), MENU_TITLE, {SOCKET_LESSONS_CONFIG_DIR: config});
      } finally {
        fs.rmSync(config, {recursive: true, force: true});
      }
    },
    hello: () => timeToText(command(runtime, hello), HELLO_TEXT),
  };
  // One warm-up each: the file cache (and Deno's code cache) is warm for every counted run.
  await targets.app();
  await targets.hello();
  const times = {app: [], hello: []};
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['app', 'hello'] : ['hello', 'app'];
    for (const name of order) times[name].push(await targets[name]());
  }
  const app = summary(times.app);
  const base = summary(times.hello);
  return {runtime, unit: 'ms', app, hello: base, ratio: +(app.median / base.median).toFixed(2), budget: {ratio: 1.25}};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtime = process.argv.includes('--deno') ? 'deno' : 'node';
  console.log(JSON.stringify(await firstFrame({runtime, runs: 10}), null, 1));
}
