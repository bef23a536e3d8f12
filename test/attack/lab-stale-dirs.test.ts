// Leftovers after SIGKILL (issue 11 item 10): a run killed with SIGKILL leaves its private
// directory of Unix socket files behind; the next start removes it, and never a live
// instance's directory, another user's, or one holding anything it did not make.
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {sweepDir, sweepStaleDirs} from '../../src/lab/stale-dirs.ts';
import {Lab} from '../../src/lab/index.ts';
import type {Runtime} from '../e2e/pty-rig.ts';
import {command, freshHome, pipedRepl, RUNTIMES} from './app.ts';

/** Runs the app once (`list`) in this temp dir, to the end. */
function startOnce(runtime: Runtime, env: NodeJS.ProcessEnv): Promise<number | null> {
  const [file, args] = command(runtime);
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args, 'list'], {env: {...process.env, ...env}, stdio: 'ignore'});
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('list did not finish in 30 s'));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Resolves when `dir` is gone (watched, not polled); rejects after ms. */
function gone(dir: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const parent = path.dirname(dir);
    const check = () => {
      if (!fs.existsSync(dir)) {
        finish();
        resolve();
      }
    };
    const watcher = fs.watch(parent, check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${dir} still there after ${ms} ms: ${fs.readdirSync(dir).join(', ')}`));
    }, ms);
    const finish = () => {
      clearTimeout(timer);
      watcher.close();
    };
    check();
  });
}

describe.each(RUNTIMES)('a run killed with SIGKILL, then the next start under %s', (runtime) => {
  it('the killed run\'s socket directory is there after the kill and gone after the next start; a live one stays', async () => {
    const {home, env} = freshHome();
    // The run to be killed, and a live one beside it (both under node: what is tested is the sweeper).
    const victim = pipedRepl('node', [], env);
    const live = pipedRepl('node', [], env);
    const v = await victim.run('listen unix as u');
    const l = await live.run('listen unix as keep');
    const victimDir = path.dirname(v.result.socket.local.path);
    const liveDir = path.dirname(l.result.socket.local.path);
    expect(path.dirname(victimDir)).toBe(home);
    victim.child.proc.kill('SIGKILL');
    expect((await victim.child.exited).signal).toBe('SIGKILL');
    expect(fs.readdirSync(victimDir).sort()).toEqual(['1-u.sock', 'owner']);

    expect(await startOnce(runtime, env)).toBe(0);
    await gone(victimDir);
    // The live instance's directory and socket are untouched, and it still accepts.
    expect(fs.readdirSync(liveDir).sort()).toEqual(['1-keep.sock', 'owner']);
    const c = await live.run(`connect unix ${l.result.socket.local.path} as c`);
    expect(c.ok).toBe(true);
    expect(await live.quit()).toBe(0);
    expect(fs.existsSync(liveDir)).toBe(false);
  });
});

describe('what the sweep never removes', () => {
  function fakeDir(tmp: string, suffix: string, owner: object | undefined, files: string[] = []): string {
    const dir = path.join(tmp, `socket-lessons-${suffix}`);
    fs.mkdirSync(dir, {mode: 0o700});
    if (owner) fs.writeFileSync(path.join(dir, 'owner'), JSON.stringify(owner));
    for (const f of files) fs.writeFileSync(path.join(dir, f), '');
    return dir;
  }

  it('keeps other users\', unmarked, unexpected, linked and live directories; removes dead and pid-reused ones', async () => {
    const tmp = freshHome().home;
    const deadPid = (() => {
      const r = execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'});
      return Number(r.trim());
    })();
    const dead = {app: 'socket-lessons', pid: deadPid};
    const noMarker = fakeDir(tmp, 'aaaaa1', undefined);
    const otherUser = fakeDir(tmp, 'aaaaa2', dead);
    fs.chownSync(otherUser, 65534, 65534);
    const extraFile = fakeDir(tmp, 'aaaaa3', dead, ['notes.txt']);
    const wideOpen = fakeDir(tmp, 'aaaaa4', dead);
    fs.chmodSync(wideOpen, 0o755);
    const foreignApp = fakeDir(tmp, 'aaaaa5', {app: 'other', pid: deadPid});
    const liveSelf = fakeDir(tmp, 'aaaaa6', {app: 'socket-lessons', pid: process.pid});
    const target = fakeDir(path.join(tmp), 'aaaaa7', dead);
    const link = path.join(tmp, 'socket-lessons-aaaaa8');
    fs.symlinkSync(target, link);
    // Removed: a dead owner, and pid 1 (alive) whose start time is not the one recorded.
    const deadOwner = fakeDir(tmp, 'bbbbb1', dead);
    const reused = fakeDir(tmp, 'bbbbb2', {app: 'socket-lessons', pid: 1, start: 'not-a-start-time'});
    const wrongName = path.join(tmp, 'socket-lessons-x');
    fs.mkdirSync(wrongName, {mode: 0o700});
    fs.writeFileSync(path.join(wrongName, 'owner'), JSON.stringify(dead));

    const removed = await sweepStaleDirs(tmp);
    expect(removed.sort()).toEqual([target, deadOwner, reused].sort());
    for (const kept of [noMarker, otherUser, extraFile, wideOpen, foreignApp, liveSelf, wrongName]) expect(fs.existsSync(kept), kept).toBe(true);
    // The link itself was not followed: what it pointed at was judged as itself.
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await sweepDir(link)).toBe(false);
  });

  it('a lab in this process writes its marker and removes its directory when disposed', async () => {
    const lab = new Lab();
    const info = await lab.listenUnix({name: 'u'});
    const dir = path.dirname(info.local?.kind === 'unix' ? info.local.path : '');
    const owner = JSON.parse(fs.readFileSync(path.join(dir, 'owner'), 'utf8'));
    expect(owner).toMatchObject({app: 'socket-lessons', pid: process.pid});
    expect(await sweepDir(dir)).toBe(false); // ours, alive
    await lab.dispose();
    expect(fs.existsSync(dir)).toBe(false);
    expect(os.tmpdir()).toBe(path.dirname(dir));
  });
});
