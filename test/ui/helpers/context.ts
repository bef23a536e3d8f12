// A PaneContext for testing the pure line builders without rendering.
import type {BidiMode} from '../../../src/i18n/bidi/index.ts';
import type {PaneContext} from '../../../src/ui/layout/paneContext.ts';
import {textLayout} from '../../../src/ui/layout/textLayout.ts';
import {colourTheme, type Theme} from '../../../src/ui/theme.ts';
import {createTestI18n, type Lng} from './i18n.ts';

export function testContext(lng: Lng, options: {bidi?: BidiMode; theme?: Theme} = {}): PaneContext & {missing: string[]} {
  const {i18n, missing} = createTestI18n(lng);
  return {t: i18n.getFixedT(lng, 'ui'), theme: options.theme ?? colourTheme, text: textLayout({mode: options.bidi ?? 'app', language: lng}), missing};
}
