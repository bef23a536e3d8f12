// Figure 6: peak RSS running every lesson with --auto in one process ten times over
// (memory-entry.ts, bundled like the app with bundle() and the same content), and a
// leak check: heap and RSS after a full GC, round 2 against round 10.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {bundle, readContent} from '../scripts/build.mjs';
import {ROOT, workDir} from './lib/paths.mjs';

// Allowed drift from round 2 to the last round, after a full GC, before it counts as growth.
const HEAP_SLACK = 2 * 1024 * 1024;
const RSS_SLACK = 8 * 1024 * 1024;

export async function memory({rounds = 10} = {}) {
  const outfile = path.join(workDir(), 'memory.js');
  await bundle({
    entry: path.join(ROOT, 'bench/memory-entry.ts'),
    outfile,
    define: {__SOCKET_LESSONS_CONTENT__: JSON.stringify(JSON.stringify(readContent(ROOT))), __SOCKET_LESSONS_VERSION__: '"bench"'},
  });
  const out = execFileSync(process.execPath, ['--expose-gc', outfile, String(rounds)], {encoding: 'utf8', maxBuffer: 1 << 24, timeout: 10 * 60_000});
  const r = JSON.parse(out.trim().split('\n').at(-1));
  const second = r.samples[1] ?? r.samples[0];
  const last = r.samples.at(-1);
  const mb = (n) => +(n / 1024 / 1024).toFixed(1);
  return {
    rounds,
    runsPerRound: r.lessons * r.languages,
    failedRuns: r.samples.reduce((n, s) => n + s.failed, 0),
    peakRssMB: mb(r.peakRss),
    perRound: r.samples.map((s) => ({round: s.round, rssMB: mb(s.rss), heapMB: mb(s.heapUsed), heapTotalMB: mb(s.heapTotal), externalMB: mb(s.external), ms: s.ms})),
    growth: {heapMB: mb(last.heapUsed - second.heapUsed), rssMB: mb(last.rss - second.rss)},
    leak: last.heapUsed - second.heapUsed > HEAP_SLACK || last.rss - second.rss > RSS_SLACK,
    slack: {heapMB: mb(HEAP_SLACK), rssMB: mb(RSS_SLACK)},
    budget: {peakRssMB: 150},
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await memory({rounds: Number(process.argv[2] ?? 10)}), null, 1));
