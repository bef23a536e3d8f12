import {Text, useInput} from 'ink';
import type {Dispatch} from 'react';
import {usePaneContext} from '../hooks/usePaneContext.ts';
import {textWidth} from '../layout/text.ts';
import type {LineEditorAction, LineEditorState} from './lineEditor.ts';

export interface CommandInputProps {
  editor: LineEditorState;
  dispatch: Dispatch<LineEditorAction>;
  /** Called with the trimmed line on Enter (also when empty). */
  onSubmit(line: string): void;
  /** Esc: leave the input. */
  onCancel?(): void;
  /** Tab (backward: Shift+Tab): complete the word before the cursor, or move between panes. */
  onTab?(backward: boolean): void;
  active: boolean;
  width: number;
  prompt?: string;
  placeholder?: string;
}

/** The command line: `› text` with a visible cursor; the tail stays in view when long. */
export function CommandInput({editor, dispatch, onSubmit, onCancel, onTab, active, width, prompt = '› ', placeholder}: CommandInputProps) {
  // Fast typing and pastes arrive as one chunk: "cmd one\rcmd two\r". Each line break
  // submits the line before it, as if Enter had been pressed there.
  const typed = (input: string) => {
    const parts = input.split(/\r\n|\r|\n/);
    if (parts.length === 1) return dispatch({type: 'insert', text: input});
    const first = editor.text.slice(0, editor.cursor) + parts[0] + editor.text.slice(editor.cursor);
    for (const line of [first, ...parts.slice(1, -1)]) {
      onSubmit(line.trim());
      dispatch({type: 'set', text: line});
      dispatch({type: 'submit'});
    }
    if (parts.at(-1)) dispatch({type: 'insert', text: parts.at(-1)!});
  };
  useInput(
    (input, key) => {
      if (key.return) {
        onSubmit(editor.text.trim());
        dispatch({type: 'submit'});
      } else if (key.escape) onCancel?.();
      else if (key.tab) onTab?.(Boolean(key.shift));
      else if (key.upArrow) dispatch({type: 'historyUp'});
      else if (key.downArrow) dispatch({type: 'historyDown'});
      else if (key.leftArrow) dispatch({type: 'left'});
      else if (key.rightArrow) dispatch({type: 'right'});
      else if (key.home || (key.ctrl && input === 'a')) dispatch({type: 'home'});
      else if (key.end || (key.ctrl && input === 'e')) dispatch({type: 'end'});
      else if (key.backspace) dispatch({type: 'backspace'});
      else if (key.delete) dispatch({type: 'delete'});
      else if (key.ctrl && input === 'u') dispatch({type: 'clear'});
      else if (input && !key.ctrl && !key.meta) typed(input);
    },
    {isActive: active},
  );
  const {text: layout} = usePaneContext();
  const room = Math.max(4, width - prompt.length - 1);
  // The hint in an empty line is prose: laid out (Persian in app mode), right after the prompt.
  const hint = placeholder ? layout.cell(placeholder, Math.min(textWidth(placeholder), room)) : '';
  const start = Math.max(0, editor.cursor - room + 1);
  const visible = editor.text.slice(start, start + room);
  const at = editor.cursor - start;
  if (!active) {
    return (
      <Text dimColor wrap="truncate-end">
        {prompt}
        {editor.text || hint}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      <Text bold>{prompt}</Text>
      {visible.slice(0, at)}
      <Text inverse>{visible[at] ?? ' '}</Text>
      {visible.slice(at + 1)}
      {editor.text === '' && hint ? <Text dimColor>{hint}</Text> : null}
    </Text>
  );
}
