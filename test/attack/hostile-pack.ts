// Lesson packs built to hurt: a valid lesson to carry the payload, and helpers to put
// escape sequences, links, FIFOs, devices and bombs where a pack's files belong.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const ESC = '\x1b';
export const BEL = '\x07';

/** Things a terminal obeys, each unmistakable in raw output. */
export const PAYLOADS = {
  clipboard: `${ESC}]52;c;cm0gLXJmIH4=${BEL}`, // OSC 52: "rm -rf ~" into the clipboard
  title: `${ESC}]0;PWNED-TITLE${BEL}`, // OSC 0: the window title
  link: `${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}`, // OSC 8 hyperlink
  clear: `${ESC}[2J${ESC}[H`, // CSI: clear the screen
  colour: `${ESC}[38;5;199;5mBLINK`, // SGR: colour and blink
  conceal: `${ESC}[8mHIDDEN`, // SGR 8: invisible text
  c1: '\u009b31mC1CSI', // an 8-bit CSI
  dcs: `${ESC}P1$qm${ESC}\\`, // DCS request
  rlo: '\u202eRLO-REVERSED', // bidi override
  isolate: '\u2067RLI-ISOLATE\u2069',
} as const;

export const ALL_PAYLOADS = Object.values(PAYLOADS).join(' ');

/** Raw markers that must never reach a terminal from pack text (the app's own Ink output has other escapes). */
export const RAW_MARKERS = [
  `${ESC}]52;c;`,
  `${ESC}]0;PWNED`,
  `${ESC}]8;;https://evil`,
  `${ESC}[38;5;199;5m`,
  `${ESC}[8mHIDDEN`,
  '\u009b',
  `${ESC}P1$qm`,
  '\u202e',
  '\u2067',
];

export function lessonYaml(id: string): string {
  return [
    `id: ${id}`,
    'concepts: [C1]',
    'steps:',
    '  - say: intro',
    '  - ask:',
    '      question: q',
    '      choices: [a, b]',
    '      answer: 0',
    '      explain: why',
    '  - task:',
    '      prompt: p',
    '      expect: {event: listen}',
    '      solution: [listen tcp 127.0.0.1:0 as srv]',
    '',
  ].join('\n');
}

export function prose(id: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {title: `Lesson ${id}`, summary: 'A summary.', intro: 'Intro.', q: 'Which?', a: 'A', b: 'B', why: 'Because.', p: 'Listen.', ...overrides};
}

export type Entry =
  | string
  | Buffer
  | {symlink: string}
  | {fifo: true}
  | {device: 'null' | 'zero'}
  | {dir: true};

export interface Pack {
  dir: string;
  remove(): void;
}

/** A pack folder with `entries` (path inside the pack → content or special file). */
export function makePack(entries: Record<string, Entry>): Pack {
  const root = mkdtempSync(path.join(tmpdir(), 'sl-attack-'));
  const dir = path.join(root, 'pack');
  mkdirSync(dir);
  for (const [name, entry] of Object.entries(entries)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), {recursive: true});
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(full, entry);
    else if ('symlink' in entry) symlinkSync(entry.symlink, full);
    else if ('fifo' in entry) execFileSync('mkfifo', [full]);
    else if ('device' in entry) execFileSync('mknod', [full, 'c', '1', entry.device === 'null' ? '3' : '5']);
    else mkdirSync(full, {recursive: true});
  }
  return {dir, remove: () => rmSync(root, {recursive: true, force: true})};
}

/** A one-lesson pack whose English prose is `overrides`. */
export function lessonPack(id: string, overrides: Record<string, string> = {}, extra: Record<string, Entry> = {}): Pack {
  return makePack({
    [`lessons/01-${id}.yaml`]: lessonYaml(id),
    [`locales/en/${id}.json`]: JSON.stringify(prose(id, overrides)),
    ...extra,
  });
}

/** Whether we may make device nodes (root, no restricting namespace). */
export function canMknod(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'sl-mknod-'));
  try {
    execFileSync('mknod', [path.join(probe, 'n'), 'c', '1', '3'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, {recursive: true, force: true});
  }
}

/** Raw markers of hostile text present in `output`. */
export function rawMarkersIn(output: string): string[] {
  return RAW_MARKERS.filter((m) => output.includes(m)).map((m) => JSON.stringify(m));
}

/** Control characters (except newline) in output meant for a pipe: none may be there. */
export function controlsIn(output: string): string[] {
  return [...new Set(output.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [])].map(
    (c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}
