import type {Preparsed} from '../lessons/yaml-source.ts';

/** Locale resources: language → namespace (file name) → nested keys. */
export type LocaleResources = Record<string, Record<string, Record<string, unknown>>>;

export interface LessonSource {
  /** Path as the author knows it, e.g. "lessons/03-passive-socket.yaml". */
  file: string;
  text: string;
  /** Builtin lessons only: parsed by the build (yaml-source.ts preparse), not at start-up. */
  parsed?: Preparsed;
}

export interface Content {
  locales: LocaleResources;
  lessons: LessonSource[];
}
