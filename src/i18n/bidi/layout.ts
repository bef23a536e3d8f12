import {hasRtl, LRI, PDI, stripLayoutControls} from './controls.ts';
import {bidi} from './engine.ts';
import {graphemes} from './graphemes.ts';
import {isolateLtrRuns} from './isolate.ts';
import {reorderLine, type L1Class} from './reorder.ts';
import {shapeArabic} from './shape.ts';
import type {LayoutOptions} from './types.ts';
import {wrapUnits, type WrapUnit} from './wrap.ts';
import {clusterWidth} from './width.ts';

/** One grapheme cluster on a screen line, with the index of its source character. */
export interface VisualCluster {
  text: string;
  /** UTF-16 index in the paragraph text the cluster came from. */
  source: number;
}

export interface LaidOutLine {
  /** Logical text of the line as wrapped, before shaping (with inserted isolates). */
  logical: string;
  /** Clusters in screen order, left to right; controls stripped. */
  visual: VisualCluster[];
  /** Cells used (before alignment padding). */
  width: number;
}

export interface ParagraphLayout {
  rtl: boolean;
  lines: LaidOutLine[];
}

interface Unit extends WrapUnit {
  text: string;
  level: number;
  cls: L1Class;
  /** Range in the isolated, unshaped text. */
  from: number;
  to: number;
  /** Isolates open before this unit and after it. */
  depthBefore: number;
  depthAfter: number;
}

const SPACE_RE = /^[ \f\u1680\u2000-\u200a\u2028\u205f\u3000]$/;

/** Lay out one paragraph (no hard newlines) into screen lines. */
export function layoutParagraphLines(text: string, opts: LayoutOptions): ParagraphLayout {
  const width = opts.width ?? Infinity;
  const direction = opts.direction ?? 'auto';
  const fallback = opts.defaultDirection ?? 'ltr';
  const plainLtr = !hasRtl(text) && (direction === 'ltr' || (direction === 'auto' && fallback === 'ltr'));
  if (opts.mode !== 'app' || plainLtr) return logicalLayout(text, width);

  const isolated = opts.isolate === false ? null : isolateLtrRuns(text);
  const t1 = isolated ? isolated.text : text;
  const toOriginal = (i: number): number => (isolated ? (isolated.source[i] ?? -1) : i);
  const shaped = shapeArabic(t1);
  const t2 = shaped.text;

  const b = bidi();
  const rtl = direction === 'auto' ? (firstStrong(t2) ?? fallback) === 'rtl' : direction === 'rtl';
  const paragraphLevel = rtl ? 1 : 0;
  const {levels} = b.getEmbeddingLevels(t2, rtl ? 'rtl' : 'ltr');

  const clusters = graphemes(t2);
  const units: Unit[] = [];
  let depth = 0;
  for (let k = 0; k < clusters.length; k++) {
    const c = clusters[k]!;
    const next = clusters[k + 1];
    const type = b.getBidiCharTypeName(c.text);
    const depthBefore = depth;
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth++;
    units.push({
      text: c.text,
      width: clusterWidth(c.text),
      space: type === 'WS',
      glued: depth > 0,
      level: levels[c.index] ?? paragraphLevel,
      cls: l1Class(type),
      from: shaped.source[c.index]!,
      to: next ? shaped.source[next.index]! : t1.length,
      depthBefore,
      depthAfter: 0,
    });
    if (type === 'PDI' && depth > 0) depth--;
    units.at(-1)!.depthAfter = depth;
  }

  const lines = wrapUnits(units, width).map(([start, end]): LaidOutLine => {
    const line = units.slice(start, end);
    const {order} = reorderLine(line.map((u) => u.level), line.map((u) => u.cls), paragraphLevel);
    const visual: VisualCluster[] = [];
    let w = 0;
    for (const i of order) {
      const u = line[i]!;
      const shown = stripLayoutControls(u.level % 2 === 1 ? mirror(u.text) : u.text);
      if (shown === '') continue;
      visual.push({text: shown, source: toOriginal(u.from)});
      w += u.width;
    }
    // A line that starts or ends inside an isolate says so, so the line read alone (by
    // FriBidi, by a reader) is levelled as the paragraph levelled it.
    const logical = line.length
      ? LRI.repeat(line[0]!.depthBefore) + t1.slice(line[0]!.from, line.at(-1)!.to) + PDI.repeat(line.at(-1)!.depthAfter)
      : '';
    return {logical, visual, width: w};
  });
  return {rtl, lines};
}

/** terminal and off modes, and text with nothing right-to-left: wrap only. */
function logicalLayout(text: string, width: number): ParagraphLayout {
  const clusters = graphemes(text);
  const units = clusters.map((c, k) => ({
    text: c.text,
    width: clusterWidth(c.text),
    space: SPACE_RE.test(c.text),
    glued: false,
    from: c.index,
    to: clusters[k + 1]?.index ?? text.length,
  }));
  const lines = wrapUnits(units, width).map(([start, end]): LaidOutLine => {
    const line = units.slice(start, end);
    return {
      logical: line.length ? text.slice(line[0]!.from, line.at(-1)!.to) : '',
      visual: line.map((u) => ({text: u.text, source: u.from})),
      width: line.reduce((w, u) => w + u.width, 0),
    };
  });
  return {rtl: false, lines};
}

function l1Class(type: string): L1Class {
  switch (type) {
    case 'S':
    case 'B':
      return 'separator';
    case 'WS':
    case 'LRI':
    case 'RLI':
    case 'FSI':
    case 'PDI':
    case 'BN':
    case 'LRE':
    case 'RLE':
    case 'LRO':
    case 'RLO':
    case 'PDF':
      return 'space';
    default:
      return 'other';
  }
}

function mirror(cluster: string): string {
  const b = bidi();
  let out = '';
  for (const ch of cluster) out += b.getMirroredCharacter(ch) ?? ch;
  return out;
}

/** UAX #9 P2/P3: the first strong letter outside isolates decides. */
function firstStrong(text: string): 'ltr' | 'rtl' | null {
  const b = bidi();
  let depth = 0;
  for (const ch of text) {
    const type = b.getBidiCharTypeName(ch);
    if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth++;
    else if (type === 'PDI') depth = Math.max(0, depth - 1);
    else if (depth === 0 && type === 'L') return 'ltr';
    else if (depth === 0 && (type === 'R' || type === 'AL')) return 'rtl';
  }
  return null;
}
