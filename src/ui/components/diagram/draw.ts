// Turns the diagram model into terminal lines. Two densities: boxes (each socket a
// three-line box, links drawn between them, a bus when one socket talks to several) and,
// when the pane is too narrow or too short for boxes, one line per link.
import type {TFunction} from 'i18next';
import type {PaneContext} from '../../layout/paneContext.ts';
import {fitLine, type Seg, type StyledLine} from '../../layout/styledLine.ts';
import {fit, textWidth, truncate} from '../../layout/text.ts';
import type {TextLayout} from '../../layout/textLayout.ts';
import type {ColourRole} from '../../theme.ts';
import {visible} from '../../../text/visible.ts';
import {endpointText} from '../endpointText.ts';
import type {Block, DiagramNode, Group, GroupKey, Link} from './model.ts';

// The picture keeps its left-to-right geometry in every language (it is a drawing, not
// a sentence); the words in it go through the screen's text layout.
type DrawContext = PaneContext;

export type Density = 'boxes' | 'compact';

const MIN_BOX = 14;
const MAX_BOX = 30;
const MIN_LINK = 7;
const MAX_LINK = 24;

interface Frame {
  tl: string;
  tr: string;
  bl: string;
  br: string;
  h: string;
  v: string;
  /** Right border where a link leaves the box. */
  joint: string;
}

// The border style says the role even without colour: double = passive (waits),
// single = active (connected), rounded = datagram, dashed = not one of ours.
const FRAMES: Record<'passive' | 'active' | 'datagram' | 'outside', Frame> = {
  passive: {tl: '╔', tr: '╗', bl: '╚', br: '╝', h: '═', v: '║', joint: '╟'},
  active: {tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│', joint: '├'},
  datagram: {tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│', joint: '├'},
  outside: {tl: '┌', tr: '┐', bl: '└', br: '┘', h: '┄', v: '┆', joint: '┆'},
};

function nodeRole(node: DiagramNode): ColourRole {
  return node.kind === 'outside' ? 'muted' : node.socket.role;
}

function nodeFrame(node: DiagramNode): Frame {
  return FRAMES[node.kind === 'outside' ? 'outside' : node.socket.role];
}

function nodeAddress(node: DiagramNode, t: TFunction): string {
  if (node.kind === 'outside') return endpointText(node.endpoint);
  return node.socket.local ? endpointText(node.socket.local) : t('diagram.noAddress');
}

function nodeTitle(node: DiagramNode, {t, theme}: DrawContext, reference = false, short = false): string {
  if (node.kind === 'outside') return `${theme.symbols.ghost} ${t(short ? 'diagram.outsideShort' : 'diagram.outside')}`;
  const name = node.socket.name;
  return reference ? `↑ ${t('diagram.seeAbove', {name})}` : `${theme.symbols[node.socket.role]} ${name}`;
}

function nodeFooter(node: DiagramNode, t: TFunction): string {
  return node.kind === 'outside' ? '' : t(`state.${node.socket.state}`);
}

function labelledBorder(left: string, h: string, label: string, right: string, width: number, text: TextLayout): string {
  if (label === '') return left + h.repeat(Math.max(0, width - 2)) + right;
  const shown = text.cell(label, Math.min(textWidth(label), Math.max(0, width - 5)));
  return `${left}${h} ${shown} ${h.repeat(Math.max(0, width - 5 - textWidth(shown)))}${right}`;
}

/** A socket as a three-line box of exactly `width` cells. */
function box(node: DiagramNode, width: number, ctx: DrawContext, options: {joint?: boolean; reference?: boolean} = {}): string[] {
  const f = nodeFrame(node);
  const address = ctx.text.cell(nodeAddress(node, ctx.t), width - 4, {cut: 'start'});
  return [
    labelledBorder(f.tl, f.h, nodeTitle(node, ctx, options.reference), f.tr, width, ctx.text),
    `${f.v} ${address} ${options.joint ? f.joint : f.v}`,
    labelledBorder(f.bl, f.h, nodeFooter(node, ctx.t), f.br, width, ctx.text),
  ];
}

function linkRole(link: Link): ColourRole {
  if (link.newest) return 'newest';
  return link.style === 'connection' ? 'active' : 'datagram';
}

/** The line itself: `◀──"hi"──▶`, dashed for a UDP default peer (nothing was sent). */
function linkBody(link: Link, width: number): string {
  if (width <= 0) return '';
  const h = link.style === 'peer' ? '╌' : '─';
  const leftHead = link.direction === 'in' || link.direction === 'both' ? '◀' : '';
  const rightHead = link.direction === 'out' || link.direction === 'both' ? '▶' : '';
  const room = width - leftHead.length - rightHead.length;
  if (room < 0) return fit(rightHead || leftHead, width);
  const label = link.label !== undefined && room >= textWidth(link.label) + 4 ? link.label : '';
  if (label === '') return leftHead + h.repeat(room) + rightHead;
  const before = Math.floor((room - textWidth(label)) / 2);
  return leftHead + h.repeat(before) + label + h.repeat(room - before - textWidth(label)) + rightHead;
}

function groupTitle(key: GroupKey, t: TFunction): string {
  if (key.kind === 'port') return t('diagram.port', {protocol: t(`protocol.${key.protocol}`), port: key.port});
  if (key.kind === 'unix') return t('diagram.unix', {path: visible(key.path)});
  return t('diagram.noAddress');
}

function header(key: GroupKey, width: number, ctx: DrawContext): StyledLine {
  const title = groupTitle(key, ctx.t);
  const shown = ctx.text.cell(title, Math.min(textWidth(title), Math.max(0, width - 4)));
  const rule = '─'.repeat(Math.max(0, width - textWidth(shown) - 3));
  // A right-to-left screen puts the title at the right end of the rule.
  return fitLine([{text: ctx.text.mirror ? `${rule} ${shown} ─` : `─ ${shown} ${rule}`, role: 'muted'}], width);
}

function boxBlock(block: Block, boxWidth: number, linkWidth: number, width: number, ctx: DrawContext): StyledLine[] {
  const n = block.links.length;
  const leftRole = nodeRole(block.left);
  const left = box(block.left, boxWidth, ctx, {joint: n > 0});
  const rows = Math.max(3, 3 * n);
  const rights = block.links.map((link) => box(link.to, boxWidth, ctx, {reference: link.reference === true}));
  // A passive socket with no connection yet: "waits; in no conversation" beside its box,
  // wrapped over its three lines rather than cut, or in its short form.
  const passive = n === 0 && block.left.kind === 'socket' && block.left.socket.role === 'passive';
  const waitsBeside = passive ? waitsNote(Math.max(0, width - boxWidth - 2), ctx) : [];
  const waitsTop = waitsBeside.length === 3 ? 0 : 1;
  const lines: StyledLine[] = [];
  for (let row = 0; row < rows; row++) {
    const segs: Seg[] = [{text: left[row] ?? ' '.repeat(boxWidth), role: leftRole}];
    if (n === 0) {
      const note = waitsBeside[row - waitsTop];
      if (note !== undefined) segs.push({text: `  ${note}`, role: 'muted'});
      lines.push(fitLine(segs, width));
      continue;
    }
    const i = Math.floor(row / 3);
    const link = block.links[i];
    const lastConnector = 3 * (n - 1) + 1;
    if (row % 3 === 1 && link) {
      const prefix = n === 1 ? '' : i === 0 ? '─┬─' : i === n - 1 ? ' └─' : ' ├─';
      segs.push({text: prefix + linkBody(link, linkWidth - prefix.length), role: linkRole(link)});
    } else {
      segs.push({text: row > 1 && row < lastConnector ? ' │ ' + ' '.repeat(linkWidth - 3) : ' '.repeat(linkWidth), role: 'muted'});
    }
    if (link) segs.push({text: rights[i]?.[row % 3] ?? '', role: nodeRole(link.to)});
    lines.push(fitLine(segs, width));
  }
  return lines;
}

/** The waiting note in at most three lines of `width` cells: whole if it fits, else its short form. */
function waitsNote(width: number, ctx: DrawContext): string[] {
  if (width <= 0) return [];
  const full = ctx.text.wrap(ctx.t('diagram.waits'), width);
  if (full.length <= 3 && full.every((l) => textWidth(l) <= width)) return full;
  const short = ctx.t('diagram.waitsShort');
  return [ctx.text.cell(short, Math.min(width, textWidth(short)))];
}

/** The waiting note on one line of at most `room` cells: whole, short, or cut. */
function waitsLine(room: number, ctx: DrawContext): string {
  const full = ctx.t('diagram.waits');
  const note = textWidth(full) <= room ? full : ctx.t('diagram.waitsShort');
  return ctx.text.cell(note, Math.min(room, textWidth(note)));
}

/** "● name 127.0.0.1:5000" in at most `width` cells: the address gives way first, from its start. */
function compactLabel(node: DiagramNode, ctx: DrawContext, width: number, reference = false): string {
  const address = nodeAddress(node, ctx.t);
  // Another program's socket says so in fewer words when its address would be cut.
  const full = nodeTitle(node, ctx, reference);
  const title = textWidth(full) + 1 + textWidth(address) > width ? nodeTitle(node, ctx, reference, true) : full;
  const titleCell = ctx.text.cell(title, Math.min(textWidth(title), width));
  const room = width - textWidth(titleCell) - 1;
  return room >= 4 ? `${titleCell} ${truncate(address, room, 'start')}` : titleCell;
}

function compactLink(link: Link): string {
  const h = link.style === 'peer' ? '╌' : '─';
  const l = link.direction === 'in' || link.direction === 'both' ? '◀' : h;
  const r = link.direction === 'out' || link.direction === 'both' ? '▶' : h;
  return ` ${l}${h}${link.label ?? ''}${h}${r} `;
}

function compactBlock(block: Block, width: number, ctx: DrawContext): StyledLine[] {
  const leftRole = nodeRole(block.left);
  if (block.links.length === 0) {
    const label = compactLabel(block.left, ctx, Math.max(4, width - 1));
    const passive = block.left.kind === 'socket' && block.left.socket.role === 'passive';
    const room = width - textWidth(label) - 4;
    const footer = nodeFooter(block.left, ctx.t);
    const note = passive ? waitsLine(room, ctx) : ctx.text.cell(footer, Math.min(room, textWidth(footer)));
    return [fitLine([{text: ` ${label}`, role: leftRole}, ...(room >= 4 ? [{text: ` · ${note}`, role: 'muted' as const}] : [])], width)];
  }
  // Both ends get half the line; addresses keep their port (cut at the start).
  const half = Math.max(4, Math.floor((width - 8) / 2));
  const left = compactLabel(block.left, ctx, half);
  return block.links.map((link, i) => {
    const lead = i === 0 ? ` ${left}` : ' '.repeat(textWidth(left)) + (i === block.links.length - 1 ? '└' : '├');
    const arrow = i === 0 ? compactLink(link) : compactLink(link).trimStart();
    const right = compactLabel(link.to, ctx, Math.max(4, width - textWidth(lead) - textWidth(arrow)), link.reference === true);
    return fitLine(
      [
        {text: lead, role: i === 0 ? leftRole : 'muted'},
        {text: arrow, role: linkRole(link)},
        {text: right, role: nodeRole(link.to)},
      ],
      width,
    );
  });
}

/** Box and link widths for a pane width, or undefined when boxes do not fit. */
export function boxGeometry(width: number): {box: number; link: number} | undefined {
  const box = Math.min(MAX_BOX, Math.floor((width - MIN_LINK) / 2));
  if (box < MIN_BOX) return undefined;
  return {box, link: Math.min(MAX_LINK, width - 2 * box)};
}

/** Lines the diagram takes in a density, without drawing it. */
export function diagramHeight(groups: readonly Group[], width: number, density: Density): number {
  const boxes = density === 'boxes' && boxGeometry(width) !== undefined;
  let rows = 0;
  for (const g of groups) {
    rows += 1;
    for (const b of [...g.passive, ...g.blocks]) rows += boxes ? Math.max(3, 3 * b.links.length) : Math.max(1, b.links.length);
    if (boxes && g.passive.length > 0 && g.blocks.length > 0) rows += 1;
  }
  return rows;
}

/** The diagram's lines; with `limit`, drawing stops once that many lines exist. */
export function drawDiagram(groups: readonly Group[], width: number, density: Density, ctx: DrawContext, limit = Infinity): StyledLine[] {
  const geometry = density === 'boxes' ? boxGeometry(width) : undefined;
  const lines: StyledLine[] = [];
  for (const group of groups) {
    if (lines.length >= limit) break;
    lines.push(header(group.key, width, ctx));
    const draw = (b: Block) => (geometry ? boxBlock(b, geometry.box, geometry.link, width, ctx) : compactBlock(b, width, ctx));
    for (const b of group.passive) lines.push(...draw(b));
    // The passive socket stands apart from the active sockets that share its port.
    if (geometry && group.passive.length > 0 && group.blocks.length > 0) lines.push(fitLine([], width));
    for (const b of group.blocks) lines.push(...draw(b));
  }
  return lines;
}
