import {hasBidiFormatting, LRI, PDI} from './controls.ts';

// A "word" of printable ASCII: addresses (127.0.0.1:5000, [::1]:80), ports, command
// words, API names. Inside a right-to-left paragraph such runs must stay intact and
// left-to-right, so they are wrapped in LRI…PDI before the bidi algorithm runs.
const ASCII_WORD_RE = /[!-~]+/g;
const ALNUM_RE = /[A-Za-z0-9]/;
const LEADING = '("\'`';
const TRAILING = '.,;:!?"\'`';
const PAIRS: Record<string, string> = {')': '(', ']': '[', '}': '{', '>': '<'};
const OPENERS: Record<string, string> = {'(': ')', '[': ']', '{': '}', '<': '>'};

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

interface Run { start: number; end: number; wordStart: number; wordEnd: number }

export interface Isolated {
  text: string;
  /** source[k] = index in the input of text[k], or -1 for an inserted LRI/PDI. */
  source: number[];
}

/**
 * Wrap each run of ASCII words (with at least one letter or digit) in LRI…PDI. Words
 * joined only by spaces form one run, so "listen tcp 127.0.0.1:0" keeps its word order.
 * Text that already carries bidi controls is left to its author.
 */
export function isolateLtrRuns(input: string): Isolated {
  const identity = (): Isolated => ({text: input, source: Array.from({length: input.length}, (_, i) => i)});
  if (hasBidiFormatting(input)) return identity();

  const runs: Run[] = [];
  for (const m of input.matchAll(ASCII_WORD_RE)) {
    const word = m[0];
    const [s, e] = core(word);
    if (s >= e || !ALNUM_RE.test(word.slice(s, e))) continue;
    const run: Run = {start: m.index + s, end: m.index + e, wordStart: m.index, wordEnd: m.index + word.length};
    const prev = runs.at(-1);
    const gap = prev ? input.slice(prev.end, run.start) : '';
    // Merge with the previous run across spaces (and symbol-only ASCII words such as
    // "->"), but never across sentence punctuation or non-ASCII text.
    if (
      prev &&
      prev.end === prev.wordEnd &&
      run.start === run.wordStart &&
      /^ +(?:[!-~]+ +)*$/.test(gap) &&
      !/[.,;:!?](?: |$)/.test(gap)
    ) {
      prev.end = run.end;
      prev.wordEnd = run.wordEnd;
    } else {
      runs.push(run);
    }
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
  for (const r of runs) {
    copy(r.start);
    text += LRI;
    source.push(-1);
    copy(r.end);
    text += PDI;
    source.push(-1);
  }
  copy(input.length);
  return {text, source};
}
