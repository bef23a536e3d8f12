// Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits read as ASCII digits.
// Private to src/commands: one character in, one character out, so columns stay valid.
// (src/i18n/digits.ts exports the app-wide toAsciiDigits; this stays tiny and local so
// the parser has no dependency on the i18n layer.)

export function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
  return ch;
}
