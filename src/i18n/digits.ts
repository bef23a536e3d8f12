// Prose numbers follow the language (Persian digits in Persian); anything a learner may
// type or copy — ports, addresses, commands — stays in ASCII digits.

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lng: string, grouping: boolean): Intl.NumberFormat {
  const key = `${lng}|${grouping}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, {useGrouping: grouping, maximumFractionDigits: 20});
    formats.set(key, f);
  }
  return f;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** A count or other prose number: "۱٬۲۳۴" in fa, "1 234" in ru, "1,234" in en. */
export function formatNumber(n: number, lng: string, options: {grouping?: boolean} = {}): string {
  // Small whole numbers (step counts, lesson numbers) need no grouping: written here, so
  // a start-up that shows only those never builds an Intl.NumberFormat (~10 ms, once).
  // test/bidi/digits.test.ts checks these against Intl for every one.
  if (Number.isInteger(n) && n >= 0 && n < 1000) {
    if (lng === 'en' || lng === 'ru') return String(n);
    if (lng === 'fa') return String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);
  }
  return numberFormat(lng, options.grouping ?? true).format(n);
}

/** A port number: always ASCII digits, never grouped ("5000", not "5,000" or "۵۰۰۰"). */
export function formatPort(n: number): string {
  return String(Math.trunc(n));
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}
