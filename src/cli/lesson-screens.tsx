// The lesson and REPL screens and what they run on (labs, the lesson runner, the command
// language, the panes): a chunk of its own, so the menu is drawn before this code is
// even loaded (interactive.tsx loads it right after the first frame).
import type {ReactNode} from 'react';
import {Lab, type LabOptions} from '../lab/index.ts';
import {recordState, type ProgressStore} from '../lessons/progress.ts';
import {createLessonSession, type LessonSession} from '../lessons/session.ts';
import {completedSteps} from '../lessons/state.ts';
import type {Lesson} from '../lessons/types.ts';
import type {LessonRenderProps} from '../ui/app/App.tsx';
import {LessonScreen} from '../ui/app/lesson/LessonScreen.tsx';
import {ReplScreen} from '../ui/repl/index.ts';
import type {CliOptions} from './args.ts';

export interface LessonScreens {
  renderLesson(id: string, props: LessonRenderProps): ReactNode;
  renderRepl(props: LessonRenderProps & {width: number; height: number}): ReactNode;
  /** Every open lesson's and the REPL's sockets closed. */
  close(): Promise<void>;
}

export function lessonScreens(options: CliOptions, lessons: readonly Lesson[], store: ProgressStore): LessonScreens {
  const sessions = new Set<LessonSession>();
  const openSession = (id: string): LessonSession => {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`unknown lesson ${id}`);
    const session = createLessonSession({lesson, createLab: () => new Lab(labOptions(options))});
    sessions.add(session);
    // Save when the position or the completed steps change, not on every live event.
    let saved = '';
    session.subscribe(() => {
      const state = session.getState();
      const key = `${state.index}|${state.finished}|${completedSteps(state).join(',')}`;
      if (key !== saved) {
        saved = key;
        void saveProgress(store, session);
      }
    });
    // Once a left lesson has closed its sockets, the exit path need not wait for it.
    return {...session, close: () => session.close().finally(() => sessions.delete(session))};
  };

  // The REPL keeps one lab for the whole run, so leaving and coming back keeps its sockets.
  let replLab: Lab | undefined;
  const openReplLab = () => (replLab ??= new Lab(labOptions(options)));

  return {
    renderRepl: (props) => <ReplScreen lab={openReplLab()} {...props} />,
    renderLesson: (id, props) => <LessonScreen key={id} open={() => openSession(id)} presenter={options.present} {...props} />,
    close: async () => {
      await Promise.allSettled([...[...sessions].map((s) => s.close()), replLab?.dispose()]);
    },
  };
}

function labOptions(options: CliOptions): LabOptions {
  return {allowNonLoopback: options.allowRemote, ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {})};
}

// Saves are serialised per store so a burst of state changes never interleaves writes.
let saving: Promise<unknown> = Promise.resolve();
function saveProgress(store: ProgressStore, session: LessonSession): Promise<unknown> {
  saving = saving.then(() => store.update((p) => recordState(p, session.lesson, session.getState()))).catch(() => {});
  return saving;
}
