import {Text} from 'ink';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import {actionFor, bindings, helpRows, hintsFor, useKeys, type Action} from '../../src/ui/keys.ts';
import {renderIn, until} from './helpers/render.tsx';

describe('actionFor', () => {
  it('maps arrows, vi keys, Enter, Esc/Backspace, Tab, PgUp/PgDn', () => {
    expect(actionFor('', {upArrow: true})).toBe('up');
    expect(actionFor('k', {})).toBe('up');
    expect(actionFor('j', {})).toBe('down');
    expect(actionFor('', {return: true})).toBe('enter');
    expect(actionFor('', {escape: true})).toBe('back');
    // Backspace steps back through a lesson (the runner's 'previous'), Esc leaves the screen.
    expect(actionFor('', {backspace: true})).toBe('previous');
    expect(actionFor('', {leftArrow: true})).toBe('previous');
    expect(actionFor('', {rightArrow: true})).toBe('next');
    expect(actionFor('', {tab: true})).toBe('nextPane');
    expect(actionFor('', {tab: true, shift: true})).toBe('prevPane');
    expect(actionFor('', {pageUp: true})).toBe('pageUp');
    expect(actionFor('', {pageDown: true})).toBe('pageDown');
    expect(actionFor('?', {})).toBe('help');
    expect(actionFor('t', {})).toBe('toggleSecondLanguage');
    expect(actionFor('q', {})).toBe('quit');
    expect(actionFor('z', {})).toBeUndefined();
  });
  it('works on Russian and Persian keyboard layouts without switching', () => {
    expect(actionFor('й', {})).toBe('quit');
    expect(actionFor('ض', {})).toBe('quit');
    expect(actionFor('о', {})).toBe('down');
    expect(actionFor('ت', {})).toBe('down');
    expect(actionFor('л', {})).toBe('up');
    expect(actionFor('ن', {})).toBe('up');
    expect(actionFor('؟', {})).toBe('help');
    expect(actionFor('ف', {})).toBe('toggleSecondLanguage');
  });
  it('Ctrl+C is always interrupt, even while typing or confirming', () => {
    expect(actionFor('c', {ctrl: true})).toBe('interrupt');
    expect(actionFor('c', {ctrl: true}, {typing: true})).toBe('interrupt');
    expect(actionFor('c', {ctrl: true}, {mode: 'confirm'})).toBe('interrupt');
  });
  it('Space reveals only in presenter mode', () => {
    expect(actionFor(' ', {})).toBeUndefined();
    expect(actionFor(' ', {}, {presenter: true})).toBe('reveal');
  });
  it('while typing, letters, ? and Backspace are text, not actions', () => {
    for (const ch of ['q', 'j', 'k', 't', '?', ' ']) expect(actionFor(ch, {}, {typing: true, presenter: true})).toBeUndefined();
    expect(actionFor('', {backspace: true}, {typing: true})).toBeUndefined();
    expect(actionFor('', {upArrow: true}, {typing: true})).toBe('up');
    expect(actionFor('', {return: true}, {typing: true})).toBe('enter');
  });
  it('confirm mode answers y/q/Enter and n/Esc, and nothing else', () => {
    expect(actionFor('y', {}, {mode: 'confirm'})).toBe('confirmYes');
    expect(actionFor('q', {}, {mode: 'confirm'})).toBe('confirmYes');
    expect(actionFor('غ', {}, {mode: 'confirm'})).toBe('confirmYes');
    expect(actionFor('n', {}, {mode: 'confirm'})).toBe('confirmNo');
    expect(actionFor('', {escape: true}, {mode: 'confirm'})).toBe('confirmNo');
    expect(actionFor('j', {}, {mode: 'confirm'})).toBeUndefined();
  });
  it('ignores key releases (kitty protocol)', () => {
    expect(actionFor('q', {eventType: 'release'})).toBeUndefined();
  });
  it('no two normal-mode bindings claim the same character', () => {
    const seen = new Map<string, Action>();
    for (const b of bindings.filter((b) => b.mode === 'normal')) {
      for (const m of b.match) for (const ch of m.chars ?? []) {
        expect(seen.get(ch), `${ch} bound twice`).toBeUndefined();
        seen.set(ch, b.action);
      }
    }
  });
});

describe('hints and help data', () => {
  it('the lesson footer names the issue keys; presenter adds Space', () => {
    expect(hintsFor('lesson').map((h) => h.id)).toEqual(['nextStep', 'previousStep', 'nextPane', 'scroll', 'toMenu', 'toggleSecondLanguage', 'help', 'quit']);
    // Enter is named for what it does where it is pressed.
    expect(hintsFor('ask').find((h) => h.keys === 'Enter')?.labelKey).toBe('lessons:runner.keys.answer');
    expect(hintsFor('repl').find((h) => h.keys === 'Enter')?.labelKey).toBe('lessons:runner.keys.run');
    expect(hintsFor('lesson', {presenter: true})[0]?.id).toBe('reveal');
  });
  it('help lists every normal binding plus Ctrl+C; Space only for presenters', () => {
    expect(helpRows().map((r) => r.action)).not.toContain('reveal');
    expect(helpRows({presenter: true}).map((r) => r.action)).toContain('reveal');
    expect(helpRows().at(-1)).toEqual({action: 'interrupt', keys: 'Ctrl+C'});
  });
});

function KeyProbe({typing = false}: {typing?: boolean}) {
  const [seen, setSeen] = useState<string[]>([]);
  useKeys((a) => setSeen((s) => [...s, a]), {typing});
  return <Text>{seen.join(',') || '-'}</Text>;
}

describe('useKeys', () => {
  it('delivers actions from real key sequences', async () => {
    const r = renderIn('en', <KeyProbe />);
    for (const seq of ['\u001b[A', 'j', '\r', '\t', '\u001b[5~', '?', 'й', '\u001b']) r.stdin.write(seq);
    await until(() => expect(r.lastFrame()).toBe('up,down,enter,nextPane,pageUp,help,quit,back'));
    r.unmount();
  });
  it('does nothing when disabled', async () => {
    function Off() {
      const [n, setN] = useState(0);
      useKeys(() => setN((x) => x + 1), {enabled: false});
      return <Text>{String(n)}</Text>;
    }
    const r = renderIn('en', <Off />);
    r.stdin.write('q');
    r.stdin.write('\u001b[A');
    // Nothing to wait for: ink handles stdin synchronously; a wrong count would show now.
    expect(r.lastFrame()).toBe('0');
    r.unmount();
  });
});
