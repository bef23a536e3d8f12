// The interactive app: loads lessons and progress, settles how Persian is shown, owns
// every lab the lessons open, and hands the screens what they need.
import type {i18n} from 'i18next';
import {enterTerminalBidi, resolveBidiMode, type BidiMode} from '../i18n/bidi/index.ts';
import {loadCatalog, menuEntries} from '../lessons/catalog.ts';
import {openProgress, recordState, type ProgressNotice, type ProgressStore} from '../lessons/progress.ts';
import {createLessonSession, type LessonSession} from '../lessons/session.ts';
import {completedSteps} from '../lessons/state.ts';
import {Lab} from '../lab/index.ts';
import {LessonScreen} from '../ui/app/lesson/LessonScreen.tsx';
import {ReplScreen} from '../ui/repl/index.ts';
import {themeFor, wantsMonochrome} from '../ui/theme.ts';
import type {CliOptions} from './args.ts';
import {runAppMode} from './app-mode.tsx';

export async function startInteractive(options: CliOptions, i18n: i18n): Promise<number> {
  const t = i18n.t.bind(i18n);
  const catalog = loadCatalog({packs: options.lessons});
  for (const locales of catalog.locales) {
    for (const [lng, namespaces] of Object.entries(locales)) {
      for (const [ns, keys] of Object.entries(namespaces)) i18n.addResourceBundle(lng, ns, keys, true, false);
    }
  }
  const {store, notices} = await openProgress({reset: options.reset});
  const progress = store.get();

  const bidi = resolveBidiMode({flag: options.bidi, env: process.env, saved: progress.bidi, isTTY: true});
  const leaveBidi = enterTerminalBidi((s) => process.stdout.write(s), bidi);

  const sessions = new Set<LessonSession>();
  const openSession = (id: string): LessonSession => {
    const lesson = catalog.lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`unknown lesson ${id}`);
    const session = createLessonSession({lesson, createLab: () => new Lab({allowNonLoopback: options.allowRemote})});
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
    return session;
  };

  // The REPL keeps one lab for the whole run, so leaving and coming back keeps its sockets.
  let replLab: Lab | undefined;
  const openReplLab = () => (replLab ??= new Lab({allowNonLoopback: options.allowRemote}));

  const entries = menuEntries(catalog.lessons, progress);
  const menu = entries.map((e) => ({...e, title: t(`${e.id}:title`)}));
  const resumeIndex = progress.last ? Math.max(0, entries.findIndex((e) => e.id === progress.last?.lesson)) : undefined;
  const initialLesson = options.mode === 'lesson' ? options.target : undefined;
  if (initialLesson && !catalog.lessons.some((l) => l.id === initialLesson)) {
    leaveBidi();
    process.stderr.write(`${t('lessons:auto.unknownLesson', {id: initialLesson})}\n`);
    return 2;
  }

  return runAppMode({
    i18n,
    menu,
    resumeIndex,
    notices: notices.map((n) => progressNoticeText(n, t)),
    theme: themeFor(!options.color || wantsMonochrome(process.env, [])),
    bidi: bidi.mode,
    calibrate: bidi.needsCalibration && i18n.language === 'fa',
    onCalibrated: (mode: BidiMode) => void store.update((p) => ({...p, bidi: mode})),
    initial: initialLesson ? {name: 'lesson', id: initialLesson} : options.mode === 'repl' ? {name: 'repl'} : undefined,
    renderRepl: (props) => <ReplScreen lab={openReplLab()} {...props} />,
    renderLesson: (id, props) => <LessonScreen key={id} open={() => openSession(id)} presenter={options.present} {...props} />,
    cleanup: async () => {
      leaveBidi();
      await Promise.allSettled([...[...sessions].map((s) => s.close()), replLab?.dispose()]);
    },
  });
}

// Saves are serialised per store so a burst of state changes never interleaves writes.
let saving: Promise<unknown> = Promise.resolve();
function saveProgress(store: ProgressStore, session: LessonSession): Promise<unknown> {
  saving = saving.then(() => store.update((p) => recordState(p, session.lesson, session.getState()))).catch(() => {});
  return saving;
}

function progressNoticeText(notice: ProgressNotice, t: i18n['t']): string {
  switch (notice.kind) {
    case 'corrupted':
      return notice.backup ? t('lessons:progress.corrupted', {backup: notice.backup}) : t('lessons:progress.corruptedKept', {file: notice.file});
    case 'unwritable':
      return t('lessons:progress.unwritable', {file: notice.file, code: notice.code});
    case 'newer-version':
      return t('lessons:progress.newerVersion', {file: notice.file});
  }
}
