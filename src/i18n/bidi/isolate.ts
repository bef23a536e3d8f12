import {hasBidiFormatting, LRI, PDI} from './controls.ts';

// Latin runs in a right-to-left paragraph: Latin words and ASCII numbers together with
// the spaces and punctuation between them (the Persian comma too) are one left-to-right
// unit, the way a Persian reader reads them and the way UAX #9 joins them (rule N1).
// Each run is wrapped in LRI…PDI before the bidi algorithm runs, so an address followed
// by an English verb ("127.0.0.1:5000 bind"), a command with a quoted string
// (`send uc "ping"`) and a list ("TCP, UDP") each keep their order.
const ASCII_WORD_RE = /[!-~]+/g;
const ALNUM_RE = /[A-Za-z0-9]/;
const LEADING = '("\'`';
// Sentence punctuation after a run is the sentence's, except an ASCII "?" stuck to a
// Latin word: Persian asks with «؟», so "is anyone there?" keeps its question mark.
const TRAILING = '.,;:!"\'`';
const PAIRS: Record<string, string> = {')': '(', ']': '[', '}': '{', '>': '<'};
const OPENERS: Record<string, string> = {'(': ')', '[': ']', '{': '}', '<': '>'};
/** What may stand between two Latin words of one run: anything but letters, digits, marks,
 *  line and segment breaks, and Arabic-script signs other than the comma «،». */
const JOIN_GAP_RE = /^[^\p{L}\p{N}\p{M}\t\n\r\u2028\u2029\u0600-\u060b\u060d-\u06ff\u200c-\u200f]+$/u;
/** The closing mark of a quotation or aside that a run can stand in. */
const QUOTE_CLOSERS: Record<string, string> = {'"': '"', '`': '`', "'": "'", '«': '»', '“': '”', '(': ')', '[': ']'};
const SENTENCE_PUNCT = '.,;:!?…';
const BALANCED_QUOTES = ['"', '`'];

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Trim sentence punctuation and unbalanced brackets off an ASCII word; [start, end). */
function core(word: string): [number, number] {
  let start = 0;
  let end = word.length;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const body = word.slice(start, end);
    const first = word[start]!;
    const last = word[end - 1]!;
    if (LEADING.includes(first) || (OPENERS[first] && count(body, first) > count(body, OPENERS[first]))) {
      start++;
      changed = true;
    } else if (TRAILING.includes(last) || (PAIRS[last] && count(body, last) > count(body, PAIRS[last]))) {
      end--;
      changed = true;
    }
  }
  return [start, end];
}

interface Run { start: number; end: number }

/** Marks next to a run that belong to it: punctuation inside a quotation, a quote or
 *  bracket whose partner is inside the run. Only non-space, non-letter characters. */
function widen(input: string, run: Run): Run {
  let {start, end} = run;
  const attached = (i: number) => i >= 0 && i < input.length && !/[\s\p{L}\p{N}]/u.test(input[i]!);

  // «send c1 is anyone there?» — the question mark is the quotation's, not the sentence's.
  const closer = QUOTE_CLOSERS[input[start - 1] ?? ''];
  if (closer) {
    let j = end;
    while (j < input.length && SENTENCE_PUNCT.includes(input[j]!)) j++;
    if (j > end && input[j] === closer) end = j;
  }
  // send uc "ping" — the closing quote belongs with the opening one inside the run.
  for (const q of BALANCED_QUOTES) {
    if (count(input.slice(start, end), q) % 2 === 0) continue;
    let j = end;
    while (attached(j) && input[j] !== q) j++;
    if (attached(j)) {
      end = j + 1;
      continue;
    }
    let i = start - 1;
    while (attached(i) && input[i] !== q) i--;
    if (attached(i)) start = i;
  }
  // Unix (AF_UNIX — and its closing bracket; likewise an opener before the run.
  for (const [open, close] of Object.entries(OPENERS)) {
    let open_ = count(input.slice(start, end), open) - count(input.slice(start, end), close);
    for (let j = end; open_ > 0 && attached(j); j++) {
      if (input[j] === close && --open_ === 0) end = j + 1;
    }
    for (let i = start - 1; open_ < 0 && attached(i); i--) {
      if (input[i] === open && ++open_ === 0) start = i;
    }
  }
  return {start, end};
}

export interface Isolated {
  text: string;
  /** source[k] = index in the input of text[k], or -1 for an inserted LRI/PDI. */
  source: number[];
}

/**
 * Wrap each Latin run (ASCII words with at least one letter or digit, and the spaces and
 * punctuation between them) in LRI…PDI. Text that already carries bidi controls is left
 * to its author.
 */
export function isolateLtrRuns(input: string): Isolated {
  const identity = (): Isolated => ({text: input, source: Array.from({length: input.length}, (_, i) => i)});
  if (hasBidiFormatting(input)) return identity();

  const runs: Run[] = [];
  for (const m of input.matchAll(ASCII_WORD_RE)) {
    const [s, e] = core(m[0]);
    if (s >= e || !ALNUM_RE.test(m[0].slice(s, e))) continue;
    const run: Run = {start: m.index + s, end: m.index + e};
    const prev = runs.at(-1);
    if (prev && JOIN_GAP_RE.test(input.slice(prev.end, run.start))) prev.end = run.end;
    else runs.push(run);
  }
  if (runs.length === 0) return identity();

  let text = '';
  const source: number[] = [];
  let pos = 0;
  const copy = (to: number) => {
    text += input.slice(pos, to);
    for (let i = pos; i < to; i++) source.push(i);
    pos = to;
  };
  for (const raw of runs) {
    const r = widen(input, {start: Math.max(raw.start, pos), end: raw.end});
    const start = Math.max(r.start, pos);
    copy(start);
    text += LRI;
    source.push(-1);
    copy(r.end);
    text += PDI;
    source.push(-1);
  }
  copy(input.length);
  return {text, source};
}
