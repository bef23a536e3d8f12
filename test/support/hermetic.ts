// Every app a test starts gets its own HOME and XDG folders, so nothing it reads or
// writes (progress, REPL history, settings) is the real user's. test/support/poisoned-home.ts
// proves it: the whole suite runs with a HOME holding a finished progress file and a
// history, and fails if an app read them (the menu test would see lessons done) or wrote
// anything there.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const HOME_VARIABLES = ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR'] as const;

export interface Hermetic {
  /** HOME and the XDG folders, each its own fresh directory. */
  env: Record<(typeof HOME_VARIABLES)[number], string>;
  root: string;
  /** Removes every folder (call once the app has exited). */
  remove(): void;
}

export function hermeticHome(prefix = 'sl-home-'): Hermetic {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const dir = (name: string) => {
    const d = path.join(root, name);
    mkdirSync(d, {recursive: true, mode: 0o700});
    return d;
  };
  const env = {
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('config'),
    XDG_CACHE_HOME: dir('cache'),
    XDG_DATA_HOME: dir('data'),
    XDG_STATE_HOME: dir('state'),
    XDG_RUNTIME_DIR: dir('runtime'),
  };
  return {env, root, remove: () => rmSync(root, {recursive: true, force: true})};
}

// Folders removed when the test process ends, for helpers whose callers have no hook.
const pending = new Set<Hermetic>();
let hooked = false;

/**
 * process.env for a child app: the caller's environment with a fresh HOME and XDG folders
 * (removed when this test process exits), then `extra` on top. SOCKET_LESSONS_CONFIG_DIR
 * from outside is dropped: the app must find its folder under the fresh HOME.
 */
export function appEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const home = hermeticHome();
  pending.add(home);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const h of pending) h.remove();
    });
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({...process.env, SOCKET_LESSONS_CONFIG_DIR: undefined, ...home.env, ...extra})) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}
