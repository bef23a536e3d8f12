import {describe, expect, it} from 'vitest';
import {
  BidiModeError,
  resolveBidiMode,
  terminalBidiControl,
  enterTerminalBidi,
  type BidiModeInput,
} from '../../src/i18n/bidi/index.ts';

const tty = (env: Record<string, string | undefined>, extra: Partial<BidiModeInput> = {}) =>
  resolveBidiMode({env, isTTY: true, ...extra});

describe('resolveBidiMode: precedence', () => {
  const env = {SOCKET_LESSONS_BIDI: 'terminal', VTE_VERSION: '7600'};
  it('the flag wins', () => {
    expect(tty(env, {flag: 'off', saved: 'app'})).toMatchObject({mode: 'off', source: 'flag'});
  });
  it('then the variable', () => {
    expect(tty(env, {saved: 'app'})).toMatchObject({mode: 'terminal', source: 'env'});
  });
  it('then the saved choice', () => {
    expect(tty({VTE_VERSION: '7600'}, {saved: 'terminal'})).toMatchObject({mode: 'terminal', source: 'saved'});
  });
  it('then detection', () => {
    expect(tty({KONSOLE_VERSION: '230804'})).toMatchObject({mode: 'terminal', source: 'detected'});
  });
  it('a bad flag is an error; a bad variable is ignored and reported', () => {
    expect(() => tty({}, {flag: 'rtl'})).toThrow(BidiModeError);
    expect(tty({SOCKET_LESSONS_BIDI: 'yes'})).toMatchObject({mode: 'app', source: 'detected', ignoredEnv: 'yes'});
  });
  it('values are case-insensitive', () => {
    expect(tty({SOCKET_LESSONS_BIDI: 'Terminal'}).mode).toBe('terminal');
  });
});

describe('resolveBidiMode: detection', () => {
  it.each([
    [{VTE_VERSION: '5703'}, 'app', true],
    [{VTE_VERSION: '7602'}, 'app', true],
    [{VTE_VERSION: '5202'}, 'app', false], // VTE without BiDi
    [{KONSOLE_VERSION: '220401'}, 'terminal', false],
    [{TERM_PROGRAM: 'Apple_Terminal'}, 'terminal', false],
    [{MLTERM: '3.9.3'}, 'terminal', false],
    [{TERM: 'mlterm-256color'}, 'terminal', false],
    [{TERM_PROGRAM: 'vscode'}, 'app', false],
    [{WT_SESSION: 'x'}, 'app', false],
    [{}, 'app', false],
  ] as const)('%j → %s (CSI 8 l: %s)', (env, mode, vte) => {
    const r = tty(env);
    expect(r).toMatchObject({mode, source: 'detected', needsCalibration: true, vteExplicit: vte});
  });

  it('inside tmux or screen only the flag or the saved choice count', () => {
    const envs: Record<string, string>[] = [
      {TMUX: '/tmp/tmux-0/default,1,0', VTE_VERSION: '7600'},
      {STY: '1.pts-0', KONSOLE_VERSION: '230804'},
      {TERM: 'tmux-256color', TERM_PROGRAM: 'Apple_Terminal'},
      {TERM: 'screen', MLTERM: '3.9'},
    ];
    for (const env of envs) {
      const r = tty(env);
      expect(r).toMatchObject({mode: 'app', source: 'default', needsCalibration: true, vteExplicit: false});
      expect(tty(env, {saved: 'terminal'})).toMatchObject({mode: 'terminal', source: 'saved'});
      expect(tty(env, {flag: 'app'})).toMatchObject({mode: 'app', vteExplicit: false});
    }
  });

  it('a saved or chosen mode needs no calibration', () => {
    expect(tty({}, {saved: 'app'}).needsCalibration).toBe(false);
    expect(tty({}, {flag: 'terminal'}).needsCalibration).toBe(false);
  });

  it('VTE in terminal mode is left in its implicit BiDi mode', () => {
    expect(tty({VTE_VERSION: '7600'}, {saved: 'terminal'}).vteExplicit).toBe(false);
    expect(tty({VTE_VERSION: '7600'}, {flag: 'app'}).vteExplicit).toBe(true);
  });
});

describe('resolveBidiMode: not a terminal', () => {
  it('defaults to off (copyable); the saved terminal choice does not apply', () => {
    expect(resolveBidiMode({env: {VTE_VERSION: '7600'}, saved: 'app', isTTY: false})).toMatchObject({
      mode: 'off',
      source: 'default',
      needsCalibration: false,
      vteExplicit: false,
    });
  });
  it('--bidi and the variable still apply to plain output', () => {
    expect(resolveBidiMode({env: {}, flag: 'app', isTTY: false}).mode).toBe('app');
    expect(resolveBidiMode({env: {SOCKET_LESSONS_BIDI: 'app'}, isTTY: false}).mode).toBe('app');
  });
});

describe('terminalBidiControl', () => {
  it('CSI 8 l on start and CSI 8 h on exit, only for VTE in app mode', () => {
    expect(terminalBidiControl(tty({VTE_VERSION: '6003'}))).toEqual({enter: '\x1b[8l', leave: '\x1b[8h'});
    expect(terminalBidiControl(tty({}))).toEqual({enter: '', leave: ''});
  });
});

describe('enterTerminalBidi', () => {
  it('writes CSI 8 l now and CSI 8 h exactly once, whichever exit path comes first', () => {
    const out: string[] = [];
    const leave = enterTerminalBidi((s) => out.push(s), {vteExplicit: true});
    expect(out).toEqual(['\x1b[8l']);
    leave(); // q
    leave(); // process 'exit' afterwards
    expect(out).toEqual(['\x1b[8l', '\x1b[8h']);
  });
  it('writes nothing when the terminal is not VTE in app mode', () => {
    const out: string[] = [];
    enterTerminalBidi((s) => out.push(s), {vteExplicit: false})();
    expect(out).toEqual([]);
  });
});
