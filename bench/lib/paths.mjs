// Where things are: the repository, the built app, and bench/.work (ignored by git).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const WORK = path.join(ROOT, 'bench/.work');

export function workDir() {
  fs.mkdirSync(WORK, {recursive: true});
  return WORK;
}

/** A fresh, empty config dir, so no saved progress or calibration changes what is drawn. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `socket-lessons-${prefix}-`));
}
