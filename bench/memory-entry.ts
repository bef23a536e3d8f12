// Figure 6's workload, bundled by bench/memory.mjs: every builtin lesson in every
// language with --auto, in one process, ROUNDS times over. After each round a full GC,
// then RSS and heap; the peak RSS from the OS at the end. Prints one JSON line.
// The CLI's own V8 setting comes first, as in src/cli.tsx.
import '../src/cli/v8-tuning.ts';
import {runLessonAuto} from '../src/cli/lesson-mode.ts';
import {LANGUAGES} from '../src/i18n/languages.ts';
import {loadCatalog} from '../src/lessons/pack-catalog.ts';

const rounds = Number(process.argv[2] ?? 10);
const gc = (globalThis as {gc?: () => void}).gc;
if (!gc) throw new Error('run with --expose-gc');
const sink = {write: () => true};
const ids = loadCatalog().lessons.map((l) => l.id);
const samples: {round: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; runs: number; failed: number; ms: number}[] = [];
for (let round = 1; round <= rounds; round++) {
  const t0 = performance.now();
  let runs = 0;
  let failed = 0;
  for (const id of ids) {
    for (const lng of LANGUAGES) {
      const code = await runLessonAuto({id, lng, json: false, width: 80, bidi: lng === 'fa' ? 'app' : 'off', packs: [], stdout: sink, stderr: sink});
      runs++;
      if (code !== 0) failed++;
    }
  }
  gc();
  const m = process.memoryUsage();
  samples.push({round, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, runs, failed, ms: Math.round(performance.now() - t0)});
}
// maxRSS is in kilobytes (KiB on Linux).
process.stdout.write(`${JSON.stringify({lessons: ids.length, languages: LANGUAGES.length, peakRss: process.resourceUsage().maxRSS * 1024, samples})}\n`);
