// Where per-user settings live, by each OS's convention.
import os from 'node:os';
import path from 'node:path';

export interface ConfigDirEnv {
  env?: Record<string, string | undefined>;
  platform?: string;
  home?: string;
}

/**
 * Linux and other Unix: $XDG_CONFIG_HOME/<app> (when absolute, as the XDG spec asks), else
 * ~/.config/<app>. macOS: ~/Library/Application Support/<app>. Windows: %APPDATA%\<app>.
 */
export function configDir(appName: string, where: ConfigDirEnv = {}): string {
  const env = where.env ?? process.env;
  const platform = where.platform ?? process.platform;
  const home = where.home ?? os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, appName);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appName);
  const xdg = env.XDG_CONFIG_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config'), appName);
}

/** This app's directory; SOCKET_LESSONS_CONFIG_DIR overrides it (tests, portable installs). */
export function appConfigDir(where: ConfigDirEnv = {}): string {
  const env = where.env ?? process.env;
  return env.SOCKET_LESSONS_CONFIG_DIR || configDir('socket-lessons', where);
}
