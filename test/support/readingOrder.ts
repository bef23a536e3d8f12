// How a Persian reader reads a screen line of mixed text (issue 12), written apart from
// the app's layout code so it can judge it: right to left, except that each run of Latin
// — Latin (or Cyrillic) words and ASCII numbers with the spaces and punctuation between them, the
// Persian comma included — is read left to right as one unit, and so is each Persian
// number. A line "reads right" when the words it gives, in that order, are the words of
// the logical text.
//
// Nothing here imports src/: the screen text goes in, words come out.

let segmenter: Intl.Segmenter | undefined;
const clusters = (s: string): string[] => {
  segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
  return [...segmenter.segment(s)].map((x) => x.segment);
};

/** Left-to-right letters (Latin, Cyrillic, Greek…) and ASCII digits. */
const LATIN = /^(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])[\p{L}0-9]/u;
const PERSIAN_DIGIT = /^[\u06F0-\u06F9\u0660-\u0669]/u;
const NUMBER_SEPARATOR = /^[\u066B\u066C.,:/]$/u;
/** Spaces and punctuation that stand inside a Latin run: not a letter, digit or mark of
 *  any script, no line or tab break, and nothing Arabic-script but the comma «،». */
const JOINER = /^[^\p{L}\p{N}\p{M}\t\n\r\u0600-\u060B\u060D-\u06FF]+$/u;
const CONTROLS = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

type Kind = 'latin' | 'digit' | 'joiner' | 'other';

function kind(cluster: string): Kind {
  const c = cluster.normalize('NFKC');
  if (LATIN.test(c)) return 'latin';
  if (PERSIAN_DIGIT.test(c)) return 'digit';
  if (JOINER.test(c)) return 'joiner';
  return 'other';
}

/** The units of a screen line, left to right as drawn: Latin runs and Persian numbers whole, anything else one cluster each. */
export function units(visual: string): string[][] {
  const cs = clusters(visual);
  const ks = cs.map(kind);
  const out: string[][] = [];
  for (let i = 0; i < cs.length; ) {
    if (ks[i] === 'latin') {
      let end = i + 1;
      // Take joiners only when another Latin letter or ASCII digit follows them.
      for (let j = end; j < cs.length; ) {
        let k = j;
        while (k < cs.length && ks[k] === 'joiner') k++;
        if (k < cs.length && ks[k] === 'latin') {
          end = k + 1;
          j = end;
        } else break;
      }
      out.push(cs.slice(i, end));
      i = end;
    } else if (ks[i] === 'digit') {
      let end = i + 1;
      while (end < cs.length && (ks[end] === 'digit' || (NUMBER_SEPARATOR.test(cs[end]!) && ks[end + 1] === 'digit'))) end++;
      out.push(cs.slice(i, end));
      i = end;
    } else {
      out.push([cs[i]!]);
      i++;
    }
  }
  return out;
}

/** A screen line as a Persian reader reads it: units right to left, each unit as written. */
export function readingOrder(visual: string): string {
  return units(visual)
    .reverse()
    .map((u) => u.map((c) => c.normalize('NFKC')).join(''))
    .join('')
    .replace(CONTROLS, '');
}

/** Words (letters, digits and their marks of any script), presentation forms folded, joiners dropped. */
export function words(text: string): string[] {
  return text.normalize('NFKC').replace(CONTROLS, '').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export interface Reading {
  ok: boolean;
  /** Words as read off the screen, line by line. */
  read: string[][];
  expected: string[];
  /** First screen line (0-based) whose words do not stand next in the text. */
  badLine?: number;
}

/**
 * Do these screen lines, each read as a Persian reader reads it and one after another,
 * give the words of `logical` in order? A word cut between two lines (no room for it on
 * one) may be read as its two halves.
 */
export function readsAs(lines: readonly string[], logical: string): Reading {
  const expected = words(logical);
  const read = lines.map((l) => words(readingOrder(l)));
  let at = 0;
  let carry = '';
  for (let n = 0; n < read.length; n++) {
    const line = read[n]!;
    for (let k = 0; k < line.length; k++) {
      const w = carry + line[k]!;
      carry = '';
      const want = expected[at];
      if (want === w) {
        at++;
        continue;
      }
      // The line's last word may continue on the next line.
      if (want !== undefined && k === line.length - 1 && n < read.length - 1 && want.startsWith(w)) {
        carry = w;
        continue;
      }
      return {ok: false, read, expected, badLine: n};
    }
  }
  const ok = carry === '' && at === expected.length;
  return ok ? {ok, read, expected} : {ok, read, expected, badLine: read.length - 1};
}

/** A failed reading, for a test message. */
export function explain(r: Reading, lines: readonly string[], logical: string): string {
  return [
    `logical:  ${logical}`,
    ...lines.map((l, i) => `${i === r.badLine ? '✗' : ' '} screen: ${l.trim()}\n    reads: ${r.read[i]!.join(' ')}`),
    `expected: ${r.expected.join(' ')}`,
  ].join('\n');
}
