// Property: whatever a learner types, the REPL's engine never throws, never leaves an
// unhandled rejection, and after `quit` every socket is closed. ≥ 10,000 lines in all,
// mixing random text (mostly parse errors) with valid-looking commands that really run.
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {VERBS, parseLine} from '../../src/commands/index.ts';
import {createI18n} from '../../src/i18n/setup.ts';
import {Lab} from '../../src/lab/index.ts';
import {translatorOf} from '../../src/ui/format/index.ts';
import {plainPrinter} from '../../src/ui/plain/printer.ts';
import {runScript} from '../../src/ui/plain/run-script.ts';

const RUNS = 100;
const LINES_PER_RUN = 100;

// Ports limited to 0 (the OS chooses) and 1 (nothing listens): random lines must never
// poke at another program's real port.
const names = fc.constantFrom('a', 'b', 'srv', 'u', 'srv#1', 'a#1', 'nobody');
const word = fc.oneof(
  fc.constantFrom('tcp', 'udp', 'unix', 'as', 'from', 'TCP', '', '#', '"', '\\', 'listen', 'srv#1#2'),
  names,
  fc.constantFrom('127.0.0.1:0', '0', '1', '127.0.0.1:1', '[::1]:0', '[::1]:1', '::1:0', 'localhost:0', '۰', '١', '127.0.0.1:70000', '-1', '10.0.0.1:0', 'example.org:1', '1-1', '0-1', '1,1', '/tmp', '""'),
  fc.string({maxLength: 8}),
  fc.string({unit: 'binary', maxLength: 6}),
  fc.string({unit: 'grapheme', maxLength: 6}).map((s) => `"${s}"`),
);
const validLooking = fc
  .tuple(fc.constantFrom(...VERBS.filter((v) => v !== 'quit' && v !== 'wait')), fc.array(word, {maxLength: 5}), fc.option(names, {nil: undefined}))
  .map(([verb, args, name]) => [verb, ...args, ...(name ? ['as', name] : [])].join(' '));
// Grammatical commands, so that many lines really open, connect, send and close sockets.
const addr = fc.constantFrom('127.0.0.1:0', '0', '[::1]:0', '127.0.0.1:1', '1');
const text = fc.oneof(fc.constantFrom('hi', '"a b"', '"\\n"', '""', 'سلام', '"x\\ty"'), fc.string({maxLength: 10}).map((s) => JSON.stringify(s)));
const asName = fc.option(names.filter((n) => !n.includes('#')), {nil: undefined}).map((n) => (n ? ` as ${n}` : ''));
const grammatical = fc.oneof(
  fc.tuple(fc.constantFrom('tcp', 'udp'), asName).map(([p, n]) => `socket ${p}${n}`),
  fc.tuple(fc.constantFrom('tcp', 'udp'), addr, asName).map(([p, a, n]) => `bind ${p} ${a}${n}`),
  fc.tuple(names, addr).map(([n, a]) => `bind ${n} ${a}`),
  fc.tuple(addr, asName).map(([a, n]) => `listen tcp ${a}${n}`),
  asName.map((n) => `listen unix${n}`),
  names.map((n) => `listen ${n}`),
  fc.tuple(fc.constantFrom('tcp', 'udp'), fc.oneof(names, addr), asName).map(([p, a, n]) => `connect ${p} ${a}${n}`),
  fc.tuple(names, asName).map(([a, n]) => `connect unix ${a}${n}`),
  fc.tuple(names, fc.oneof(names, addr)).map(([s, a]) => `connect ${s} ${a}`),
  fc.tuple(names, text).map(([n, x]) => `send ${n} ${x}`),
  fc.tuple(fc.oneof(names, fc.constant('udp')), fc.oneof(names, addr), text).map(([s, a, x]) => `sendto ${s} ${a} ${x}`),
  fc.tuple(fc.constantFrom('close', 'reset', 'shutdown'), names).map(([v, n]) => `${v} ${n}`),
  fc.oneof(names, fc.constant('1')).map((p) => `scan ${p}`),
  fc.constantFrom('sockets', 'help', 'help connect', 'lang fa', 'lang en', 'clear'),
);
// wait only with a short timeout: the property is about robustness, not patience.
const waits = fc
  .tuple(fc.constantFrom('accept', 'data', 'message', 'close', 'os', 'nonsense'), fc.option(names, {nil: undefined}), fc.integer({min: 1, max: 5}))
  .map(([e, n, ms]) => ['wait', e, ...(n ? [n] : []), String(ms)].join(' '));
// Tests run as root on CI: a random `listen tcp 1` would really take port 1 (which other
// tests rely on being closed), and `listen unix "x"` would make a file in the work tree.
// Such lines become comments: every bind/listen here asks the OS for port 0.
function harmless(text: string): string {
  const r = parseLine(text);
  if (!r.ok) return text;
  const c = r.command;
  const fixedPort = (a: {kind: string; port?: number} | undefined) => a?.kind === 'inet' && a.port !== 0;
  if ((c.verb === 'bind' || c.verb === 'listen') && (fixedPort(c.address) || c.address?.kind === 'path')) return `# ${text}`;
  if (c.verb === 'connect' && fixedPort(c.from)) return `# ${text}`;
  return text;
}

const line = fc.oneof(
  {weight: 3, arbitrary: fc.string({maxLength: 40})},
  {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 40})},
  {weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), `send a "${'y'.repeat(70_000)}"`, 'send a \u0000', '\u001b[2J', '\uFEFFos', 'quit now')},
  {weight: 3, arbitrary: validLooking},
  {weight: 8, arbitrary: grammatical},
  {weight: 1, arbitrary: waits},
).map(harmless);

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});

describe('random input never breaks the REPL engine', () => {
  it('the parser never throws on anything', () => {
    fc.assert(
      fc.property(fc.oneof(line, fc.string({unit: 'binary', maxLength: 200})), (l) => {
        const r = parseLine(l);
        expect(typeof r.ok).toBe('boolean');
      }),
      {numRuns: 20_000},
    );
  });

  it(`${RUNS} sessions × ${LINES_PER_RUN} lines: no throw, no unhandled rejection, every socket closed after quit`, async () => {
    const t = translatorOf(await createI18n('en'));
    let total = 0;
    let ran = 0;
    let succeeded = 0;
    let sockets = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, {minLength: LINES_PER_RUN, maxLength: LINES_PER_RUN}), async (lines) => {
        // A small socket limit keeps runs fast; hitting it is one more error to survive.
        const lab = new Lab({maxSockets: 24});
        lab.subscribe((e) => {
          if (e.type === 'socket' || e.type === 'accept') sockets++;
        });
        let printed = 0;
        const summary = await runScript({
          lab,
          lines: (async function* () {
            for (const text of [...lines, 'quit']) yield {text};
          })(),
          printer: plainPrinter(() => printed++, () => t),
          timeoutMs: 500,
        });
        total += lines.length;
        ran += summary.commands;
        succeeded += summary.commands - summary.failed;
        expect(printed).toBeGreaterThan(0);
        expect(summary.exitCode).toBe(summary.failed > 0 ? 1 : 0);
        expect(lab.snapshot()).toEqual([]);
        expect(rejections).toEqual([]);
      }),
      {numRuns: RUNS},
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
    // The valid-looking lines really run: many commands succeed and open real sockets.
    expect(succeeded).toBeGreaterThan(RUNS * 10);
    expect(sockets).toBeGreaterThan(RUNS);
    console.log(`fuzz: ${total} lines, ${succeeded} succeeded, ${sockets} sockets opened`);
  }, 240_000);
});
