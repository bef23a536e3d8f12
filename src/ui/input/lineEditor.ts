// A one-line editor as a reducer: text, cursor, and history browsing. Pure, so the
// REPL and the lesson prompt share it and tests need no terminal.

export interface LineEditorState {
  text: string;
  /** Cursor position in UTF-16 units, always on a code point boundary. */
  cursor: number;
  history: readonly string[];
  /** Index into history while browsing with ↑/↓; history.length means "the new line". */
  browsing: number;
  /** The unfinished line kept aside while browsing. */
  draft: string;
}

export type LineEditorAction =
  | {type: 'insert'; text: string}
  | {type: 'backspace'}
  | {type: 'delete'}
  | {type: 'left'}
  | {type: 'right'}
  | {type: 'home'}
  | {type: 'end'}
  | {type: 'historyUp'}
  | {type: 'historyDown'}
  | {type: 'set'; text: string}
  | {type: 'submit'}
  | {type: 'clear'};

/** Longest line the editor keeps; longer input is cut (the command parser says why). */
export const MAX_LINE = 100_000;
export const HISTORY_LIMIT = 500;

export function initialEditor(history: readonly string[] = []): LineEditorState {
  return {text: '', cursor: 0, history, browsing: history.length, draft: ''};
}

export function lineEditorReducer(state: LineEditorState, action: LineEditorAction): LineEditorState {
  const {text, cursor} = state;
  switch (action.type) {
    case 'insert': {
      // Pasted newlines and other control characters become spaces: one line only.
      const clean = action.text.replace(/[\u0000-\u001f\u007f]/g, ' ');
      const next = (text.slice(0, cursor) + clean + text.slice(cursor)).slice(0, MAX_LINE);
      return {...state, text: next, cursor: Math.min(next.length, cursor + clean.length)};
    }
    case 'backspace': {
      if (cursor === 0) return state;
      const from = cursor - charBefore(text, cursor);
      return {...state, text: text.slice(0, from) + text.slice(cursor), cursor: from};
    }
    case 'delete':
      if (cursor >= text.length) return state;
      return {...state, text: text.slice(0, cursor) + text.slice(cursor + charAt(text, cursor))};
    case 'left':
      return {...state, cursor: cursor - charBefore(text, cursor)};
    case 'right':
      return {...state, cursor: Math.min(text.length, cursor + charAt(text, cursor))};
    case 'home':
      return {...state, cursor: 0};
    case 'end':
      return {...state, cursor: text.length};
    case 'historyUp': {
      if (state.browsing === 0) return state;
      const browsing = state.browsing - 1;
      const draft = state.browsing === state.history.length ? text : state.draft;
      const line = state.history[browsing] ?? '';
      return {...state, browsing, draft, text: line, cursor: line.length};
    }
    case 'historyDown': {
      if (state.browsing >= state.history.length) return state;
      const browsing = state.browsing + 1;
      const line = browsing === state.history.length ? state.draft : (state.history[browsing] ?? '');
      return {...state, browsing, text: line, cursor: line.length};
    }
    case 'set':
      return {...state, text: action.text, cursor: action.text.length};
    case 'submit': {
      const line = text.trim();
      const history = line && state.history.at(-1) !== line ? [...state.history, line].slice(-HISTORY_LIMIT) : state.history;
      return {text: '', cursor: 0, history, browsing: history.length, draft: ''};
    }
    case 'clear':
      return {...state, text: '', cursor: 0, browsing: state.history.length, draft: ''};
  }
}

function charAt(text: string, i: number): number {
  const code = text.codePointAt(i);
  return code === undefined ? 0 : code > 0xffff ? 2 : 1;
}

function charBefore(text: string, i: number): number {
  if (i === 0) return 0;
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}
