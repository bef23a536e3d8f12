// Arabic-script shaping for terminals that do not join letters themselves: each letter
// becomes its isolated/initial/medial/final presentation form, lam+alef a ligature.
//
// Why not arabic-persian-reshaper's convertArabic: in 1.0.1 it turns لآ, لأ and لإ
// into U+0000 (its combination table has only plain lam-alef), it drops a vowel mark
// sitting between lam and alef, it does not know ۀ (U+06C0) or ZWJ, and it gives no
// index map, which styled spans and the FriBidi reference need. The tables below are
// the Unicode ones (checked by test against NFKC and against GNU FriBidi).

type JoiningType = 'D' | 'R' | 'C' | 'T' | 'U';

// [base, first presentation form, count]: count 4 = isolated, final, initial, medial;
// count 2 = isolated, final; count 1 = isolated.
const FORM_RUNS: readonly (readonly [number, number, number])[] = [
  [0x0621, 0xfe80, 1], [0x0622, 0xfe81, 2], [0x0623, 0xfe83, 2], [0x0624, 0xfe85, 2],
  [0x0625, 0xfe87, 2], [0x0626, 0xfe89, 4], [0x0627, 0xfe8d, 2], [0x0628, 0xfe8f, 4],
  [0x0629, 0xfe93, 2], [0x062a, 0xfe95, 4], [0x062b, 0xfe99, 4], [0x062c, 0xfe9d, 4],
  [0x062d, 0xfea1, 4], [0x062e, 0xfea5, 4], [0x062f, 0xfea9, 2], [0x0630, 0xfeab, 2],
  [0x0631, 0xfead, 2], [0x0632, 0xfeaf, 2], [0x0633, 0xfeb1, 4], [0x0634, 0xfeb5, 4],
  [0x0635, 0xfeb9, 4], [0x0636, 0xfebd, 4], [0x0637, 0xfec1, 4], [0x0638, 0xfec5, 4],
  [0x0639, 0xfec9, 4], [0x063a, 0xfecd, 4], [0x0641, 0xfed1, 4], [0x0642, 0xfed5, 4],
  [0x0643, 0xfed9, 4], [0x0644, 0xfedd, 4], [0x0645, 0xfee1, 4], [0x0646, 0xfee5, 4],
  [0x0647, 0xfee9, 4], [0x0648, 0xfeed, 2], [0x0649, 0xfeef, 2], [0x064a, 0xfef1, 4],
  // Persian letters live in Presentation Forms-A.
  [0x067e, 0xfb56, 4], [0x0686, 0xfb7a, 4], [0x0698, 0xfb8a, 2], [0x06a9, 0xfb8e, 4],
  [0x06af, 0xfb92, 4], [0x06c0, 0xfba4, 2], [0x06cc, 0xfbfc, 4],
];

// Lam + (alef with madda, hamza above, hamza below, plain alef): [isolated, final].
const LAM = 0x0644;
const LAM_ALEF: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0x0622, [0xfef5, 0xfef6]], [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]], [0x0627, [0xfefb, 0xfefc]],
]);

// Joining types (Unicode ArabicShaping.txt) for the Arabic block.
const DUAL: readonly (readonly [number, number])[] = [
  [0x0620, 0x0620], [0x0626, 0x0626], [0x0628, 0x0628], [0x062a, 0x062e], [0x0633, 0x063f],
  [0x0641, 0x0647], [0x0649, 0x064a], [0x066e, 0x066f], [0x0678, 0x0687], [0x069a, 0x06bf],
  [0x06c1, 0x06c2], [0x06cc, 0x06cc], [0x06ce, 0x06ce], [0x06d0, 0x06d1], [0x06fa, 0x06fc],
  [0x06ff, 0x06ff],
];
const RIGHT: readonly (readonly [number, number])[] = [
  [0x0622, 0x0625], [0x0627, 0x0627], [0x0629, 0x0629], [0x062f, 0x0632], [0x0648, 0x0648],
  [0x0671, 0x0673], [0x0675, 0x0677], [0x0688, 0x0699], [0x06c0, 0x06c0], [0x06c3, 0x06cb],
  [0x06cd, 0x06cd], [0x06cf, 0x06cf], [0x06d2, 0x06d3], [0x06d5, 0x06d5], [0x06ee, 0x06ef],
];
const TRANSPARENT_RE = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

function joiningType(cp: number): JoiningType {
  if (cp < 0x0600) return cp >= 0x0300 && cp <= 0x036f ? 'T' : 'U';
  if (cp <= 0x06ff) {
    if (inRanges(cp, DUAL)) return 'D';
    if (inRanges(cp, RIGHT)) return 'R';
    if (cp === 0x0640) return 'C';
    if (cp <= 0x0605 || cp === 0x0621 || cp === 0x0674 || cp === 0x06dd) return 'U';
  }
  if (cp === 0x200d) return 'C';
  if (cp === 0x200c) return 'U';
  return TRANSPARENT_RE.test(String.fromCodePoint(cp)) ? 'T' : 'U';
}

interface Forms { iso: number; fin: number | null; ini: number | null; med: number | null }
let formsTable: Map<number, Forms> | null = null;

function forms(): Map<number, Forms> {
  if (formsTable) return formsTable;
  formsTable = new Map();
  for (const [base, first, count] of FORM_RUNS) {
    formsTable.set(base, {
      iso: first,
      fin: count >= 2 ? first + 1 : null,
      ini: count === 4 ? first + 2 : null,
      med: count === 4 ? first + 3 : null,
    });
  }
  // Alef maksura's initial and medial forms sit apart, in Presentation Forms-A.
  formsTable.set(0x0649, {iso: 0xfeef, fin: 0xfef0, ini: 0xfbe8, med: 0xfbe9});
  return formsTable;
}

export interface Shaped {
  text: string;
  /** source[k] = index (UTF-16) in the input of the character that became text[k]. */
  source: number[];
}

const ARABIC_RE = /[\u0600-\u06ff]/;

/** Shape Arabic-script letters; other characters pass through. Logical order in and out. */
export function shapeArabic(input: string): Shaped {
  const identity = (): Shaped => ({text: input, source: Array.from({length: input.length}, (_, i) => i)});
  if (!ARABIC_RE.test(input)) return identity();

  const cps: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    cps.push(cp);
    at.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  const types = cps.map(joiningType);
  const table = forms();

  // Joining looks past transparent marks, so find each letter's real neighbours.
  const prevJoins = (p: number): boolean => {
    for (let q = p - 1; q >= 0; q--) {
      const t = types[q];
      if (t === 'T') continue;
      return t === 'D' || t === 'C';
    }
    return false;
  };
  const nextJoins = (p: number): boolean => {
    for (let q = p + 1; q < cps.length; q++) {
      const t = types[q];
      if (t === 'T') continue;
      return t === 'D' || t === 'R' || t === 'C';
    }
    return false;
  };

  let text = '';
  const source: number[] = [];
  const emit = (cp: number, from: number, units: number) => {
    const s = String.fromCodePoint(cp);
    text += s;
    for (let u = 0; u < s.length; u++) source.push(from + Math.min(u, units - 1));
  };

  for (let p = 0; p < cps.length; p++) {
    const cp = cps[p]!;
    const from = at[p]!;
    const type = types[p]!;
    const f = type === 'D' || type === 'R' ? table.get(cp) : undefined;
    if (!f) {
      emit(cp, from, cp > 0xffff ? 2 : 1);
      continue;
    }
    const joinPrev = prevJoins(p);
    const lig = cp === LAM ? LAM_ALEF.get(cps[p + 1] ?? -1) : undefined;
    if (lig) {
      emit(joinPrev ? lig[1] : lig[0], from, 1);
      p++; // the alef is inside the ligature now
      continue;
    }
    const joinNext = type === 'D' && nextJoins(p);
    const form =
      joinPrev && joinNext ? f.med : joinPrev ? f.fin : joinNext ? f.ini : f.iso;
    emit(form ?? cp, from, 1);
  }
  return {text, source};
}
