// REPL input history, kept across runs in the user's config dir. Never fatal: a
// read-only or missing home just means no saved history.

import {appendFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {appConfigDir} from '../../lessons/config-dir.ts';

export interface HistoryStore {
  load(): string[];
  add(line: string): void;
}

export const HISTORY_KEEP = 500;
/** Lines longer than this (pasted data) are not worth recalling. */
const MAX_SAVED_LINE = 4096;

export function historyFile(): string {
  return join(appConfigDir(), 'repl-history');
}

export function fileHistory(file: string = historyFile()): HistoryStore {
  return {
    load() {
      let lines: string[];
      try {
        lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
      } catch {
        return [];
      }
      // Keep the file from growing without bound: rewrite it when it is twice the size kept.
      if (lines.length > 2 * HISTORY_KEEP) {
        lines = lines.slice(-HISTORY_KEEP);
        try {
          writeFileSync(file, `${lines.join('\n')}\n`);
        } catch {
          // read-only: keep reading the long file
        }
      }
      return lines.slice(-HISTORY_KEEP);
    },
    add(line) {
      const clean = line.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
      if (clean === '' || clean.length > MAX_SAVED_LINE) return;
      try {
        mkdirSync(dirname(file), {recursive: true});
        appendFileSync(file, `${clean}\n`);
      } catch {
        // no config dir: history lives for this run only
      }
    },
  };
}

export function memoryHistory(initial: string[] = []): HistoryStore {
  const lines = [...initial];
  return {load: () => [...lines], add: (l) => void lines.push(l)};
}
