// The one sanitiser for text that comes from outside the app: lesson packs, peers' bytes,
// other processes' names, file and socket paths. Anything that could act on a terminal
// instead of being shown — C0 and C1 controls (so every ESC/CSI/OSC/DCS sequence loses
// its introducer), DEL, line/paragraph separators and the bidi embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) — becomes a visible escape such as \x1b or
// \u{202e}. The app's own words never contain these; its bidi layout inserts its own
// isolates later, on text that has already been through here, and strips them again.
//
// Where it is called (the boundary):
// - on entry, for text that is only ever shown: pack prose and lesson files (pack load),
//   other programs' names (OS view reads);
// - where a value becomes text, for values the app must keep exact to use them: peer
//   bytes (quoted), Unix paths (endpointText), file names (lint lines), NDJSON strings;
// - and as the last step of every plain and NDJSON writer, a second line of defence.
// The result never contains an unsafe character, so a second pass changes nothing.

export type VisibleMode =
  /** Paragraphs: line feeds stay line feeds; everything else unsafe is escaped. */
  | 'prose'
  /** Names, paths, titles: one line, a line feed is shown as \n. */
  | 'line'
  /**
   * A literal inside quotes (received bytes): also \\ and \", and invisible formatting
   * characters (zero-width spaces and joiners, LRM/RLM/ALM, BOM) so every byte shows.
   */
  | 'literal';

// Unsafe in every mode except that prose keeps \n (U+000A).
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_PROSE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_LITERAL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\\"]/g;
const NAMED: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '"': '\\"'};

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const c = ch.codePointAt(0)!;
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`;
}

/** `text` with everything that could steer a terminal shown as a visible escape. */
export function visible(text: string, mode: VisibleMode = 'line'): string {
  if (mode === 'literal') return text.replace(UNSAFE_LITERAL, escapeChar);
  if (mode === 'prose') return UNSAFE.test(text) ? text.replace(UNSAFE_PROSE, escapeChar) : text;
  return text.replace(UNSAFE_ALL, escapeChar);
}

/** Received data as a quoted literal: "GET /\r\n" → "GET /\r\n" with the escapes visible. */
export function quoted(text: string): string {
  return `"${visible(text, 'literal')}"`;
}

/** Whether `text` holds anything `visible` would escape (prose rules). */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/** Every string inside a JSON-like value made visible (prose rules); other values kept. */
export function visibleDeep<T>(value: T, mode: VisibleMode = 'prose'): T {
  return walk(value, mode) as T;
}

function walk(value: unknown, mode: VisibleMode): unknown {
  if (typeof value === 'string') return visible(value, mode);
  if (Array.isArray(value)) return value.map((v) => walk(v, mode));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[visible(k, 'line')] = walk(v, mode);
    return out;
  }
  return value;
}

// NDJSON fields that are paragraphs (and items of lists of them): their line feeds are
// meant. Any other string (a path, a name, a peer's bytes) is one line: a newline in it,
// decoded by a reader (`jq -r`), would forge a line of output.
const PROSE_FIELDS = new Set(['text', 'title', 'summary', 'question', 'explanation', 'prompt']);

/** One NDJSON line whose every string value went through `visible`. */
export function ndjsonLine(record: unknown): string {
  const json = JSON.stringify(record, (key, value: unknown) =>
    typeof value === 'string' ? visible(value, PROSE_FIELDS.has(key) || /^\d+$/.test(key) ? 'prose' : 'line') : value,
  );
  return `${json}\n`;
}
