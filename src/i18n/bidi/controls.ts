// Characters that steer the bidi algorithm or joining but must not reach a terminal
// that does not understand them: LRM RLM ALM, LRE…RLO, LRI…PDI, ZWNJ, ZWJ.
// After shaping and reordering they have done their job.
const CONTROL_RE = /[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const BIDI_FORMAT_RE = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

export const LRI = '\u2066';
export const PDI = '\u2069';

export function stripLayoutControls(text: string): string {
  return text.replace(CONTROL_RE, '');
}

/** Does the text carry explicit bidi formatting of its own (marks, embeddings, isolates)? */
export function hasBidiFormatting(text: string): boolean {
  return BIDI_FORMAT_RE.test(text);
}

// Hebrew, Arabic (incl. supplements, extended, presentation forms), Syriac, Thaana, NKo…
const RTL_RE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u202b\u202e\u2067]/u;

/** Quick test: can this text need reordering at all? (False for Russian and English.) */
export function hasRtl(text: string): boolean {
  return RTL_RE.test(text);
}
