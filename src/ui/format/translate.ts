// The one thing the formatters need from i18next: a t function.
import type {i18n} from 'i18next';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** i18next's t, typed for the formatters (its overloads don't fit a plain signature). */
export function translatorOf(instance: i18n): Translate {
  const t = instance.t.bind(instance) as unknown as Translate;
  return (key, options) => t(key, options);
}
