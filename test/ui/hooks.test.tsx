import {Text} from 'ink';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {OsView, SocketInfo} from '../../src/lab/types.ts';
import {appendEvent, emptyLog} from '../../src/ui/hooks/eventLog.ts';
import {createFrameBatcher} from '../../src/ui/hooks/frameBatcher.ts';
import {useLabEvents, type LabEventsView, type UseLabEventsOptions} from '../../src/ui/hooks/useLabEvents.ts';
import {useLabSnapshot} from '../../src/ui/hooks/useLabSnapshot.ts';
import {useOsView} from '../../src/ui/hooks/useOsView.ts';
import {useScroll, type Scroll} from '../../src/ui/hooks/useScroll.ts';
import {FakeSource} from './helpers/fakeSource.ts';
import {ev, sock, v4} from './helpers/fixtures.ts';
import {renderIn, until} from './helpers/render.tsx';

const send = (socket = 'u1') => ev({type: 'send', socket, protocol: 'udp', bytes: 5, to: v4(6000), local: v4(41000)});
const message = (socket = 'r1') => ev({type: 'message', socket, protocol: 'udp', bytes: 5, from: v4(41000), preview: 'hello', local: v4(6000)});

function eventsProbe(source: FakeSource, options: UseLabEventsOptions = {}) {
  const seen: LabEventsView[] = [];
  function Probe(props: {options: UseLabEventsOptions}) {
    const view = useLabEvents(source, props.options);
    seen.push(view);
    return <Text>{`${view.log.total} ${view.held}`}</Text>;
  }
  const r = renderIn('en', <Probe options={options} />);
  return {r, seen, latest: () => seen.at(-1)!, rerender: (o: UseLabEventsOptions) => r.rerender(<Probe options={o} />)};
}

afterEach(() => {
  vi.useRealTimers();
});

describe('eventLog (pure)', () => {
  it('folds a UDP ping-pong into two counting rows', () => {
    const log = emptyLog();
    for (let i = 0; i < 1000; i++) {
      appendEvent(log, send());
      appendEvent(log, message());
    }
    expect(log.rows.map((r) => (r.kind === 'flood' ? `+${r.count} ${r.type}` : r.event.type))).toEqual(['send', 'message', '+999 send', '+999 message']);
  });
  it('a structural event between ends the run', () => {
    const log = emptyLog();
    appendEvent(log, send());
    appendEvent(log, send());
    appendEvent(log, ev({type: 'close', socket: 'x', protocol: 'tcp', hadError: false}));
    appendEvent(log, send());
    expect(log.rows.map((r) => r.kind)).toEqual(['event', 'flood', 'event', 'event']);
  });
});

describe('createFrameBatcher', () => {
  it('flushes at most once per frame, and keeps a timer only while something is pending', () => {
    vi.useFakeTimers();
    let now = 1000;
    let flushes = 0;
    const b = createFrameBatcher(() => flushes++, 30, () => now);
    b.schedule();
    b.schedule();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(0);
    expect(flushes).toBe(1); // the first change after a quiet spell shows at once
    expect(vi.getTimerCount()).toBe(0);
    now += 5;
    b.schedule();
    vi.advanceTimersByTime(27);
    expect(flushes).toBe(1); // not before a frame (33 ms) has passed since the last flush
    vi.advanceTimersByTime(2);
    expect(flushes).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    b.schedule();
    b.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a burst that goes on is flushed at the sustained rate after a while, and a quiet spell ends it', () => {
    vi.useFakeTimers();
    let now = 1000;
    const flushedAt: number[] = [];
    const b = createFrameBatcher(() => flushedAt.push(now), 30, () => now, {fps: 8, afterMs: 500});
    // A change every millisecond for 1.5 s.
    for (let i = 0; i < 1500; i++) {
      b.schedule();
      now += 1;
      vi.advanceTimersByTime(1);
    }
    const gaps = flushedAt.slice(1).map((t, i) => t - flushedAt[i]!);
    const early = gaps.filter((_, i) => flushedAt[i + 1]! < 1000 + 500);
    const late = gaps.filter((_, i) => flushedAt[i]! >= 1000 + 600);
    expect(Math.max(...early)).toBeLessThanOrEqual(34); // 30 a second at first
    expect(Math.min(...late)).toBeGreaterThanOrEqual(124); // then 8 a second
    // Quiet for a while: the next change shows at once again.
    vi.advanceTimersByTime(200);
    now += 1000;
    const n = flushedAt.length;
    b.schedule();
    vi.advanceTimersByTime(0);
    expect(flushedAt.length).toBe(n + 1);
    b.cancel();
  });
});

describe('useLabEvents', () => {
  it('20,000 events in one tick: a couple of renders, exact flood count', async () => {
    const source = new FakeSource();
    const {r, seen, latest} = eventsProbe(source);
    const before = seen.length;
    for (let i = 0; i < 20_000; i++) source.emit(send());
    expect(seen.length).toBe(before); // no render per event
    await until(() => expect(latest().log.total).toBe(20_000));
    expect(seen.length - before).toBeLessThanOrEqual(2);
    const rows = latest().log.rows;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({kind: 'flood', count: 19_999, bytes: 19_999 * 5});
    expect(r.lastFrame()).toBe('20000 0');
    r.unmount();
  });

  it('events spread over time render at most about 30 times a second', async () => {
    const source = new FakeSource();
    const {r, seen, latest} = eventsProbe(source);
    const before = seen.length;
    const start = performance.now();
    // 2,000 events, one per macrotask: far more often than frames.
    for (let i = 0; i < 2000; i++) {
      source.emit(i % 2 ? send() : message());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => expect(latest().log.total).toBe(2000));
    const elapsed = performance.now() - start;
    expect(seen.length - before).toBeLessThanOrEqual(Math.ceil(elapsed / 33) + 3);
    expect(seen.length - before).toBeLessThan(2000 / 10);
    r.unmount();
  });

  it('keeps the log bounded', async () => {
    const source = new FakeSource();
    const {r, latest} = eventsProbe(source, {limit: 50});
    for (let i = 0; i < 200; i++) source.emit(ev({type: 'socket', socket: `s${i}`, protocol: 'tcp', role: 'active'}));
    await until(() => expect(latest().log.total).toBe(200));
    expect(latest().log.rows).toHaveLength(50);
    expect(latest().log.dropped).toBe(150);
    r.unmount();
  });

  it('starts from the lab history and unsubscribes on unmount', async () => {
    const source = new FakeSource();
    source.emitted.push(ev({type: 'socket', socket: 'old', protocol: 'tcp', role: 'active'}));
    const {r, latest} = eventsProbe(source);
    expect(latest().log.total).toBe(1);
    expect(source.listenerCount).toBe(1);
    r.unmount();
    expect(source.listenerCount).toBe(0);
  });

  it('slow motion holds events and reveals one log row per reveal(), a flood as one', async () => {
    const source = new FakeSource();
    const tableAfter = (n: number): SocketInfo[] => Array.from({length: n}, (_, i) => sock(`s${i}`, {state: 'new'}));
    const {r, latest} = eventsProbe(source, {slowMotion: true});
    for (let i = 0; i < 3; i++) {
      source.table = tableAfter(i + 1);
      source.emit(ev({type: 'socket', socket: `s${i}`, protocol: 'tcp', role: 'active'}));
    }
    for (let i = 0; i < 500; i++) source.emit(send());
    await until(() => expect(latest().held).toBe(503));
    expect(latest().log.total).toBe(0);
    expect(latest().sockets).toEqual([]); // the table as it was when slow motion began

    latest().reveal();
    await until(() => expect(latest().log.total).toBe(1));
    expect(latest().sockets?.map((s) => s.name)).toEqual(['s0']); // table in step with the log
    latest().reveal();
    latest().reveal();
    await until(() => expect(latest().log.total).toBe(3));
    expect(latest().sockets?.map((s) => s.name)).toEqual(['s0', 's1', 's2']);
    latest().reveal(); // the first datagram
    await until(() => expect(latest().log.rows).toHaveLength(4));
    latest().reveal(); // the other 499, folded into one row
    await until(() => expect(latest().held).toBe(0));
    expect(latest().log.rows.at(-1)).toMatchObject({kind: 'flood', count: 499});
    r.unmount();
  });

  it('leaving slow motion shows everything held', async () => {
    const source = new FakeSource();
    const {r, latest, rerender} = eventsProbe(source, {slowMotion: true});
    for (let i = 0; i < 5; i++) source.emit(ev({type: 'socket', socket: `s${i}`, protocol: 'tcp', role: 'active'}));
    await until(() => expect(latest().held).toBe(5));
    rerender({slowMotion: false});
    await until(() => expect(latest().log.total).toBe(5));
    expect(latest().held).toBe(0);
    expect(latest().sockets).toBeUndefined();
    r.unmount();
  });
});

describe('useLabSnapshot', () => {
  it('re-reads the table once per frame after events that change it, never for sends or datagrams', async () => {
    const source = new FakeSource();
    const seen: (readonly SocketInfo[])[] = [];
    function Probe() {
      const sockets = useLabSnapshot(source);
      seen.push(sockets);
      return <Text>{String(sockets.length)}</Text>;
    }
    const r = renderIn('en', <Probe />);
    const reads = source.snapshots;
    source.table = [sock('a', {})];
    // A flood of sends: counters only, which the table does not show.
    for (let i = 0; i < 5000; i++) source.emit(send('a'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.snapshots).toBe(reads);
    // A burst of structural events (and the kernel's drop count): once a frame.
    for (let i = 0; i < 50; i++) source.emit(ev({type: 'bind', socket: 'a', protocol: 'udp', implicit: false, local: v4(6000)}));
    source.emit(ev({type: 'drop', socket: 'a', protocol: 'udp', count: 3, total: 3, local: v4(6000)}));
    await until(() => expect(r.lastFrame()).toBe('1'));
    expect(source.snapshots - reads).toBeGreaterThanOrEqual(1);
    expect(source.snapshots - reads).toBeLessThanOrEqual(2);
    r.unmount();
  });
});

describe('useOsView', () => {
  function osProbe(source: FakeSource) {
    const views: (OsView | undefined)[] = [];
    function Probe({visible}: {visible: boolean}) {
      const view = useOsView(source, visible);
      views.push(view);
      return <Text>{view === undefined ? 'loading' : view.available ? String(view.sockets.length) : 'off'}</Text>;
    }
    const r = renderIn('en', <Probe visible={false} />);
    return {r, views, show: (visible: boolean) => r.rerender(<Probe visible={visible} />)};
  }

  it('reads only while visible: once when shown, then the watcher’s changes are applied without reading again', async () => {
    const source = new FakeSource();
    const {r, show} = osProbe(source);
    expect(source.watchStarts).toBe(0);
    expect(source.osReads).toBe(0);
    expect(r.lastFrame()).toBe('loading');

    show(true);
    expect(source.watching).toBe(1);
    await until(() => expect(r.lastFrame()).toBe('0'));

    const entry = {protocol: 'tcp' as const, local: v4(5000), state: 'LISTEN', sendQueue: 0, recvQueue: 0, inode: 1};
    const other = {...entry, local: v4(5001), inode: 2};
    for (let i = 0; i < 100; i++) source.emit(ev({type: 'os', socket: '', protocol: 'tcp', change: 'added', entry}));
    source.emit(ev({type: 'os', socket: '', protocol: 'tcp', change: 'added', entry: other}));
    await until(() => expect(r.lastFrame()).toBe('2'));
    source.emit(ev({type: 'os', socket: '', protocol: 'tcp', change: 'removed', entry: other}));
    await until(() => expect(r.lastFrame()).toBe('1'));
    expect(source.osReads).toBe(1); // the changes came with the events

    show(false);
    expect(source.watching).toBe(0);
    const reads = source.osReads;
    source.emit(ev({type: 'os', socket: '', protocol: 'tcp', change: 'removed', entry}));
    expect(source.osReads).toBe(reads);
    expect(r.lastFrame()).toBe('1'); // the last view stays while hidden
    r.unmount();
  });

  it('a failing read becomes the unavailable state', async () => {
    const source = new FakeSource();
    source.osView = async () => {
      throw new Error('no /proc');
    };
    const {r, show, views} = osProbe(source);
    show(true);
    await until(() => expect(r.lastFrame()).toBe('off'));
    expect(views.at(-1)).toEqual({available: false, reason: 'no /proc'});
    r.unmount();
  });
});

describe('useScroll', () => {
  it('pages back and forth within 0…max, and follows the newest again', async () => {
    let latest: Scroll | undefined;
    function Probe({max}: {max: number}) {
      latest = useScroll(5, max);
      return <Text>{String(latest.scroll)}</Text>;
    }
    const r = renderIn('en', <Probe max={12} />);
    latest!.pageUp();
    await until(() => expect(r.lastFrame()).toBe('5'));
    latest!.pageUp();
    latest!.pageUp();
    await until(() => expect(r.lastFrame()).toBe('12'));
    latest!.lineDown();
    await until(() => expect(r.lastFrame()).toBe('11'));
    r.rerender(<Probe max={3} />); // the pane grew: clamp
    await until(() => expect(r.lastFrame()).toBe('3'));
    latest!.pageDown();
    await until(() => expect(r.lastFrame()).toBe('0'));
    latest!.lineUp();
    latest!.follow();
    await until(() => expect(r.lastFrame()).toBe('0'));
    r.unmount();
  });
});
