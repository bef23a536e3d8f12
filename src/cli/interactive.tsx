// The interactive app: loads lessons and progress, settles how Persian is shown, and
// hands the screens what they need. The lesson and REPL screens (and every lab they
// open) are lesson-screens.tsx, loaded right after the menu's first frame.
import type {i18n} from 'i18next';
import {enterTerminalBidi, resolveBidiMode, type BidiMode} from '../i18n/bidi/index.ts';
import {isLanguage, LANGUAGES, type Language} from '../i18n/languages.ts';
import {ensureLanguages} from '../i18n/setup.ts';
import {loadCatalogAsync, menuEntries} from '../lessons/catalog.ts';
import {openProgress, type Progress, type ProgressNotice} from '../lessons/progress.ts';
import {visible} from '../text/visible.ts';
import {translatorOf} from '../ui/format/translate.ts';
import {Later, loading} from '../ui/components/Later.tsx';
import {pageFor, pageText} from '../ui/plain/page.ts';
import type {Settings, SettingsPatch} from '../ui/settings/settings.ts';
import {wantsMonochrome} from '../ui/theme.ts';
import type {CliOptions} from './args.ts';
import {runAppMode} from './app-mode.tsx';
import {appVersion} from './version.ts';
import {growUnderFloods} from './v8-tuning.ts';

/** `afterFirstFrame`: work that can wait until the first frame is on the screen. */
export async function startInteractive(options: CliOptions, i18n: i18n, afterFirstFrame: () => void = () => {}): Promise<number> {
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
  const also = options.also ?? (progress.also === 'none' ? undefined : progress.also);
  const chooseLanguage = !options.lang && !savedLanguage;
  // Words in every language the first screen can show: the first run's chooser shows all.
  await ensureLanguages(i18n, chooseLanguage ? LANGUAGES : [savedLanguage, also]);
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
    also,
    bidi: bidi.mode,
    // --no-color wins; a saved choice beats NO_COLOR (as no-color.org asks of config files).
    colour: options.color && (progress.colour ?? !wantsMonochrome(process.env, [])),
  };

  const screens = loading(() => import('./lesson-screens.tsx').then(({lessonScreens}) => lessonScreens(options, catalog.lessons, store)));

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
  const initial = initialLesson ? ({name: 'lesson', id: initialLesson} as const) : options.mode === 'repl' ? ({name: 'repl'} as const) : undefined;
  if (initialLesson && !catalog.lessons.some((l) => l.id === initialLesson)) {
    leaveBidi();
    // A lesson its pack's problems left out: say why, as --auto does.
    if (catalog.errors.length > 0) {
      const {formatLessonError, sortErrors} = await import('../ui/plain/lesson-errors.ts');
      const lines = sortErrors(catalog.errors).map((e) => `  ${formatLessonError(e, translatorOf(i18n))}`);
      process.stderr.write(message(`${t('lessons:auto.packProblems')}\n${lines.join('\n')}`));
    }
    process.stderr.write(message(t('lessons:auto.unknownLesson', {id: visible(initialLesson)})));
    return 2;
  }
  // A lesson or the REPL as the first screen: its code before the first frame. The menu
  // first: that code right after it.
  if (initial) await screens.start();

  return runAppMode({
    i18n,
    menu,
    resumeIndex,
    notices: notices.map((n) => progressNoticeText(n, t)),
    // A save that fails later (the folder became read-only, the disk is full) is told too.
    subscribeNotices: (listener) => store.onNotice((n) => listener({long: progressNoticeText(n, t), short: t('lessons:progress.notSavedShort', {code: noticeCode(n)})})),
    settings,
    chooseLanguage,
    calibrate: bidi.needsCalibration,
    onSettings: (patch: SettingsPatch) => {
      if (patch.bidi) {
        switchTerminalBidi(patch.bidi);
        shownBidi = patch.bidi;
      }
      void store.update((p) => withSettings(p, patch));
    },
    version: appVersion(),
    initial,
    renderRepl: (props) => <Later load={screens}>{(s) => s.renderRepl(props)}</Later>,
    renderLesson: (id, props) => <Later load={screens}>{(s) => s.renderLesson(id, props)}</Later>,
    afterFirstFrame: () => {
      // Watching GCs costs a little on every one: not while the first frame is drawn.
      growUnderFloods();
      void screens.start();
      afterFirstFrame();
    },
    message,
    cleanup: async () => {
      leaveBidi();
      // Not loaded: no screen ever opened a socket.
      await screens.value?.close();
    },
  });
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
