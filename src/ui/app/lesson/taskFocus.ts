import type {LessonState} from '../../../lessons/state.ts';
import type {Lesson} from '../../../lessons/types.ts';

/** What the current step asks of the keyboard. */
export type StepFocus = 'read' | 'ask' | 'task' | 'finished';

export function stepFocus(lesson: Lesson, state: LessonState): StepFocus {
  if (state.finished) return 'finished';
  const step = lesson.steps[state.index];
  const s = state.steps[state.index];
  if (!step || !s) return 'read';
  if (step.kind === 'ask' && s.chosen === undefined && s.status !== 'skipped') return 'ask';
  if (step.kind === 'task' && (s.status === 'active' || s.status === 'open' || s.status === 'pending' || s.status === 'failed')) return 'task';
  return 'read';
}

/** Ports the lesson's sockets use, so the OS view shows only what belongs to the lesson. */
export function lessonPorts(values: Readonly<Record<string, string>>): number[] {
  const ports = new Set<number>();
  for (const [key, value] of Object.entries(values)) {
    if (!key.endsWith('.port')) continue;
    const port = Number(value);
    if (Number.isInteger(port) && port > 0) ports.add(port);
  }
  return [...ports];
}
