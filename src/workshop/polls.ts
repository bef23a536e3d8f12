// Polls are the lessons' `ask` steps: a question, numbered choices, the right answer and
// an explanation, each a locale key. The workshop's own predictions come first (one per
// experiment); every `ask` in the loaded lessons — the built-in ones and any pack's —
// can be opened as a poll too, so an instructor adds polls by writing a pack.
import type {Lesson} from '../lessons/types.ts';
import {EXPERIMENTS, type ExperimentId} from './experiments.ts';

export interface Poll {
  /** An experiment's ID, or LESSON/N for the lesson's N-th question. */
  id: string;
  /** The i18next namespace its keys live in. */
  ns: string;
  question: string;
  choices: readonly string[];
  /** Index of the right choice, from 0 (as in lesson files). */
  answer: number;
  explain: string;
  /** The experiment this question predicts. */
  experiment?: ExperimentId;
}

/** The right answer of each experiment's prediction (index into its three choices). */
const EXPERIMENT_ANSWERS: Record<ExperimentId, number> = {
  'second-connection': 1,
  refused: 2,
  udp: 0,
  close: 1,
};

export function experimentPolls(): Poll[] {
  return EXPERIMENTS.map((id) => ({
    id,
    ns: 'workshop',
    question: `polls.${id}.question`,
    choices: [0, 1, 2].map((i) => `polls.${id}.choices.${i}`),
    answer: EXPERIMENT_ANSWERS[id],
    explain: `polls.${id}.explain`,
    experiment: id,
  }));
}

/** Every `ask` step of the lessons, as a poll named LESSON/N. */
export function lessonPolls(lessons: readonly Lesson[]): Poll[] {
  const out: Poll[] = [];
  for (const lesson of lessons) {
    let n = 0;
    for (const step of lesson.steps) {
      if (step.kind !== 'ask') continue;
      n++;
      out.push({id: `${lesson.id}/${n}`, ns: lesson.id, question: step.question, choices: step.choices, answer: step.answer, explain: step.explain});
    }
  }
  return out;
}

/** The polls a room offers, by ID: experiments' first, then the lessons' in order. */
export function pollCatalog(lessons: readonly Lesson[] = []): Map<string, Poll> {
  const polls = new Map<string, Poll>();
  for (const p of [...experimentPolls(), ...lessonPolls(lessons)]) if (p.choices.length >= 2 && p.choices.length <= 9) polls.set(p.id, p);
  return polls;
}
