// Shared by the lesson tests: the fixture packs, state waits, the OS's view of our sockets.
import path from 'node:path';
import {expect} from 'vitest';
import {Lab} from '../../src/lab/index.ts';
import type {OsSocket} from '../../src/lab/types.ts';
import {loadPack} from '../../src/lessons/loader.ts';
import {readPackDir} from '../../src/lessons/pack-fs.ts';
import type {LessonSession} from '../../src/lessons/session.ts';
import type {LessonState} from '../../src/lessons/state.ts';
import type {Lesson} from '../../src/lessons/types.ts';

export const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name);

export function fixtureLesson(pack: string, id: string): Lesson {
  const {lessons, errors} = loadPack(readPackDir(fixture(pack)));
  expect(errors).toEqual([]);
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id} in ${pack}`);
  return lesson;
}

/** Resolves with the state once `predicate` holds; rejects after `timeoutMs` (no fixed sleeps). */
export function waitForState(session: LessonSession, predicate: (s: LessonState) => boolean, timeoutMs = 10_000): Promise<LessonState> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = session.getState();
      if (!predicate(s)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`state not reached in ${timeoutMs} ms: ${JSON.stringify(session.getState().steps.map((x) => x.status))}`));
    }, timeoutMs);
    const unsubscribe = session.subscribe(check);
    check();
  });
}

/**
 * TCP/UDP sockets and path-bound Unix sockets this process owns, as the OS reports them.
 * (Unnamed Unix socket pairs are the test runner's own IPC channel, not ours.)
 * Undefined where the platform has no OS view.
 */
export async function ownSockets(): Promise<OsSocket[] | undefined> {
  const observer = new Lab();
  try {
    const view = await observer.osView({all: true});
    if (!view.available) return undefined;
    return view.sockets.filter((s) => s.pid === process.pid && (s.protocol !== 'unix' || (s.local.kind === 'unix' && s.local.path !== '')));
  } finally {
    await observer.dispose();
  }
}

export function portOf(state: LessonState, name: string): number {
  const port = Number(state.values[`${name}.port`]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port for ${name} in ${JSON.stringify(state.values)}`);
  return port;
}
