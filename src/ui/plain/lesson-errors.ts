// A LessonError as one line: "file:line: field: what is wrong", in the learner's language.
import {parseLine} from '../../commands/index.ts';
import type {LessonError} from '../../lessons/types.ts';
import {describeError, type Translate} from '../format/index.ts';

export function formatLessonError(error: LessonError, t: Translate): string {
  const where = error.field === '' ? `${error.file}:${error.line}` : `${error.file}:${error.line}: ${error.field}`;
  return `${where}: ${lessonErrorMessage(error, t)}`;
}

export function lessonErrorMessage(error: LessonError, t: Translate): string {
  if (error.code === 'bad-command') {
    return t('lessons:lint.code.bad-command', {...error.params, reason: commandReason(error, t)});
  }
  return t(`lessons:lint.code.${error.code}`, error.params);
}

/** The command language's own explanation of why the line does not parse. */
function commandReason(error: LessonError, t: Translate): string {
  if (error.params.reason === 'NOT_IN_LESSON') return t('lessons:lint.notInLesson', error.params);
  // The line as checked: placeholders filled in with stand-in values.
  const parsed = parseLine(String(error.params.checked ?? error.params.command));
  if (parsed.ok) return String(error.params.reason);
  return describeError({kind: 'parse', ...parsed.error}, t).message;
}

/** Errors in a stable order: by file, then line. */
export function sortErrors(errors: readonly LessonError[]): LessonError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** "Problems in the lesson packs:" and one indented line per problem, in a stable order. */
export function packProblemsText(errors: readonly LessonError[], t: Translate): string {
  return [t('lessons:auto.packProblems'), ...sortErrors(errors).map((e) => `  ${formatLessonError(e, t)}`)].join('\n');
}
