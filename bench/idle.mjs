// Figure 5: CPU of a lesson sitting still with its sockets open. `lesson passive-socket`
// at 80×24, Enter twice (a passive socket is listening), then the process's CPU time
// from /proc over 10 s, and how many frames it drew meanwhile. A second window with the
// OS view pane open (Tab to it) shows what its ≤ 4 Hz polling costs.
import fs from 'node:fs';
import {APP_ARGS} from './first-frame.mjs';
import {CLI, ROOT, tempDir} from './lib/paths.mjs';
import {cpuPercentOver} from './lib/proc.mjs';
import {startPty} from './lib/pty.mjs';
import {command} from './lib/runtimes.mjs';

const LISTENING = /listens on 127\.0\.0\.1:\d+/;

export async function idle({runtime = 'node', seconds = 10, osPane = true} = {}) {
  const config = tempDir('bench-config');
  const {file, args} = command(runtime, CLI, ['lesson', 'passive-socket', ...APP_ARGS]);
  const p = startPty({file, args, env: {SOCKET_LESSONS_CONFIG_DIR: config}, cwd: ROOT});
  try {
    await p.waitFor('A passive socket and its clients', 20_000);
    // Enter: the step that runs `listen`; Enter again once its result is on screen.
    p.write('\r');
    await p.waitFor(/2\/16|3\/16/, 10_000);
    p.write('\r');
    await p.waitFor(LISTENING, 10_000);
    // Sitting still: no frame drawn for a whole second (bounded), then the window starts.
    const settled = async () => {
      const deadline = performance.now() + 15_000;
      while (performance.now() - (p.frames.at(-1) ?? 0) < 1000 && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const sample = async () => {
      await settled();
      const frames0 = p.frames.length;
      const cpu = await cpuPercentOver(p.pid, seconds * 1000);
      return {...cpu, frames: p.frames.length - frames0};
    };
    const still = await sample();
    let withOsPane;
    if (osPane) {
      // Tab moves the focus pane by pane; the OS view opens when it has the focus.
      const focused = () => /[┏━]━ ▸ ([^━]+?) ━/.exec(p.screen())?.[1];
      for (let i = 0; i < 8 && focused() !== 'OS view'; i++) {
        const before = focused();
        p.write('\t');
        await p.waitFor(() => focused() !== before, 5000);
      }
      withOsPane = focused() === 'OS view' ? await sample() : {error: 'could not open the OS view pane'};
    }
    return {runtime, seconds, lesson: 'passive-socket', size: '80x24', still, withOsPane, budget: {cpuPercent: 1}};
  } finally {
    await p.stop();
    fs.rmSync(config, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await idle({runtime: process.argv.includes('--deno') ? 'deno' : 'node', seconds: 10}), null, 1));
}
