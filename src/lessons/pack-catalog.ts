// The lesson map read and checked: builtin lessons (checked again when they come from
// source) plus every --lessons DIR, one file at a time (see steps.ts).
import {builtinContent} from '../content/builtin.ts';
import type {LocaleResources} from '../content/types.ts';
import {runSteps, type Steps} from '../content/steps.ts';
import type {Catalog, CatalogOptions} from './catalog.ts';
import {loadPacksSteps, type PackInput} from './loader.ts';
import {readPackSteps} from './pack-fs.ts';

export function loadCatalog(options: CatalogOptions = {}): Catalog {
  return runSteps(catalogSteps(options));
}

export function* catalogSteps(options: CatalogOptions): Steps<Catalog> {
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

