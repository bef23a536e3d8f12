import fs from 'node:fs';
import path from 'node:path';
import type {Content, LessonSource, LocaleResources} from './types.ts';

/**
 * Reads a folder laid out like this repository: DIR/lessons/*.yaml and
 * DIR/locales/<lng>/<ns>.json. Missing folders are simply empty. JSON that does not
 * parse is reported through `onBadFile` rather than thrown, so one broken file never
 * takes the app down.
 */
export function readContentDir(dir: string, onBadFile?: (file: string, error: Error) => void): Content {
  const locales: LocaleResources = {};
  const localeRoot = path.join(dir, 'locales');
  for (const lng of listDir(localeRoot)) {
    const lngDir = path.join(localeRoot, lng);
    if (!fs.statSync(lngDir).isDirectory()) continue;
    for (const file of listDir(lngDir).filter((f) => f.endsWith('.json'))) {
      const full = path.join(lngDir, file);
      try {
        (locales[lng] ??= {})[file.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(full, 'utf8'));
      } catch (error) {
        onBadFile?.(full, error as Error);
      }
    }
  }
  const lessonRoot = path.join(dir, 'lessons');
  const lessons: LessonSource[] = listDir(lessonRoot)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => ({file: path.join(lessonRoot, f), text: fs.readFileSync(path.join(lessonRoot, f), 'utf8')}));
  return {locales, lessons};
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}
