// Small statistics over a list of numbers: what every figure in the report is made of.

/** The p-th percentile (0–100) by nearest rank of an already sorted list. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** {n, median, min, max} (and p95 when asked), rounded to `digits`. */
export function summary(values, {digits = 1, p95 = false} = {}) {
  const s = [...values].sort((a, b) => a - b);
  const r = (x) => +x.toFixed(digits);
  const out = {n: s.length, median: r(median(s)), min: r(s[0] ?? NaN), max: r(s.at(-1) ?? NaN)};
  if (p95) out.p95 = r(percentile(s, 95));
  return out;
}
