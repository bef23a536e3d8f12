// The lesson map: builtin lessons plus every --lessons DIR, validated, in menu order.
// The builtin lessons come checked by the build, so with no pack to read the map is made
// without even loading the pack reader, the YAML parser and the checker (pack-catalog.ts).
import {builtinContent} from '../content/builtin.ts';
import type {Content, LocaleResources} from '../content/types.ts';
import {runStepsAsync} from '../content/steps.ts';
import {detectCapabilities} from './capabilities.ts';
import type {Progress} from './progress.ts';
import {missingFor} from './state.ts';
import type {Capabilities, Concept, Lesson, LessonError, Requirement} from './types.ts';

export interface Catalog {
  lessons: Lesson[];
  /** Problems in any pack; lessons with problems are left out of `lessons`. */
  errors: LessonError[];
  /** Every pack's locale resources, for createI18n(lng, extra). */
  locales: LocaleResources[];
}

export interface CatalogOptions {
  /** Default: builtinContent(). */
  content?: Content;
  /** --lessons DIR, in order. */
  packs?: readonly string[];
}

/**
 * The lesson map with the event loop free between files: what the CLI uses, so Ctrl-C
 * and SIGTERM are handled while a large pack is read and checked. (loadCatalog in
 * pack-catalog.ts does the same at once.)
 */
export async function loadCatalogAsync(options: CatalogOptions = {}): Promise<Catalog> {
  const content = options.content ?? builtinContent();
  if (content.validated && (options.packs ?? []).length === 0) return {lessons: [...content.validated], errors: [], locales: []};
  const {catalogSteps} = await import('./pack-catalog.ts');
  return runStepsAsync(catalogSteps(options));
}

/** One row of the lesson map; the UI translates `${id}:title`. */
export interface MenuEntry {
  id: string;
  pack: string;
  concepts: Concept[];
  done: number;
  total: number;
  completed: boolean;
  /** Languages the lesson's prose exists in. */
  languages: string[];
  /** Platform features the lesson needs and this machine lacks (empty: it can run). */
  missing: Requirement[];
}

export function menuEntries(lessons: readonly Lesson[], progress?: Progress, capabilities: Capabilities = detectCapabilities()): MenuEntry[] {
  return lessons.map((lesson) => {
    const saved = progress?.lessons[lesson.id];
    // Saved step indexes only count while the lesson still has the same number of steps.
    const valid = saved && saved.total === lesson.steps.length ? saved : undefined;
    return {
      id: lesson.id,
      pack: lesson.pack,
      concepts: lesson.concepts,
      done: valid?.steps.filter((i) => i < lesson.steps.length).length ?? 0,
      total: lesson.steps.length,
      completed: valid?.completed ?? false,
      languages: lesson.languages,
      missing: missingFor(lesson.requires, capabilities),
    };
  });
}
