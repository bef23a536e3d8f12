// A peer that stops reading (issue 11 item 7): once its receive window and our send buffer
// are full, `send` says at once that the bytes are queued — how many, and why — instead of
// failing after 10 s with "try again" (which would send them twice). Past 4 MiB waiting it
// refuses, naming that limit. When the peer reads again, every byte arrives exactly once.
import {describe, expect, it} from 'vitest';
import {createExecutor, type Outcome} from '../../src/commands/index.ts';
import {createI18n} from '../../src/i18n/setup.ts';
import {describeOutcome, translatorOf} from '../../src/ui/format/index.ts';
import {newLab} from '../lab/helpers.ts';
import {pipedRepl, RUNTIMES} from './app.ts';
import {silentServer} from './peers.ts';

const CHUNK = 60 * 1024;
const TEXT = 'x'.repeat(CHUNK);
/** Loopback buffers hold a few MiB at most; the lab's own cap is 4 MiB more. Far past both. */
const MAX_SENDS = 1000;

describe('in this process: the lab and the commands', () => {
  it('sends until the peer\'s window is full: queued, told in words in en, fa, ru; then the 4 MiB limit; then every byte arrives once', async () => {
    const peer = await silentServer();
    const lab = newLab();
    const ex = createExecutor(lab);
    expect((await ex.run(`connect tcp 127.0.0.1:${peer.port} as c`)).ok).toBe(true);
    await peer.child.next((m) => m['accepted'] === true);
    let firstQueued: Outcome | undefined;
    let limited: Outcome | undefined;
    let accepted = 0;
    let slowest = 0;
    for (let i = 0; i < MAX_SENDS && !limited; i++) {
      const t0 = performance.now();
      const o = await ex.run(`send c ${TEXT}`);
      slowest = Math.max(slowest, performance.now() - t0);
      if (!o.ok) {
        limited = o;
        break;
      }
      accepted += CHUNK;
      if (o.result.verb === 'send' && o.result.queued !== undefined) firstQueued ??= o;
    }
    // Each send answers at once: no 10-second timeout while the peer is not reading.
    expect(slowest).toBeLessThan(3000);
    expect(firstQueued).toBeDefined();
    const q = firstQueued!.ok && firstQueued!.result.verb === 'send' ? firstQueued!.result.queued! : 0;
    expect(q).toBeGreaterThan(0);
    expect(describeOutcome(firstQueued!, translatorOf(await createI18n('en'))).lines[0]).toMatch(/bytes are queued, not yet taken by the peer \(its receive window is full\)/);
    expect(describeOutcome(firstQueued!, translatorOf(await createI18n('fa'))).lines[0]).toMatch(/پنجرهٔ دریافتش پر است/);
    expect(describeOutcome(firstQueued!, translatorOf(await createI18n('ru'))).lines[0]).toMatch(/окно приёма заполнено/);
    // The event says it too.
    expect(lab.history().some((e) => e.type === 'send' && e.queued !== undefined)).toBe(true);
    // Then the lab's own limit: 4 MiB waiting in this program, named.
    expect(limited).toBeDefined();
    expect(!limited!.ok && limited!.error).toMatchObject({code: 'ELIMIT', operation: 'send', limit: {kind: 'buffered', max: 4 * 1024 * 1024}});
    expect(describeOutcome(limited!, translatorOf(await createI18n('en'))).lines.join(' ')).toMatch(/4,194,304 bytes waiting for the peer/);
    // The peer reads again: everything that was accepted arrives, once.
    peer.child.send('read');
    expect((await ex.run('shutdown c')).ok).toBe(true);
    const got = await peer.child.next((m) => typeof m['read'] === 'number', 20_000);
    expect(got['read']).toBe(accepted);
    ex.dispose();
  });
});

describe.each(RUNTIMES)('the built app under %s', (runtime) => {
  it('repl: a send to a peer that stopped reading reports queued at once, and memory stays bounded', async () => {
    const peer = await silentServer();
    const app = pipedRepl(runtime);
    expect((await app.run(`connect tcp 127.0.0.1:${peer.port} as c`)).ok).toBe(true);
    let queued: Record<string, any> | undefined;
    let limited: Record<string, any> | undefined;
    for (let i = 0; i < MAX_SENDS && !limited; i++) {
      const r = await app.run(`send c ${TEXT}`, 5000);
      if (!r.ok) limited = r;
      else if (r.result.queued !== undefined) queued ??= r;
    }
    expect(queued?.text).toMatch(/queued, not yet taken by the peer/);
    expect(limited?.error).toMatchObject({code: 'ELIMIT', limit: {kind: 'buffered'}});
    const peak = app.peakRss();
    // quit ends the run at once although bytes still wait for the peer (exit 1: the refused send failed).
    expect(await app.quit()).toBe(1);
    expect(app.output()).toMatch(/still queued were dropped: the peer never took them/);
    console.log(`${runtime}: peer not reading, queued after ${queued?.lineNo} sends, peak RSS ${Math.round(peak / 2 ** 20)} MiB`);
    expect(peak).toBeLessThan(300 * 2 ** 20);
  });
});
