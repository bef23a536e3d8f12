// The progress store on a real file system, in temporary folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {appConfigDir, configDir} from '../../src/lessons/config-dir.ts';
import {openProgress, parseProgress, recordLesson, recordState} from '../../src/lessons/progress.ts';
import {initialState} from '../../src/lessons/state.ts';
import type {Lesson} from '../../src/lessons/types.ts';

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-lessons-progress-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, {recursive: true, force: true});
});

const lesson = {id: 'passive-socket', steps: [1, 2, 3, 4]};

describe('progress store', () => {
  it('starts empty, saves atomically, and resumes where the learner was', async () => {
    const dir = path.join(tempDir(), 'nested', 'config');
    const first = await openProgress({dir});
    expect(first.notices).toEqual([]);
    expect(first.store.get()).toEqual({version: 1, lessons: {}});
    expect(await first.store.update((p) => ({...recordLesson(p, lesson, [0, 1], 2, false), language: 'fa', bidi: 'app'}))).toBeUndefined();
    // Written in full, and no temp file left behind.
    expect(fs.readdirSync(dir)).toEqual(['progress.json']);

    const again = await openProgress({dir});
    expect(again.notices).toEqual([]);
    expect(again.store.get()).toEqual({
      version: 1,
      language: 'fa',
      bidi: 'app',
      last: {lesson: 'passive-socket', step: 2},
      lessons: {'passive-socket': {steps: [0, 1], total: 4, completed: false}},
    });
  });

  it('completed steps accumulate; a lesson is completed when every step is done and it was finished', async () => {
    let p = recordLesson({version: 1, lessons: {}}, lesson, [0, 1], 1, false);
    p = recordLesson(p, lesson, [2, 3], 3, false);
    expect(p.lessons['passive-socket']).toEqual({steps: [0, 1, 2, 3], total: 4, completed: false});
    p = recordLesson(p, lesson, [0, 1, 2, 3], 3, true);
    expect(p.lessons['passive-socket']!.completed).toBe(true);
    // Saved steps of a lesson whose length changed are not carried over.
    p = recordLesson(p, {id: 'passive-socket', steps: [1, 2, 3, 4, 5]}, [0], 0, false);
    expect(p.lessons['passive-socket']).toEqual({steps: [0], total: 5, completed: true});
  });

  it('recordState takes the completed steps and position from a runner state', () => {
    const l: Lesson = {id: 'x', order: 1, file: 'f', pack: 'p', concepts: ['C1'], requires: [], languages: ['en'], steps: [
      {kind: 'say', key: 'a', requires: [], line: 1},
      {kind: 'say', key: 'b', requires: [], line: 2},
    ]};
    const s = initialState(l);
    const state = {...s, index: 1, steps: [{...s.steps[0]!, status: 'complete' as const}, s.steps[1]!]};
    expect(recordState({version: 1, lessons: {}}, l, state)).toEqual({version: 1, last: {lesson: 'x', step: 1}, lessons: {x: {steps: [0], total: 2, completed: false}}});
  });

  it('many quick updates end with the last one on disk', async () => {
    const dir = tempDir();
    const {store} = await openProgress({dir});
    await Promise.all(Array.from({length: 20}, (_, i) => store.update((p) => ({...p, last: {lesson: 'x', step: i}}))));
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
    expect(onDisk.last).toEqual({lesson: 'x', step: 19});
    expect(fs.readdirSync(dir)).toEqual(['progress.json']);
  });

  it('reset forgets everything (--reset)', async () => {
    const dir = tempDir();
    const {store} = await openProgress({dir});
    await store.update((p) => recordLesson(p, lesson, [0], 0, false));
    const fresh = await openProgress({dir, reset: true});
    expect(fresh.store.get()).toEqual({version: 1, lessons: {}});
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'))).toEqual({version: 1, lessons: {}});
    // store.reset() does the same from inside the app.
    await fresh.store.update((p) => recordLesson(p, lesson, [0], 0, false));
    await fresh.store.reset();
    expect((await openProgress({dir})).store.get().lessons).toEqual({});
  });

  it.each([
    ['not JSON', '{"version": 1, "lessons": {'],
    ['the wrong shape', '{"version": 1, "lessons": {"x": {"steps": "all"}}}'],
    ['an array', '[1, 2, 3]'],
  ])('a corrupted file (%s) is kept as a backup, the learner is told, and a fresh one starts', async (_name, text) => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.json');
    fs.writeFileSync(file, text);
    const now = new Date('2030-01-02T03:04:05.678Z');
    const {store, notices} = await openProgress({dir, now: () => now});
    const backup = `${file}.bak-2030-01-02T03-04-05-678Z`;
    expect(notices).toEqual([{kind: 'corrupted', file, backup}]);
    expect(fs.readFileSync(backup, 'utf8')).toBe(text);
    expect(store.get()).toEqual({version: 1, lessons: {}});
    expect(store.persistent).toBe(true);
    await store.update((p) => recordLesson(p, lesson, [0], 0, false));
    expect(parseProgress(JSON.parse(fs.readFileSync(file, 'utf8')))?.lessons['passive-socket']?.steps).toEqual([0]);
  });

  it('a folder that cannot be written: a typed notice, and the app goes on in memory', async () => {
    // Tests may run as root, where chmod does not stop writes: put the folder under a
    // regular FILE instead, which fails for everyone (ENOTDIR).
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const dir = path.join(blocker, 'socket-lessons');
    const {store, notices} = await openProgress({dir});
    expect(notices).toEqual([{kind: 'unwritable', file: path.join(dir, 'progress.json'), code: 'ENOTDIR'}]);
    expect(store.persistent).toBe(false);
    // Still works, in memory; saving says nothing more and throws nothing.
    expect(await store.update((p) => recordLesson(p, lesson, [0, 1], 1, false))).toBeUndefined();
    expect(store.get().lessons['passive-socket']!.steps).toEqual([0, 1]);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });

  it('a save that fails later is reported once, then progress stays in memory', async () => {
    const root = tempDir();
    const dir = path.join(root, 'cfg');
    const {store, notices} = await openProgress({dir});
    expect(notices).toEqual([]);
    // The folder does not exist yet (nothing saved); make its path a file before the first save.
    fs.writeFileSync(dir, 'in the way');
    const notice = await store.update((p) => recordLesson(p, lesson, [0], 0, false));
    expect(notice).toMatchObject({kind: 'unwritable', code: expect.stringMatching(/^E(EXIST|NOTDIR)$/)});
    expect(store.persistent).toBe(false);
    expect(await store.update((p) => p)).toBeUndefined();
    expect(store.get().lessons['passive-socket']!.steps).toEqual([0]);
  });

  it('a file from a newer version is left untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.json');
    fs.writeFileSync(file, '{"version": 99, "future": true}');
    const {store, notices} = await openProgress({dir});
    expect(notices).toEqual([{kind: 'newer-version', file, version: 99}]);
    await store.update((p) => recordLesson(p, lesson, [0], 0, false));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version": 99, "future": true}');
  });
});

describe('config dir', () => {
  it('follows each OS convention', () => {
    expect(configDir('app', {platform: 'linux', home: '/home/u', env: {}})).toBe('/home/u/.config/app');
    expect(configDir('app', {platform: 'linux', home: '/home/u', env: {XDG_CONFIG_HOME: '/x/cfg'}})).toBe('/x/cfg/app');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(configDir('app', {platform: 'freebsd', home: '/home/u', env: {XDG_CONFIG_HOME: 'rel'}})).toBe('/home/u/.config/app');
    expect(configDir('app', {platform: 'darwin', home: '/Users/u', env: {}})).toBe('/Users/u/Library/Application Support/app');
    expect(configDir('app', {platform: 'win32', home: 'C:\\Users\\u', env: {APPDATA: 'C:\\Users\\u\\AppData\\Roaming'}})).toBe('C:\\Users\\u\\AppData\\Roaming\\app');
    expect(configDir('app', {platform: 'win32', home: 'C:\\Users\\u', env: {}})).toBe('C:\\Users\\u\\AppData\\Roaming\\app');
  });

  it('SOCKET_LESSONS_CONFIG_DIR overrides it, and the store uses it by default', async () => {
    expect(appConfigDir({env: {SOCKET_LESSONS_CONFIG_DIR: '/tmp/x'}, platform: 'linux', home: '/h'})).toBe('/tmp/x');
    expect(appConfigDir({env: {}, platform: 'linux', home: '/h'})).toBe('/h/.config/socket-lessons');
    const dir = tempDir();
    const before = process.env.SOCKET_LESSONS_CONFIG_DIR;
    process.env.SOCKET_LESSONS_CONFIG_DIR = dir;
    try {
      const {store} = await openProgress();
      expect(store.file).toBe(path.join(dir, 'progress.json'));
    } finally {
      if (before === undefined) delete process.env.SOCKET_LESSONS_CONFIG_DIR;
      else process.env.SOCKET_LESSONS_CONFIG_DIR = before;
    }
  });
});
