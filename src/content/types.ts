import type {Lesson} from '../lessons/types.ts';
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
  /** Empty in the built app's builtin content (see builtin.ts): read words through i18n. */
  locales: LocaleResources;
  /** Empty in the built app's builtin content too: its lessons come as `validated`. */
  lessons: LessonSource[];
  /**
   * Builtin content only: the lessons as the loader makes them from `lessons` and
   * `locales`, done by the build (which fails on any problem), so a start-up does not
   * check them again (~15 ms).
   */
  validated?: Lesson[];
}
