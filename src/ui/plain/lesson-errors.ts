// A LessonError as one line: "file:line: field: what is wrong", in the learner's language.
// Its file name, field and parameters come from the pack (names, values, engine messages
// quoting the file): each goes through the sanitiser here, where it becomes text.
import {parseLine} from '../../commands/index.ts';
import type {LessonError} from '../../lessons/types.ts';
import {visible} from '../../text/visible.ts';
import {describeError, type Translate} from '../format/index.ts';

export function formatLessonError(error: LessonError, t: Translate): string {
  const file = visible(error.file);
  const where = error.field === '' ? `${file}:${error.line}` : `${file}:${error.line}: ${visible(error.field)}`;
  return `${where}: ${lessonErrorMessage(error, t)}`;
}

export function lessonErrorMessage(error: LessonError, t: Translate): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.params)) params[k] = typeof v === 'string' ? visible(v) : v;
  if (error.code === 'bad-command') {
    return t('lessons:lint.code.bad-command', {...params, reason: commandReason(error, params, t)});
  }
  if (error.code === 'not-regular') return t('lessons:lint.code.not-regular', {kind: t(`lessons:lint.kind.${error.params.kind}`)});
  if (error.code === 'too-big' || error.code === 'pack-too-big' || error.code === 'lessons-too-big') params.limitText = sizeText(Number(error.params.limit), t);
  return t(`lessons:lint.code.${error.code}`, params);
}

/** The command language's own explanation of why the line does not parse. */
function commandReason(error: LessonError, params: Record<string, string | number>, t: Translate): string {
  if (error.params.reason === 'NOT_IN_LESSON') return t('lessons:lint.notInLesson', params);
  // The line as checked: placeholders filled in with stand-in values.
  const parsed = parseLine(String(error.params.checked ?? error.params.command));
  if (parsed.ok) return String(params.reason);
  return describeError({kind: 'parse', ...parsed.error}, t).message;
}

/** 1048576 → "1 MiB", 262144 → "256 KiB", in the learner's units. */
function sizeText(bytes: number, t: Translate): string {
  return bytes % (1024 * 1024) === 0 ? t('lessons:lint.size.mib', {n: bytes / (1024 * 1024)}) : t('lessons:lint.size.kib', {n: Math.round(bytes / 1024)});
}

/** Errors in a stable order: by file, then line. */
export function sortErrors(errors: readonly LessonError[]): LessonError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** "Problems in the lesson packs:" and one indented line per problem, in a stable order. */
export function packProblemsText(errors: readonly LessonError[], t: Translate): string {
  return [t('lessons:auto.packProblems'), ...sortErrors(errors).map((e) => `  ${formatLessonError(e, t)}`)].join('\n');
}
