// The interactive app: loads lessons and progress, settles how Persian is shown, owns
// every lab the lessons open, and hands the screens what they need.
import type {i18n} from 'i18next';
import {enterTerminalBidi, resolveBidiMode, type BidiMode} from '../i18n/bidi/index.ts';
import {isLanguage, type Language} from '../i18n/languages.ts';
import {loadCatalogAsync, menuEntries} from '../lessons/catalog.ts';
import {openProgress, recordState, type Progress, type ProgressNotice, type ProgressStore} from '../lessons/progress.ts';
import {createLessonSession, type LessonSession} from '../lessons/session.ts';
import {completedSteps} from '../lessons/state.ts';
import {Lab, type LabOptions} from '../lab/index.ts';
import {visible} from '../text/visible.ts';
import {translatorOf} from '../ui/format/translate.ts';
import {formatLessonError, sortErrors} from '../ui/plain/lesson-errors.ts';
import {LessonScreen} from '../ui/app/lesson/LessonScreen.tsx';
import {pageFor, pageText} from '../ui/plain/page.ts';
import {ReplScreen} from '../ui/repl/index.ts';
import type {Settings, SettingsPatch} from '../ui/settings/settings.ts';
import {wantsMonochrome} from '../ui/theme.ts';
import type {CliOptions} from './args.ts';
import {runAppMode} from './app-mode.tsx';
import {appVersion} from './version.ts';
import {growUnderFloods} from './v8-tuning.ts';

export async function startInteractive(options: CliOptions, i18n: i18n): Promise<number> {
  growUnderFloods();
  const t = i18n.t.bind(i18n);
  const catalog = await loadCatalogAsync({packs: options.lessons});
  for (const locales of catalog.locales) {
    for (const [lng, namespaces] of Object.entries(locales)) {
      for (const [ns, keys] of Object.entries(namespaces)) i18n.addResourceBundle(lng, ns, keys, true, false);
    }
  }
  const {store, notices} = await openProgress({reset: options.reset});
  const progress = store.get();
  // --lang wins for this run; otherwise the saved language; with neither, ask (first run).
  const savedLanguage = isLanguage(progress.language) ? progress.language : undefined;
  if (!options.lang && savedLanguage) await i18n.changeLanguage(savedLanguage);

  const bidi = resolveBidiMode({flag: options.bidi, env: process.env, saved: progress.bidi, isTTY: true});
  const write = (s: string) => void process.stdout.write(s);
  let leaveBidi = enterTerminalBidi(write, bidi);
  // A layout changed in Settings: VTE's own BiDi goes off for app mode, back on otherwise.
  const switchTerminalBidi = (mode: BidiMode) => {
    leaveBidi();
    leaveBidi = enterTerminalBidi(write, {vteExplicit: mode === 'app' && bidi.terminal === 'vte-bidi'});
  };
  const settings: Settings = {
    language: isLanguage(i18n.language) ? i18n.language : 'en',
    also: options.also ?? (progress.also === 'none' ? undefined : progress.also),
    bidi: bidi.mode,
    // --no-color wins; a saved choice beats NO_COLOR (as no-color.org asks of config files).
    colour: options.color && (progress.colour ?? !wantsMonochrome(process.env, [])),
  };

  const sessions = new Set<LessonSession>();
  const openSession = (id: string): LessonSession => {
    const lesson = catalog.lessons.find((l) => l.id === id);
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

  // Asked again each time the menu is shown, so it counts the steps done since.
  const menu = () => menuEntries(catalog.lessons, store.get());
  const resumeIndex = () => {
    const last = store.get().last;
    return last ? Math.max(0, catalog.lessons.findIndex((l) => l.id === last.lesson)) : undefined;
  };
  // After the app, messages are laid out as its screen was: by us in app mode, unless
  // VTE is back to doing BiDi itself.
  let shownBidi = bidi.mode;
  const message = (text: string) =>
    pageText(text, pageFor(i18n.language, bidi.terminal === 'vte-bidi' ? 'terminal' : shownBidi, process.stderr.columns));
  const initialLesson = options.mode === 'lesson' ? options.target : undefined;
  if (initialLesson && !catalog.lessons.some((l) => l.id === initialLesson)) {
    leaveBidi();
    // A lesson its pack's problems left out: say why, as --auto does.
    if (catalog.errors.length > 0) {
      const lines = sortErrors(catalog.errors).map((e) => `  ${formatLessonError(e, translatorOf(i18n))}`);
      process.stderr.write(message(`${t('lessons:auto.packProblems')}\n${lines.join('\n')}`));
    }
    process.stderr.write(message(t('lessons:auto.unknownLesson', {id: visible(initialLesson)})));
    return 2;
  }

  return runAppMode({
    i18n,
    menu,
    resumeIndex,
    notices: notices.map((n) => progressNoticeText(n, t)),
    // A save that fails later (the folder became read-only, the disk is full) is told too.
    subscribeNotices: (listener) => store.onNotice((n) => listener({long: progressNoticeText(n, t), short: t('lessons:progress.notSavedShort', {code: noticeCode(n)})})),
    settings,
    chooseLanguage: !options.lang && !savedLanguage,
    calibrate: bidi.needsCalibration,
    onSettings: (patch: SettingsPatch) => {
      if (patch.bidi) {
        switchTerminalBidi(patch.bidi);
        shownBidi = patch.bidi;
      }
      void store.update((p) => withSettings(p, patch));
    },
    version: appVersion(),
    initial: initialLesson ? {name: 'lesson', id: initialLesson} : options.mode === 'repl' ? {name: 'repl'} : undefined,
    renderRepl: (props) => <ReplScreen lab={openReplLab()} {...props} />,
    renderLesson: (id, props) => <LessonScreen key={id} open={() => openSession(id)} presenter={options.present} {...props} />,
    message,
    cleanup: async () => {
      leaveBidi();
      await Promise.allSettled([...[...sessions].map((s) => s.close()), replLab?.dispose()]);
    },
  });
}

function labOptions(options: CliOptions): LabOptions {
  return {allowNonLoopback: options.allowRemote, ...(options.maxSockets !== undefined ? {maxSockets: options.maxSockets} : {})};
}

/** Progress with the settings the learner changed. */
function withSettings(progress: Progress, patch: SettingsPatch): Progress {
  const next = {...progress};
  if ('language' in patch && patch.language) next.language = patch.language;
  if ('also' in patch) next.also = patch.also ?? 'none';
  if ('bidi' in patch && patch.bidi) next.bidi = patch.bidi;
  if ('colour' in patch && patch.colour !== undefined) next.colour = patch.colour;
  return next;
}

// Saves are serialised per store so a burst of state changes never interleaves writes.
let saving: Promise<unknown> = Promise.resolve();
function saveProgress(store: ProgressStore, session: LessonSession): Promise<unknown> {
  saving = saving.then(() => store.update((p) => recordState(p, session.lesson, session.getState()))).catch(() => {});
  return saving;
}

function noticeCode(notice: ProgressNotice): string {
  return notice.kind === 'unwritable' ? notice.code : notice.kind === 'newer-version' ? `v${notice.version}` : '';
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
