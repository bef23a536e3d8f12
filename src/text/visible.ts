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

// Unsafe in every mode except that prose keeps \n (U+000A): the quick tests.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_LITERAL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\\"]/;
const NAMED: Record<number, string> = {0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x5c: '\\\\', 0x22: '\\"'};

// The escape of each UTF-16 unit below U+0100 per mode (undefined: shown as is). Every
// character visible() escapes is one unit, so a scan by unit never splits a pair.
const tables = {line: [] as (string | undefined)[], prose: [] as (string | undefined)[], literal: [] as (string | undefined)[]};
for (let c = 0; c < 0x100; c++) {
  const escape = NAMED[c] ?? `\\x${c.toString(16).padStart(2, '0')}`;
  const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
  tables.line[c] = control ? escape : undefined;
  tables.prose[c] = control && c !== 0x0a ? escape : undefined;
  tables.literal[c] = control || c === 0x5c || c === 0x22 ? escape : undefined;
}

function wideEscape(c: number, mode: VisibleMode): string | undefined {
  const unsafe =
    c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
    (mode === 'literal' && ((c >= 0x200b && c <= 0x200f) || c === 0x061c || c === 0xfeff));
  return unsafe ? `\\u{${c.toString(16)}}` : undefined;
}

/** `text` with everything that could steer a terminal shown as a visible escape. */
export function visible(text: string, mode: VisibleMode = 'line'): string {
  const quick = mode === 'literal' ? UNSAFE_LITERAL : mode === 'prose' ? UNSAFE : UNSAFE_LINE;
  if (!quick.test(text)) return text;
  const table = tables[mode];
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const escape = c < 0x100 ? table[c] : c >= 0x0600 ? wideEscape(c, mode) : undefined;
    if (escape === undefined) continue;
    out += text.slice(from, i) + escape;
    from = i + 1;
  }
  return out + text.slice(from);
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
  // Strings with nothing to escape are shared, not copied: one walk, one stringify.
  return `${JSON.stringify(visibleValues(record, ''))}\n`;
}

/** `value` with its strings made visible; parts with nothing to change are shared, not copied. */
function visibleValues(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (!UNSAFE_LINE.test(value)) return value;
    return visible(value, PROSE_FIELDS.has(key) || /^\d+$/.test(key) ? 'prose' : 'line');
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const w = visibleValues(v, String(i));
      if (w !== v) (out ??= [...value])[i] = w;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const w = visibleValues(v, k);
    if (w !== v) (out ??= {...value})[k] = w;
  }
  return out ?? value;
}
