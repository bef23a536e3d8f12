import {Box, Text, useWindowSize} from 'ink';
import {useReducer, useRef, useState} from 'react';
import {useTranslation} from 'react-i18next';
import type {LessonSession} from '../../../lessons/session.ts';
import {ConfirmQuit} from '../../components/ConfirmQuit.tsx';
import {HelpOverlay} from '../../components/HelpOverlay.tsx';
import {HintBar} from '../../components/HintBar.tsx';
import {Lines} from '../../components/Line.tsx';
import {translatorOf} from '../../format/index.ts';
import {usePaneContext} from '../../hooks/usePaneContext.ts';
import {CommandInput} from '../../input/CommandInput.tsx';
import {initialEditor, lineEditorReducer} from '../../input/lineEditor.ts';
import {hintsFor, useKeys, type Action} from '../../keys.ts';
import {clipLines} from '../../layout/clip.ts';
import {LessonPanes, PANE_ORDER, type LogControl, type PaneId} from './LessonPanes.tsx';
import {proseLines} from './proseLines.ts';
import {lessonPorts, stepFocus} from './taskFocus.ts';
import {useSession} from './useSession.ts';

export interface LessonScreenProps {
  open(): LessonSession;
  presenter?: boolean;
  onBack(): void;
  /** code: 0 for q, 130 for Ctrl+C. */
  onQuit(code: number): void;
}

const RESERVED = 3; // title line, input line, hint bar

export function LessonScreen({open, presenter = false, onBack, onQuit}: LessonScreenProps) {
  const {session, state} = useSession(open);
  const {lesson} = session;
  const {t, i18n} = useTranslation();
  const translate = translatorOf(i18n);
  const ctx = usePaneContext();
  const {columns, rows} = useWindowSize();
  const [focused, setFocused] = useState<PaneId>('prose');
  const [cursor, setCursor] = useState(0);
  const [typing, setTyping] = useState(false);
  const [overlay, setOverlay] = useState<'none' | 'help' | 'confirm'>('none');
  const [logScroll, setLogScroll] = useState(0);
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
    setCursor(0);
  }
  const prose = (key: string) => t(`${lesson.id}:${key}`);
  const paneHeight = Math.max(1, rows - RESERVED);

  const onAction = (action: Action) => {
    if (action === 'interrupt') return onQuit(130);
    if (overlay === 'confirm') {
      if (action === 'confirmYes') onQuit(0);
      else if (action === 'confirmNo') setOverlay('none');
      return;
    }
    if (overlay === 'help') {
      if (action === 'back' || action === 'help' || action === 'previous') setOverlay('none');
      return;
    }
    if (typing) {
      if (action === 'nextPane') setFocused(nextPane(focused, 1));
      return;
    }
    switch (action) {
      case 'up':
        if (focus === 'ask') setCursor((c) => Math.max(0, c - 1));
        else if (focused === 'log') setLogScroll((s) => Math.min(s + 1, logControl.current?.maxScroll(paneHeight) ?? 0));
        break;
      case 'down':
        if (focus === 'ask' && step?.kind === 'ask') setCursor((c) => Math.min(step.choices.length - 1, c + 1));
        else if (focused === 'log') setLogScroll((s) => Math.max(0, s - 1));
        break;
      case 'enter':
        if (focus === 'ask') session.answer(cursor);
        else if (focus === 'finished') onBack();
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
        setFocused(nextPane(focused, 1));
        break;
      case 'prevPane':
        setFocused(nextPane(focused, -1));
        break;
      case 'pageUp':
        setLogScroll((s) => Math.min(s + Math.max(1, paneHeight - 2), logControl.current?.maxScroll(paneHeight) ?? 0));
        break;
      case 'pageDown':
        setLogScroll((s) => Math.max(0, s - Math.max(1, paneHeight - 2)));
        break;
      case 'help':
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
  const title = `${t(`${lesson.id}:title`)} · ${state.index + 1}/${lesson.steps.length}`;
  const hints = overlay === 'confirm' ? hintsFor('confirm') : typing ? hintsFor('typing') : hintsFor(focus === 'task' ? 'task' : 'lesson', {presenter});

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Lines lines={[[{text: ctx.text.cell(title, columns), role: 'focus'}]]} />
      {overlay === 'help' ? (
        <HelpOverlay width={columns} height={paneHeight} presenter={presenter} />
      ) : lab && state.phase !== 'opening' ? (
        <LessonPanes
          key={state.generation}
          lab={lab}
          focused={focused}
          reserveRows={RESERVED}
          ports={lessonPorts(state.values)}
          presenter={presenter}
          logScroll={logScroll}
          logControl={logControl}
          proseTitle={t('ui:pane.prose')}
          renderProse={({width, height}) => (
            <Lines lines={clipLines(proseLines({lesson, state, prose, t: translate, width, cursor}, ctx), height, 'tail').lines} />
          )}
        />
      ) : (
        <Box height={paneHeight}>
          <Text dimColor>{t('lessons:runner.running')}</Text>
        </Box>
      )}
      {overlay === 'confirm' ? (
        <ConfirmQuit width={columns} />
      ) : (
        <CommandInput
          editor={editor}
          dispatch={edit}
          onSubmit={submit}
          onCancel={() => setTyping(false)}
          active={typing && overlay === 'none'}
          width={columns}
          placeholder={focus === 'task' ? t('lessons:runner.keys.prompt') : ''}
        />
      )}
      <HintBar hints={hints} width={columns} />
    </Box>
  );
}

function nextPane(current: PaneId, delta: number): PaneId {
  const i = PANE_ORDER.indexOf(current);
  return PANE_ORDER[(i + delta + PANE_ORDER.length) % PANE_ORDER.length]!;
}
