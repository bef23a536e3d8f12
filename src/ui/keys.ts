// Every key binding of the app, in one table: what the keys are, what they do, and what
// the footer and the help overlay say about them. Screens ask for *actions*, never keys.
import {useInput, type Key} from 'ink';

export type Action =
  | 'up'
  | 'down'
  | 'enter'
  | 'back'
  | 'previous'
  | 'next'
  | 'nextPane'
  | 'prevPane'
  | 'pageUp'
  | 'pageDown'
  | 'help'
  | 'toggleSecondLanguage'
  | 'quit'
  | 'reveal'
  | 'confirmYes'
  | 'confirmNo'
  | 'interrupt'
  // Lesson steps:
  | 'hint'
  | 'showMe'
  | 'rerun'
  | 'reset'
  | 'type'
  // Screens of the shell:
  | 'settings'
  // The workshop: the instructor's wall and the learner's screen.
  | 'poll'
  | 'revealAnswer'
  | 'experiment'
  | 'endExperiment'
  | 'grid'
  | 'kick'
  | 'stuck'
  /** A digit: the answer (or language) with that number; the digit comes with the action. */
  | 'choose';

/** Boolean flags of ink's Key that a binding may test. */
type KeyFlag = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete' | 'pageUp' | 'pageDown';

interface Match {
  flag?: KeyFlag;
  /** Typed characters; letters include the same physical key on Russian (ЙЦУКЕН) and Persian (ISIRI 9147) layouts, so nobody has to switch layout to press `q`. */
  chars?: readonly string[];
  shift?: boolean;
  ctrl?: boolean;
}

/** When the binding is live. */
export type KeyMode = 'normal' | 'confirm';

export interface Binding {
  action: Action;
  /** The key names shown on screen: key caps are Latin on every keyboard. */
  keys: string;
  match: readonly Match[];
  mode: KeyMode;
  /** Only in presenter mode (--present). */
  presenter?: boolean;
  /** Keys of the lessons only, or of the workshop's screens only (for the help overlay). */
  scope?: 'lesson' | 'workshop';
}

export const bindings: readonly Binding[] = [
  {action: 'up', keys: '↑ k', match: [{flag: 'upArrow'}, {chars: ['k', 'л', 'ن']}], mode: 'normal'},
  {action: 'down', keys: '↓ j', match: [{flag: 'downArrow'}, {chars: ['j', 'о', 'ت']}], mode: 'normal'},
  {action: 'enter', keys: 'Enter', match: [{flag: 'return'}], mode: 'normal'},
  {action: 'back', keys: 'Esc', match: [{flag: 'escape'}], mode: 'normal'},
  {action: 'previous', keys: '← ⌫', match: [{flag: 'leftArrow'}, {flag: 'backspace'}], mode: 'normal'},
  {action: 'next', keys: '→', match: [{flag: 'rightArrow'}], mode: 'normal'},
  {action: 'prevPane', keys: 'Shift+Tab', match: [{flag: 'tab', shift: true}], mode: 'normal'},
  {action: 'nextPane', keys: 'Tab', match: [{flag: 'tab'}], mode: 'normal'},
  {action: 'pageUp', keys: 'PgUp', match: [{flag: 'pageUp'}], mode: 'normal'},
  {action: 'pageDown', keys: 'PgDn', match: [{flag: 'pageDown'}], mode: 'normal'},
  {action: 'help', keys: '?', match: [{chars: ['?', '؟']}], mode: 'normal'},
  {action: 'toggleSecondLanguage', keys: 't', match: [{chars: ['t', 'е', 'ف']}], mode: 'normal', scope: 'lesson'},
  {action: 'quit', keys: 'q', match: [{chars: ['q', 'й', 'ض']}], mode: 'normal'},
  {action: 'hint', keys: 'h', match: [{chars: ['h', 'р', 'ا']}], mode: 'normal', scope: 'lesson'},
  {action: 'showMe', keys: 's', match: [{chars: ['s', 'ы', 'س']}], mode: 'normal', scope: 'lesson'},
  {action: 'rerun', keys: 'r', match: [{chars: ['r', 'к', 'ق']}], mode: 'normal', scope: 'lesson'},
  {action: 'reset', keys: 'x', match: [{chars: ['x', 'ч', 'ط']}], mode: 'normal', scope: 'lesson'},
  {action: 'type', keys: ':', match: [{chars: [':', '/']}], mode: 'normal', scope: 'lesson'},
  {action: 'settings', keys: ',', match: [{chars: [',', '،', 'б', 'و']}], mode: 'normal', scope: 'lesson'},
  // The workshop (letters free elsewhere; the same physical keys on ЙЦУКЕН and ISIRI 9147).
  {action: 'poll', keys: 'p', match: [{chars: ['p', 'з', 'ح']}], mode: 'normal', scope: 'workshop'},
  {action: 'revealAnswer', keys: 'a', match: [{chars: ['a', 'ф', 'ش']}], mode: 'normal', scope: 'workshop'},
  {action: 'experiment', keys: 'e', match: [{chars: ['e', 'у', 'ث']}], mode: 'normal', scope: 'workshop'},
  {action: 'endExperiment', keys: 'd', match: [{chars: ['d', 'в', 'ی']}], mode: 'normal', scope: 'workshop'},
  {action: 'grid', keys: 'g', match: [{chars: ['g', 'п', 'ل']}], mode: 'normal', scope: 'workshop'},
  {action: 'kick', keys: 'Del', match: [{flag: 'delete'}], mode: 'normal', scope: 'workshop'},
  {action: 'stuck', keys: '!', match: [{chars: ['!']}], mode: 'normal', scope: 'workshop'},
  // ASCII, Persian (۱–۹) and Arabic-Indic (١–٩) digits: no layout switch to answer.
  {action: 'choose', keys: '1–9', match: [{chars: [...'123456789', ...'۱۲۳۴۵۶۷۸۹', ...'١٢٣٤٥٦٧٨٩']}], mode: 'normal'},
  {action: 'reveal', keys: 'Space', match: [{chars: [' ']}], mode: 'normal', presenter: true},
  {action: 'confirmYes', keys: 'y q', match: [{chars: ['y', 'н', 'غ', 'q', 'й', 'ض']}, {flag: 'return'}], mode: 'confirm'},
  {action: 'confirmNo', keys: 'n Esc', match: [{chars: ['n', 'т', 'د']}, {flag: 'escape'}, {flag: 'backspace'}], mode: 'confirm'},
];

export interface KeyContext {
  mode?: KeyMode;
  presenter?: boolean;
  /** The learner is typing a command: letters, `?` and Space are text, not actions. */
  typing?: boolean;
}

/** The action for one key press, or undefined. Ctrl+C is always 'interrupt'. */
export function actionFor(input: string, key: Partial<Key>, context: KeyContext = {}): Action | undefined {
  if (key.eventType === 'release') return undefined; // kitty protocol: act on press only
  if (key.ctrl && (input === 'c' || input === '\u0003')) return 'interrupt';
  const mode = context.mode ?? 'normal';
  for (const binding of bindings) {
    if (binding.mode !== mode) continue;
    if (binding.presenter && !context.presenter) continue;
    if (binding.match.some((m) => matches(m, input, key, context))) return binding.action;
  }
  return undefined;
}

function matches(m: Match, input: string, key: Partial<Key>, context: KeyContext): boolean {
  if (m.flag) {
    if (!key[m.flag]) return false;
    if (m.flag === 'backspace' && context.typing) return false; // it deletes a character
    if (m.shift !== undefined && Boolean(key.shift) !== m.shift) return false;
    return !key.ctrl;
  }
  if (m.chars) {
    // While a command is typed, characters are text (j, k, q, ?, Space…).
    if (context.typing || key.ctrl || key.meta) return false;
    // Layout alternates are lower case; Shift+letter stays unbound (free for later).
    return m.chars.includes(input);
  }
  return false;
}

export interface UseKeysOptions extends KeyContext {
  /** Off: no keys reach the handler (e.g. a pane that is not focused). Default on. */
  enabled?: boolean;
}

/** The number a 'choose' key stands for (1–9), whatever the digits' script. */
export function choiceNumber(input: string): number | undefined {
  const c = input.codePointAt(0) ?? 0;
  const n = c >= 0x06f1 && c <= 0x06f9 ? c - 0x06f0 : c >= 0x0661 && c <= 0x0669 ? c - 0x0660 : c >= 0x31 && c <= 0x39 ? c - 0x30 : 0;
  return input.length === 1 && n > 0 ? n : undefined;
}

/** Calls `handler` with the action of each key press that has one (and the typed character, for 'choose'). */
export function useKeys(handler: (action: Action, input: string) => void, options: UseKeysOptions = {}): void {
  const {enabled = true, ...context} = options;
  // ink's useInput always calls the latest closure (useEffectEvent), so no ref is needed.
  useInput(
    (input, key) => {
      const action = actionFor(input, key, context);
      if (action) return handler(action, input);
      // Keys pressed faster than the terminal is read arrive together ("jjq"): one each.
      if (input.length > 1 && !key.ctrl && !key.meta && !input.startsWith('\u001b')) {
        for (const char of input) {
          const each = char === '\r' ? actionFor('', {return: true}, context) : char === '\t' ? actionFor('', {tab: true}, context) : actionFor(char, {}, context);
          if (each) handler(each, char);
        }
      }
    },
    {isActive: enabled},
  );
}

/** What the footer shows; 'move' and 'scroll' stand for pairs of actions. */
export type HintId =
  | 'move' | 'enter' | 'back' | 'nextPane' | 'scroll' | 'help' | 'toggleSecondLanguage' | 'quit' | 'reveal' | 'confirmYes' | 'confirmNo'
  | 'hint' | 'showMe' | 'rerun' | 'reset' | 'type' | 'repl'
  // Enter, Esc and ← as they read in a lesson or at a prompt:
  | 'nextStep' | 'previousStep' | 'answer' | 'run' | 'toMenu'
  | 'settings' | 'change' | 'choose' | 'select'
  // The REPL with text on its line: Tab completes, Esc clears.
  | 'complete' | 'clearLine'
  // The workshop.
  | 'poll' | 'revealAnswer' | 'experiment' | 'endExperiment' | 'grid' | 'kick' | 'stuck' | 'answerPoll' | 'endRoom' | 'leaveRoom';

export interface Hint {
  id: HintId;
  /** Key names, Latin on every keyboard, except words such as Space, which ui.json translates. */
  keys: string;
  /** i18n key in the `ui` namespace for what the keys do. */
  labelKey: string;
  /** Lower numbers are dropped first when the footer is too narrow. */
  priority: number;
}

const hintTable: Record<HintId, Omit<Hint, 'id'>> = {
  move: {keys: '↑↓', labelKey: 'keys.move', priority: 3},
  enter: {keys: 'Enter', labelKey: 'keys.enter', priority: 4},
  nextStep: {keys: 'Enter', labelKey: 'lessons:runner.keys.next', priority: 9},
  previousStep: {keys: '←', labelKey: 'lessons:runner.keys.back', priority: 3},
  answer: {keys: 'Enter', labelKey: 'lessons:runner.keys.answer', priority: 9},
  run: {keys: 'Enter', labelKey: 'lessons:runner.keys.run', priority: 9},
  toMenu: {keys: 'Esc', labelKey: 'lessons:runner.keys.menu', priority: 5},
  back: {keys: 'Esc', labelKey: 'keys.back', priority: 5},
  nextPane: {keys: 'Tab', labelKey: 'keys.nextPane', priority: 6},
  scroll: {keys: 'PgUp/PgDn', labelKey: 'keys.scroll', priority: 1},
  help: {keys: '?', labelKey: 'keys.help', priority: 9},
  toggleSecondLanguage: {keys: 't', labelKey: 'keys.toggleSecondLanguage', priority: 2},
  quit: {keys: 'q', labelKey: 'keys.quit', priority: 8},
  reveal: {keys: 'Space', labelKey: 'keys.reveal', priority: 10},
  confirmYes: {keys: 'y', labelKey: 'keys.confirmYes', priority: 10},
  confirmNo: {keys: 'n', labelKey: 'keys.confirmNo', priority: 10},
  // Lesson steps; their words live with the runner's.
  hint: {keys: 'h', labelKey: 'lessons:runner.keys.hint', priority: 7},
  showMe: {keys: 's', labelKey: 'lessons:runner.keys.showMe', priority: 7},
  rerun: {keys: 'r', labelKey: 'lessons:runner.keys.rerun', priority: 2},
  reset: {keys: 'x', labelKey: 'lessons:runner.keys.reset', priority: 1},
  type: {keys: ':', labelKey: 'lessons:runner.keys.prompt', priority: 7},
  repl: {keys: ':', labelKey: 'app:menu.repl', priority: 6},
  settings: {keys: ',', labelKey: 'keys.settings', priority: 5},
  change: {keys: 'Enter →', labelKey: 'keys.change', priority: 7},
  choose: {keys: '1–9', labelKey: 'keys.choose', priority: 7},
  select: {keys: 'Enter', labelKey: 'keys.select', priority: 7},
  complete: {keys: 'Tab', labelKey: 'keys.complete', priority: 8},
  clearLine: {keys: 'Esc', labelKey: 'keys.clearLine', priority: 5},
  poll: {keys: 'p', labelKey: 'workshop:keys.poll', priority: 8},
  revealAnswer: {keys: 'a', labelKey: 'workshop:keys.reveal', priority: 7},
  experiment: {keys: 'e', labelKey: 'workshop:keys.experiment', priority: 8},
  endExperiment: {keys: 'd', labelKey: 'workshop:keys.end', priority: 6},
  grid: {keys: 'g', labelKey: 'workshop:keys.grid', priority: 6},
  kick: {keys: 'Del', labelKey: 'workshop:keys.kick', priority: 5},
  stuck: {keys: '!', labelKey: 'workshop:keys.stuck', priority: 8},
  answerPoll: {keys: '1–9', labelKey: 'workshop:keys.answer', priority: 9},
  endRoom: {keys: 'q', labelKey: 'workshop:keys.endRoom', priority: 8},
  leaveRoom: {keys: 'q', labelKey: 'workshop:keys.leave', priority: 8},
};

export type HintSet = 'menu' | 'lesson' | 'task' | 'typing' | 'repl' | 'replTyping' | 'help' | 'confirm' | 'ask' | 'settings' | 'about' | 'language' | 'wall' | 'wallGrid' | 'picker' | 'learner';

const hintSets: Record<HintSet, readonly HintId[]> = {
  menu: ['move', 'enter', 'repl', 'settings', 'toggleSecondLanguage', 'help', 'quit'],
  lesson: ['nextStep', 'previousStep', 'nextPane', 'scroll', 'toMenu', 'toggleSecondLanguage', 'help', 'quit'],
  task: ['type', 'hint', 'showMe', 'nextStep', 'nextPane', 'toMenu', 'help', 'quit'],
  typing: ['run', 'back'],
  // The REPL on an empty line: Tab moves between panes; with text on it (replTyping) Tab completes.
  repl: ['run', 'nextPane', 'scroll', 'help', 'back'],
  replTyping: ['run', 'complete', 'clearLine'],
  help: ['back'],
  confirm: ['confirmYes', 'confirmNo'],
  ask: ['choose', 'move', 'answer', 'nextPane', 'toMenu', 'toggleSecondLanguage', 'help', 'quit'],
  settings: ['move', 'change', 'back', 'help', 'quit'],
  about: ['back', 'help', 'quit'],
  language: ['move', 'select', 'quit'],
  wall: ['poll', 'revealAnswer', 'experiment', 'endExperiment', 'grid', 'help', 'endRoom'],
  wallGrid: ['move', 'kick', 'grid', 'help', 'endRoom'],
  picker: ['choose', 'move', 'select', 'back'],
  learner: ['answerPoll', 'stuck', 'help', 'leaveRoom'],
};

/** Screens where held events can be waiting for Space. */
const presenterSets: readonly HintSet[] = ['lesson', 'repl', 'task', 'ask'];

/** The hints the footer shows on a screen, in order; presenter mode adds Space. */
export function hintsFor(set: HintSet, options: {presenter?: boolean} = {}): Hint[] {
  const ids = [...hintSets[set]];
  if (options.presenter && presenterSets.includes(set)) ids.unshift('reveal');
  return ids.map((id) => ({id, ...hintTable[id]}));
}

/** Rows of the help overlay: every normal-mode binding, in table order. */
export function helpRows(options: {presenter?: boolean; workshop?: boolean} = {}): {action: Action; keys: string}[] {
  const hidden = options.workshop ? 'lesson' : 'workshop';
  return bindings
    .filter((b) => b.mode === 'normal' && (!b.presenter || options.presenter) && b.scope !== hidden)
    .map((b) => ({action: b.action, keys: b.keys}))
    .concat([{action: 'interrupt', keys: 'Ctrl+C'}]);
}
