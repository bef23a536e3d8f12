// Renders an xterm (headless) screen to SVG: one <rect> per run of cells with the same
// background, one <text> per run of cells with the same style, each run pinned to its
// cells (textLength), so any monospace font lines up. The cells are already in visual
// order (the app lays Persian out itself), so every run is drawn left to right as is.

const PALETTE = [
  '#3b4048', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#abb2bf',
  '#7f848e', '#ff7b86', '#b5e890', '#ffd68a', '#82c4ff', '#de9bf0', '#7fd8e3', '#ffffff',
];
const DEFAULT_FG = '#d7dae0';
const DEFAULT_BG = '#1b1e24';
const FONT = "'DejaVu Sans Mono', 'Noto Sans Mono', 'Noto Sans Arabic', 'DejaVu Sans', monospace";

/** xterm's 256 colours: 16 named, a 6×6×6 cube, then 24 greys. */
function paletteColour(index) {
  if (index < 16) return PALETTE[index];
  if (index < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const i = index - 16;
    return hex(levels[Math.floor(i / 36)], levels[Math.floor(i / 6) % 6], levels[i % 6]);
  }
  const grey = 8 + (index - 232) * 10;
  return hex(grey, grey, grey);
}

const hex = (r, g, b) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function colour(cell, which) {
  const isDefault = which === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return undefined;
  const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const rgb = which === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
  return rgb ? hex((value >> 16) & 255, (value >> 8) & 255, value & 255) : paletteColour(value);
}

/** The cell's look, resolved (inverse swaps the colours). */
function styleOf(cell) {
  let fg = colour(cell, 'fg') ?? DEFAULT_FG;
  let bg = colour(cell, 'bg');
  if (cell.isInverse()) [fg, bg] = [bg ?? DEFAULT_BG, fg];
  return {fg, bg, bold: Boolean(cell.isBold()), dim: Boolean(cell.isDim()), italic: Boolean(cell.isItalic()), underline: Boolean(cell.isUnderline())};
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * @param {import('@xterm/headless').Terminal} term
 * @param {{title?: string, fontSize?: number}} options
 */
export function terminalToSvg(term, {title = '', fontSize = 14} = {}) {
  const cellW = fontSize * 0.6;
  // The height of DejaVu Sans Mono's box-drawing glyphs (1.164 em), rounded down: borders join.
  const cellH = Math.floor(fontSize * 1.164);
  const pad = 14;
  const bar = title ? 28 : 0;
  const width = Math.ceil(term.cols * cellW + 2 * pad);
  const height = Math.ceil(term.rows * cellH + 2 * pad + bar);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:space="preserve">`,
    `<style>text{font-family:${FONT};font-size:${fontSize}px;white-space:pre;direction:ltr;unicode-bidi:bidi-override}</style>`,
    `<rect width="${width}" height="${height}" rx="8" fill="${DEFAULT_BG}"/>`,
  );
  if (title) {
    ['#ff5f57', '#febc2e', '#28c840'].forEach((c, i) => out.push(`<circle cx="${pad + 6 + i * 18}" cy="${pad + 4}" r="5" fill="${c}"/>`));
    out.push(`<text x="${width / 2}" y="${pad + 9}" fill="#7f848e" text-anchor="middle">${escape(title)}</text>`);
  }
  const buffer = term.buffer.active;
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) continue;
    const top = pad + bar + y * cellH;
    const runs = [];
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue; // the right half of a wide character
      const style = styleOf(cell);
      const key = JSON.stringify(style);
      const chars = cell.getChars() || ' ';
      const last = runs.at(-1);
      if (last && last.key === key && last.end === x) {
        last.text += chars;
        last.end = x + cell.getWidth();
      } else runs.push({key, style, text: chars, start: x, end: x + cell.getWidth()});
    }
    for (const run of runs) {
      if (run.style.bg) out.push(`<rect x="${(pad + run.start * cellW).toFixed(1)}" y="${top}" width="${((run.end - run.start) * cellW).toFixed(1)}" height="${cellH}" fill="${run.style.bg}"/>`);
    }
    for (const run of runs) {
      // Only the visible part of a run: its spaces at either end are background.
      const lead = run.text.length - run.text.trimStart().length;
      const text = run.text.trim();
      if (!text) continue;
      const start = run.start + lead;
      const cells = run.end - start - (run.text.length - run.text.trimEnd().length);
      const {fg, bold, dim, italic, underline} = run.style;
      const attrs = [
        `x="${(pad + start * cellW).toFixed(1)}"`,
        `y="${(top + fontSize * 0.928).toFixed(1)}"`, // its ascent: the glyph fills the cell
        `textLength="${(cells * cellW).toFixed(1)}"`,
        'lengthAdjust="spacingAndGlyphs"',
        `fill="${fg}"`,
        bold ? 'font-weight="bold"' : '',
        dim ? 'opacity="0.6"' : '',
        italic ? 'font-style="italic"' : '',
        underline ? 'text-decoration="underline"' : '',
      ].filter(Boolean);
      out.push(`<text ${attrs.join(' ')}>${escape(text)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
