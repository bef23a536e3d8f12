import {Box, Text, useWindowSize} from 'ink';
import {useMemo, useReducer, useRef, useState} from 'react';
import {useTranslation} from 'react-i18next';
import type {LessonSession} from '../../../lessons/session.ts';
import {ConfirmQuit} from '../../components/ConfirmQuit.tsx';
import {HelpOverlay, helpMaxScroll} from '../../components/HelpOverlay.tsx';
import {HintBar} from '../../components/HintBar.tsx';
import {Lines} from '../../components/Line.tsx';
import {formatNumber} from '../../../i18n/digits.ts';
import {translatorOf} from '../../format/index.ts';
import {usePaneContext} from '../../hooks/usePaneContext.ts';
import {CommandInput} from '../../input/CommandInput.tsx';
import {initialEditor, lineEditorReducer} from '../../input/lineEditor.ts';
import {choiceNumber, hintsFor, useKeys, type Action} from '../../keys.ts';
import {clipLines} from '../../layout/clip.ts';
import {textLayout} from '../../layout/textLayout.ts';
import {useBidi} from '../../components/BidiContext.tsx';
import {useSettings} from '../../settings/SettingsContext.tsx';
import {LessonPanes, paneAfter, type LogControl, type PaneId} from './LessonPanes.tsx';
import {proseLines, type SecondLanguage} from './proseLines.ts';
import {lessonPorts, stepFocus} from './taskFocus.ts';
import {useSession} from './useSession.ts';
import {NONE, useCursor} from '../useCursor.ts';

export interface LessonScreenProps {
  open(): LessonSession;
  presenter?: boolean;
  onBack(): void;
  /** code: 0 for q, 130 for Ctrl+C. */
  onQuit(code: number): void;
}

const RESERVED = 3; // title line, input line, hint bar
// Presenter mode: a blank line under the title, so the projected screen breathes.
const PRESENTER_RESERVED = 4;

export function LessonScreen({open, presenter = false, onBack, onQuit}: LessonScreenProps) {
  const {session, state} = useSession(open);
  const {lesson} = session;
  const {t, i18n} = useTranslation();
  const translate = translatorOf(i18n);
  const ctx = usePaneContext();
  const {mode} = useBidi();
  const {settings, toggleAlso} = useSettings();
  const {columns, rows} = useWindowSize();
  const [focused, setFocused] = useState<PaneId>('prose');
  // A question starts with nothing chosen: Enter must not answer "1" for a learner who only wanted to go on.
  const cursor = useCursor(NONE, 9, {allowNone: true});
  const [howToChoose, setHowToChoose] = useState(false);
  const [typing, setTyping] = useState(false);
  const [overlay, setOverlay] = useState<'none' | 'help' | 'confirm'>('none');
  const [logScroll, setLogScroll] = useState(0);
  const [helpScroll, setHelpScroll] = useState(0);
  const [editor, edit] = useReducer(lineEditorReducer, undefined, () => initialEditor());
  const logControl = useRef<LogControl | null>(null);
  const lastIndex = useRef(state.index);

  const focus = stepFocus(lesson, state);
  const step = lesson.steps[state.index];
  // A new task step puts the cursor in the prompt; leaving it takes the cursor out.
  if (lastIndex.current !== state.index) {
    lastIndex.current = state.index;
    const nowTyping = step?.kind === 'task' && step.where === 'prompt' && focus === 'task';
    if (nowTyping !== typing) setTyping(nowTyping);
    cursor.set(NONE);
    setHowToChoose(false);
  } else if (typing && focus !== 'task') {
    // The task was just met: the prompt lets go, so the next Enter moves on.
    setTyping(false);
  }
  const prose = (key: string) => t(`${lesson.id}:${key}`);
  const reserved = presenter ? PRESENTER_RESERVED : RESERVED;
  const paneHeight = Math.max(1, rows - reserved);
  // The second language, when it is set, differs from the first and the lesson has prose in it.
  const alsoLng = settings.also !== undefined && settings.also !== i18n.language && i18n.hasResourceBundle(settings.also, lesson.id) ? settings.also : undefined;
  const also = useMemo((): SecondLanguage | undefined => {
    if (!alsoLng) return undefined;
    const tAlso = i18n.getFixedT(alsoLng) as unknown as SecondLanguage['t'];
    return {prose: (key) => tAlso(`${lesson.id}:${key}`), t: tAlso, text: textLayout({mode, language: alsoLng})};
  }, [alsoLng, i18n, lesson.id, mode]);

  const onAction = (action: Action, input: string) => {
    // Ctrl+C or Esc while a typed command runs (a `wait` can take minutes) stops only it
    // (Esc in the prompt reaches the prompt's own onCancel instead).
    if ((action === 'interrupt' || (action === 'back' && overlay === 'none' && !typing)) && session.cancel()) return;
    if (action === 'interrupt') return onQuit(130);
    if (overlay === 'confirm') {
      if (action === 'confirmYes') onQuit(0);
      else if (action === 'confirmNo') setOverlay('none');
      return;
    }
    if (overlay === 'help') {
      if (action === 'back' || action === 'help' || action === 'previous') setOverlay('none');
      // A short terminal cannot show every key at once: ↑/↓ and PgUp/PgDn scroll the help.
      const max = helpMaxScroll(columns, paneHeight, presenter, ctx);
      const by = {up: -1, down: 1, pageUp: -5, pageDown: 5}[action as string];
      if (by) setHelpScroll((s) => Math.max(0, Math.min(max, s + by)));
      return;
    }
    if (typing) {
      if (action === 'nextPane') setFocused((f) => paneAfter(f, 1));
      return;
    }
    switch (action) {
      case 'up':
        // From nothing chosen, ↑ starts at the last choice and ↓ at the first.
        if (focus === 'ask' && step?.kind === 'ask') {
          cursor.set(cursor.current() === NONE ? step.choices.length - 1 : Math.max(0, cursor.current() - 1));
          setHowToChoose(false);
        } else if (focused === 'log') setLogScroll((s) => Math.min(s + 1, logControl.current?.maxScroll(paneHeight) ?? 0));
        break;
      case 'down':
        if (focus === 'ask' && step?.kind === 'ask') {
          cursor.set(Math.min(step.choices.length - 1, cursor.current() + 1));
          setHowToChoose(false);
        } else if (focused === 'log') setLogScroll((s) => Math.max(0, s - 1));
        break;
      case 'enter':
        if (focus === 'ask') {
          if (cursor.current() === NONE) setHowToChoose(true);
          else session.answer(cursor.current());
        } else if (focus === 'finished') onBack();
        else session.next();
        break;
      case 'next':
        if (focus === 'finished') onBack();
        else session.next();
        break;
      case 'previous':
        session.back();
        break;
      case 'back':
        onBack();
        break;
      case 'nextPane':
        setFocused((f) => paneAfter(f, 1));
        break;
      case 'prevPane':
        setFocused((f) => paneAfter(f, -1));
        break;
      case 'pageUp':
        setLogScroll((s) => Math.min(s + Math.max(1, paneHeight - 2), logControl.current?.maxScroll(paneHeight) ?? 0));
        break;
      case 'pageDown':
        setLogScroll((s) => Math.max(0, s - Math.max(1, paneHeight - 2)));
        break;
      case 'help':
        setHelpScroll(0);
        setOverlay('help');
        break;
      case 'quit':
        if (focus === 'task') setOverlay('confirm');
        else onQuit(0);
        break;
      case 'reveal':
        logControl.current?.reveal();
        break;
      case 'hint':
        if (focus === 'task') session.hint();
        break;
      case 'showMe':
        if (focus === 'task') session.showMe();
        break;
      case 'rerun':
        session.rerun();
        break;
      case 'reset':
        void session.reset();
        break;
      case 'type':
        if (focus === 'task') setTyping(true);
        break;
      case 'choose': {
        // 1–9 (or ۱–۹) answers with that choice, as ↑/↓ and Enter would.
        const n = choiceNumber(input);
        if (focus === 'ask' && step?.kind === 'ask' && n !== undefined && n <= step.choices.length) {
          cursor.set(n - 1);
          session.answer(n - 1);
        }
        break;
      }
      case 'toggleSecondLanguage':
        toggleAlso();
        break;
      default:
        break;
    }
  };
  useKeys(onAction, {mode: overlay === 'confirm' ? 'confirm' : 'normal', presenter, typing});

  const submit = (line: string) => {
    if (line === '') {
      setTyping(false);
      return;
    }
    void session.submit(line);
  };

  const lab = session.getLab();
  const counter = (n: number) => formatNumber(n, i18n.language, {grouping: false});
  const title = `${t(`${lesson.id}:title`)} · ${counter(state.index + 1)}/${counter(lesson.steps.length)}`;
  const hints = overlay === 'confirm' ? hintsFor('confirm') : typing ? hintsFor('typing') : hintsFor(focus === 'task' ? 'task' : focus === 'ask' ? 'ask' : 'lesson', {presenter});

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Lines lines={presenter ? [[{text: ctx.text.cell(title, columns), role: 'newest'}], []] : [[{text: ctx.text.cell(title, columns), role: 'focus'}]]} />
      {overlay === 'help' && <HelpOverlay width={columns} height={paneHeight} presenter={presenter} scroll={helpScroll} />}
      {lab && state.phase !== 'opening' ? (
        <LessonPanes
          proseWeight={6}
          key={state.generation}
          hidden={overlay === 'help'}
          lab={lab}
          focused={focused}
          reserveRows={reserved}
          ports={lessonPorts(state.values)}
          presenter={presenter}
          logScroll={logScroll}
          logControl={logControl}
          proseTitle={t('ui:pane.prose')}
          renderProse={({width, height}) => (
            <Lines lines={clipLines(proseLines({lesson, state, prose, t: translate, width, cursor: cursor.index, howToChoose, also, presenter}, ctx), height, 'tail').lines} />
          )}
        />
      ) : (
        overlay !== 'help' && (
          <Box height={paneHeight}>
            <Text dimColor>{ctx.text.cell(t('lessons:runner.running'), columns)}</Text>
          </Box>
        )
      )}
      {overlay === 'confirm' ? (
        <ConfirmQuit width={columns} />
      ) : (
        <CommandInput
          editor={editor}
          dispatch={edit}
          onSubmit={submit}
          onCancel={() => session.cancel() || setTyping(false)}
          active={typing && overlay === 'none'}
          width={columns}
          placeholder={focus === 'task' ? t('lessons:runner.keys.prompt') : ''}
        />
      )}
      <HintBar hints={hints} width={columns} />
    </Box>
  );
}
