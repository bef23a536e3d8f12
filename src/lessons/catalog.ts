// The lesson map: builtin lessons plus every --lessons DIR, validated, in menu order.
import {builtinContent} from '../content/builtin.ts';
import type {Content, LocaleResources} from '../content/types.ts';
import {detectCapabilities} from './capabilities.ts';
import {runSteps, runStepsAsync, type Steps} from '../content/steps.ts';
import {loadPacksSteps, type PackInput} from './loader.ts';
import {readPackSteps} from './pack-fs.ts';
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

export function loadCatalog(options: CatalogOptions = {}): Catalog {
  return runSteps(catalogSteps(options));
}

/**
 * The same with the event loop free between files: what the CLI uses, so Ctrl-C and
 * SIGTERM are handled while a large pack is read and checked.
 */
export function loadCatalogAsync(options: CatalogOptions = {}): Promise<Catalog> {
  return runStepsAsync(catalogSteps(options));
}

function* catalogSteps(options: CatalogOptions): Steps<Catalog> {
  const content = options.content ?? builtinContent();
  const builtin: PackInput = {name: 'builtin', lessons: content.lessons, locales: content.locales};
  if (content.validated) builtin.validated = content.validated;
  const inputs: PackInput[] = [builtin];
  for (const dir of options.packs ?? []) inputs.push(yield* readPackSteps(dir));
  const {lessons, errors} = yield* loadPacksSteps(inputs);
  // A pack brings prose for its own lessons only: it cannot replace the app's words.
  const locales = inputs.slice(1).map((pack) => {
    const ids = new Set(lessons.filter((l) => l.pack === pack.name).map((l) => l.id));
    const out: LocaleResources = {};
    for (const [lng, namespaces] of Object.entries(pack.locales)) {
      for (const [ns, keys] of Object.entries(namespaces)) if (ids.has(ns)) (out[lng] ??= {})[ns] = keys;
    }
    return out;
  });
  return {lessons, errors, locales};
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
