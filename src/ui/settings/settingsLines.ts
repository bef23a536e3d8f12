// The Settings screen as lines: one row a setting ("▸ Language   ‹ English ›"), and
// below them what the selected row does. Pure: settings in, lines out.
import type {Translate} from '../format/index.ts';
import type {PaneContext} from '../layout/paneContext.ts';
import {noteLines} from '../layout/paneContext.ts';
import {fitLine, type Seg, type StyledLine} from '../layout/styledLine.ts';
import {textWidth} from '../layout/text.ts';
import type {BidiMode} from '../../i18n/bidi/index.ts';
import {nameCell} from './nameCell.ts';
import {isValueRow, SETTING_ROWS, type SettingId, type Settings} from './settings.ts';

export interface SettingsLinesInput {
  settings: Settings;
  /** How Persian is drawn right now (may differ from settings.bidi only in tests). */
  mode?: BidiMode;
  /** Index into SETTING_ROWS. */
  selected: number;
  width: number;
  /** Words from every namespace (keys carry their `ns:`). */
  t: Translate;
}

const LABEL: Record<SettingId, string> = {
  language: 'app:settings.language',
  also: 'app:settings.also',
  bidi: 'app:settings.bidi',
  colour: 'app:settings.colour',
  calibrate: 'bidi:settings.calibrate',
  about: 'app:settings.about',
};

export function valueText(id: SettingId, settings: Settings, t: Translate): string {
  switch (id) {
    case 'language':
      return t(`app:languages.${settings.language}`);
    case 'also':
      return settings.also ? t(`app:languages.${settings.also}`) : t('app:settings.none');
    case 'bidi':
      return settings.bidi; // the --bidi flag's own word; the help line says what it means
    case 'colour':
      return t(settings.colour ? 'app:settings.on' : 'app:settings.off');
    default:
      return '';
  }
}

/** What the selected row means; for the BiDi row, what its current mode does. */
export function helpText(id: SettingId, settings: Settings, t: Translate): string {
  switch (id) {
    case 'bidi':
      return t(`bidi:modes.${settings.bidi}`);
    case 'language':
      return t('app:settings.languageHelp');
    default:
      return t(`app:settings.${id}Help`);
  }
}

export function settingsLines({settings, mode = settings.bidi, selected, width, t}: SettingsLinesInput, ctx: PaneContext): StyledLine[] {
  const {text, theme} = ctx;
  const labels = SETTING_ROWS.map((id) => t(LABEL[id]));
  const labelWidth = Math.min(Math.max(...labels.map(textWidth)), Math.floor((width - 2) / 2));
  const out: StyledLine[] = [];
  SETTING_ROWS.forEach((id, i) => {
    const on = i === selected;
    if (id === 'calibrate') out.push([]); // the rows that open another screen stand apart
    const role = on ? ('focus' as const) : undefined;
    const mark = on ? theme.symbols.selected : ' ';
    const lead: Seg = {text: text.mirror ? ` ${mark}` : `${mark} `, ...(role ? {role} : {})};
    let row: Seg[];
    if (isValueRow(id)) {
      const valueWidth = Math.max(1, width - 2 - labelWidth - 2);
      const words = `‹ ${valueText(id, settings, t)} ›`;
      // Its own width, not the column's: a value with Persian in it stays by its label.
      const value = nameCell(ctx, mode, words, valueWidth);
      row = [lead, {text: text.cell(labels[i]!, labelWidth), ...(role ? {role} : {})}, {text: '  '}, {text: value, ...(role ? {role} : {})}];
    } else {
      row = [lead, {text: text.cell(labels[i]!, width - 2), ...(role ? {role} : {})}];
    }
    out.push(fitLine(text.mirror ? row.reverse() : row, width, text.mirror));
  });
  const id = SETTING_ROWS[selected];
  if (id) out.push([], ...noteLines(ctx, helpText(id, settings, t), width));
  return out;
}
