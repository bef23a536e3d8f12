// Figure 9: peak memory of the interactive app after a whole lesson at 100×40, as the
// kernel counts it (VmHWM: the most resident memory the process ever had), against a
// bare Ink app (bench/hello.tsx) at the same size in the same run, alternating.
// The lesson is walked as a learner would: Enter through the steps, the first choice
// of each question (key 1), `s` (show me) for the task, to its last step; then the reading.
import fs from 'node:fs';
import {APP_ARGS} from './first-frame.mjs';
import {buildHello} from './lib/hello.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {memory} from './lib/proc.mjs';
import {startPty} from './lib/pty.mjs';
import {command} from './lib/runtimes.mjs';
import {summary} from './lib/stats.mjs';

export const LESSON = 'passive-socket';
const COLS = 100;
const ROWS = 40;
const MB = 1024 * 1024;

const counter = (s) => /(?:^|[^\d])(\d+)\/(\d+)(?:[^\d]|$)/m.exec(s.split('\n').slice(0, 3).join('\n'));

/** Walks the lesson to its last step; returns the peak RSS (bytes) once there. */
async function lessonPeak({runtime, cli}) {
  const config = tempDir('bench-config');
  const {file, args} = command(runtime, cli, ['lesson', LESSON, ...APP_ARGS]);
  const p = startPty({file, args, env: {SOCKET_LESSONS_CONFIG_DIR: config}, cols: COLS, rows: ROWS, cwd: ROOT});
  try {
    await p.waitFor((s) => counter(s) !== null, 20_000);
    const [, , total] = counter(p.screen());
    for (let guard = 0; guard < 80; guard++) {
      const [, at] = counter(p.screen()) ?? [];
      if (Number(at) === Number(total) && /End of the lesson/.test(p.screen())) break;
      const before = p.screen();
      p.write('\r');
      const moved = await p.waitFor((s) => counter(s)?.[1] !== at || s !== before, 3000).then(() => true, () => false);
      if (moved && counter(p.screen())?.[1] !== at) continue;
      // A question (1 answers with its first choice) or a task (s runs its solution).
      const stuck = p.screen();
      p.write('1');
      await p.waitFor((s) => s !== stuck, 3000).catch(() => {});
      const after = p.screen();
      p.write('s');
      await p.waitFor((s) => s !== after, 3000).catch(() => {});
    }
    const [, at] = counter(p.screen()) ?? [];
    if (process.env.BENCH_DEBUG) console.error(p.screen());
    if (Number(at) !== Number(total)) throw new Error(`the lesson did not reach its last step (at ${at}/${total})`);
    return memory(p.pid).peak;
  } finally {
    await p.stop();
    fs.rmSync(config, {recursive: true, force: true});
  }
}

async function helloPeak({runtime, hello}) {
  const p = startPty({...command(runtime, hello), cols: COLS, rows: ROWS, cwd: ROOT});
  try {
    await p.waitFor('Hello from Ink', 20_000);
    return memory(p.pid).peak;
  } finally {
    await p.stop();
  }
}

export async function interactiveRss({runtime = 'node', runs = 5, cli = CLI} = {}) {
  const hello = await buildHello();
  const app = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['app', 'hello'] : ['hello', 'app'];
    for (const name of order) {
      if (name === 'app') app.push((await lessonPeak({runtime, cli})) / MB);
      else base.push((await helloPeak({runtime, hello})) / MB);
    }
  }
  const a = summary(app);
  const h = summary(base);
  return {runtime, size: `${COLS}x${ROWS}`, lesson: LESSON, unit: 'MB', app: a, hello: h, ratio: +(a.median / h.median).toFixed(2), budget: {peakMB: 120}};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await interactiveRss({runtime: process.argv.includes('--deno') ? 'deno' : 'node', runs: 3, cli: process.argv.find((a) => a.endsWith('.js') && !a.includes('interactive-rss')) ?? CLI}), null, 1));
}
