// The free REPL: type commands of the socket language, watch the socket table, diagram,
// event log and OS view change (the same panes the lessons use). Input line with history
// (kept across runs) and Tab completion of verbs and socket names; Tab on an empty line
// (and Shift+Tab) moves between the panes, so a small terminal can show each of them.
import {Box, Text} from 'ink';
import {useMemo, useReducer, useState} from 'react';
import {useTranslation} from 'react-i18next';
import {commonPrefix, completions} from '../../commands/complete.ts';
import {ensureLanguages} from '../../i18n/setup.ts';
import type {SocketLab} from '../../lab/types.ts';
import {LessonPanes, paneAfter, type PaneId} from '../app/lesson/LessonPanes.tsx';
import {HelpOverlay, helpMaxScroll} from '../components/HelpOverlay.tsx';
import {HintBar} from '../components/HintBar.tsx';
import {translatorOf} from '../format/translate.ts';
import {useLabSnapshot} from '../hooks/useLabSnapshot.ts';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {hintsFor, useKeys} from '../keys.ts';
import {CommandInput} from '../input/CommandInput.tsx';
import {initialEditor, lineEditorReducer, type LineEditorAction} from '../input/lineEditor.ts';
import {fileHistory, type HistoryStore} from './history.ts';
import {transcriptLines} from './transcript.ts';
import {TranscriptView} from './TranscriptView.tsx';
import {useRepl} from './useRepl.ts';

export interface ReplScreenProps {
  /** The lab to drive; its owner disposes it (after onQuit, on Ctrl+C, on any exit). */
  lab: SocketLab;
  width: number;
  height: number;
  /** Where typed lines are kept; default: repl-history in the user's config dir. */
  history?: HistoryStore;
  /** `quit` was typed (code 0), or Ctrl+C (code 130). */
  onQuit(code?: number): void;
  /** Esc on an empty line: back to the menu. */
  onBack?(): void;
  /** Bound on each command's waits (ms). */
  timeoutMs?: number;
}

/** Rows under the panes: the input line and the hint line. */
const RESERVED = 2;

export function ReplScreen({lab, width, height, history, onQuit, onBack, timeoutMs}: ReplScreenProps) {
  const {i18n} = useTranslation();
  const ctx = usePaneContext();
  const {text} = ctx;
  const t = translatorOf(i18n);
  const store = useMemo(() => history ?? fileHistory(), [history]);
  const [editor, dispatch] = useReducer(lineEditorReducer, undefined, () => initialEditor(store.load()));
  const repl = useRepl(lab, timeoutMs === undefined ? {} : {timeoutMs});
  const sockets = useLabSnapshot(lab);
  const [choices, setChoices] = useState<readonly string[]>([]);
  const [logScroll, setLogScroll] = useState(0);
  const [help, setHelp] = useState(false);
  const [helpScroll, setHelpScroll] = useState(0);
  const [focused, setFocused] = useState<PaneId>('prose');
  // `?` on an empty line opens the key help (no command starts with it); Esc or `?` closes it.
  const edit = (action: LineEditorAction) => {
    if (action.type === 'insert' && (action.text === '?' || action.text === '؟') && editor.text === '') {
      setHelpScroll(0);
      setHelp(true);
    } else dispatch(action);
  };
  // Keys other than the input's: Ctrl+C stops a running command (a long wait) or else
  // leaves, PgUp/PgDn scroll the event log.
  useKeys((action) => {
    if (action === 'interrupt') {
      if (repl.running === 0 || !repl.cancel()) onQuit(130);
    }
    else if (help) {
      if (action === 'back' || action === 'help') setHelp(false);
      const by = action === 'down' ? 1 : action === 'up' ? -1 : 0;
      if (by) setHelpScroll((s) => Math.max(0, Math.min(helpMaxScroll(width, height - RESERVED, false, ctx), s + by)));
    } else if (action === 'pageUp') setLogScroll((s) => s + 5);
    else if (action === 'pageDown') setLogScroll((s) => Math.max(0, s - 5));
  });
  const ports = useMemo(() => [...new Set(sockets.flatMap((s) => (s.local?.kind === 'inet' && s.local.port > 0 ? [s.local.port] : [])))], [sockets]);
  // Described again only when an entry or the language changes, not on every frame.
  const transcript = useMemo(() => transcriptLines(repl.entries, t), [repl.entries, i18n.language]);

  const submit = (line: string) => {
    setChoices([]);
    if (line === '') return;
    store.add(line);
    void repl.run(line).then(async (outcome) => {
      if (!outcome.ok) return;
      const r = outcome.result;
      if (r.verb === 'lang') {
        await ensureLanguages(i18n, [r.lng]);
        await i18n.changeLanguage(r.lng);
      }
      else if (r.verb === 'clear') repl.clear();
      else if (r.verb === 'quit') onQuit(0);
    });
  };

  // Tab with text completes it; on an empty line it moves to the next pane. Shift+Tab
  // (no completion of its own) always moves back.
  const tab = (backward: boolean) => {
    if (backward || editor.text === '') {
      setChoices([]);
      setFocused((f) => paneAfter(f, backward ? -1 : 1));
    } else complete();
  };

  const complete = () => {
    const before = editor.text.slice(0, editor.cursor);
    const {from, candidates} = completions(before, sockets.map((s) => s.name));
    const typed = before.slice(from);
    if (candidates.length === 0) return setChoices([]);
    // One candidate: finish the word and add a space. Several: add what they share, list them.
    const insert = candidates.length === 1 ? `${candidates[0]!} ` : commonPrefix(candidates);
    if (insert.length > typed.length && insert.toLowerCase().startsWith(typed.toLowerCase())) {
      dispatch({type: 'insert', text: insert.slice(typed.length)});
    }
    setChoices(candidates.length === 1 ? [] : candidates);
  };

  const cancel = () => {
    // Esc while a command runs stops it (a `wait` can take minutes); the line stays as typed.
    if (repl.running > 0 && repl.cancel()) return;
    if (editor.text === '') onBack?.();
    else dispatch({type: 'clear'});
  };

  // Completions and "running…" in words; otherwise the keys, as they work right now.
  const note = choices.length > 0 ? t('commands:repl.choices', {candidates: choices.join('  ')}) : repl.running > 0 ? t('commands:repl.running') : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {help ? <HelpOverlay width={width} height={Math.max(1, height - RESERVED)} scroll={helpScroll} /> : null}
      <LessonPanes
        hidden={help}
        lab={lab}
        focused={focused}
        reserveRows={RESERVED}
        ports={ports}
        presenter={false}
        logScroll={logScroll}
        proseTitle={t('ui:pane.repl')}
        collapsedHint={t('ui:pane.collapsedRepl')}
        renderProse={(size) => <TranscriptView lines={transcript} width={size.width} height={size.height} empty={t('commands:repl.intro')} />}
      />
      <CommandInput editor={editor} dispatch={edit} onSubmit={submit} onCancel={cancel} onTab={tab} active={!help} width={width} prompt={t('commands:repl.prompt')} />
      {note === undefined ? (
        <HintBar hints={hintsFor(help ? 'help' : editor.text === '' ? 'repl' : 'replTyping')} width={width} />
      ) : (
        <Text dimColor wrap="truncate-end">
          {text.cell(note, width)}
        </Text>
      )}
    </Box>
  );
}
