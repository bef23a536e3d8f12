// The plain modes on a custom pack: list shows languages and progress, --auto honours
// --lang, --width and --lessons, a pack lesson missing the learner's language falls back.
import {describe, expect, it} from 'vitest';
import {runLessonAuto} from '../../src/cli/lesson-mode.ts';
import {runList} from '../../src/cli/list-mode.ts';
import type {Content} from '../../src/content/types.ts';
import {recordLesson} from '../../src/lessons/progress.ts';
import {textWidth} from '../../src/ui/layout/text.ts';
import {fixture, fixtureLesson, ownSockets} from './helpers.ts';

// Only the fixture pack, so these tests do not depend on the builtin lessons.
const empty: Content = {lessons: [], locales: {}};

function sink() {
  let text = '';
  return {write: (s: string) => (text += s), get text() {
    return text;
  }};
}

describe('list', () => {
  it('prints title, completed/total, concepts and the languages a pack lesson ships', async () => {
    const out = sink();
    const tiny = fixtureLesson('good', 'tiny');
    const progress = recordLesson({version: 1, lessons: {}}, tiny, [0, 1, 2], 2, false);
    const code = await runList({lng: 'ru', packs: [fixture('good')], stdout: out, content: empty, progress, width: 60});
    expect(code).toBe(0);
    const lines = out.text.trimEnd().split('\n');
    expect(lines[0]).toBe('Уроки');
    expect(lines[2]).toMatch(/^01 {2}Крошечный урок +3\/6$/);
    expect(textWidth(lines[2]!)).toBe(60);
    // Concepts by name in the learner's language: nobody knows what "C4" is.
    expect(lines[3]).toBe('    понятия: пассивный сокет и accept · языки: en ru');
  });

  it.each(['en', 'fa', 'ru'] as const)('--width 20 (%s): every row fits in 20 columns, builtin lessons included', async (lng) => {
    const out = sink();
    expect(await runList({lng, packs: [], stdout: out, width: 20})).toBe(0);
    const lines = out.text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((l) => textWidth(l) > 20)).toEqual([]);
  });

  it('a broken pack: the good lessons are listed, problems reported, exit 1', async () => {
    const out = sink();
    const err = sink();
    const code = await runList({lng: 'en', packs: [fixture('good'), fixture('unknown-concept')], stdout: out, stderr: err, content: empty});
    expect(code).toBe(1);
    expect(out.text).toContain('A tiny lesson');
    expect(err.text).toMatch(/01-concept\.yaml:4: concepts\[1\]: unknown concept “C16”/);
  });
});

describe('lesson --auto on a pack', () => {
  it('plain text: wrapped to --width, values filled in, unknown placeholders left visible, answer revealed', async () => {
    const out = sink();
    const code = await runLessonAuto({id: 'tiny', lng: 'en', json: false, width: 40, packs: [fixture('good')], stdout: out, content: empty});
    expect(code, out.text).toBe(0);
    const lines = out.text.trimEnd().split('\n');
    for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(40);
    // Continuation lines hang under the text after their marker.
    expect(out.text).toMatch(/\n {2}▸ the app runs: listen tcp\n {4}127\.0\.0\.1:0 as srv\n/);
    expect(out.text).toMatch(/srv listens on 127\.0\.0\.1:\d+, port\s+\d+;\s+\{nobody\.port\}\s+stays as\s+written\./);
    expect(out.text).toMatch(/\n {2}2\) One the OS chooses\. ✓ \(the\n {5}answer\)\n/);
    expect(out.text).toMatch(/▸ show me: connect tcp srv as c1/);
    expect(out.text).toContain('Task done: the app did it for you');
    expect(out.text.trimEnd().endsWith('Every expectation was met.')).toBe(true);
  });

  it('a lesson without the learner language is shown in English, and says so', async () => {
    const out = sink();
    const code = await runLessonAuto({id: 'tiny', lng: 'fa', json: true, packs: [fixture('good')], stdout: out, content: empty});
    expect(code).toBe(0);
    const records = out.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({type: 'lesson', lng: 'en', title: 'A tiny lesson'});
    expect(records[1]).toMatchObject({type: 'notice', kind: 'other-language'});
    expect(records[1].text).toContain('fa');
    const task = records.find((r) => r.type === 'step' && r.kind === 'task');
    expect(task).toMatchObject({status: 'complete', by: 'solution', expect: {event: 'accept', socket: 'srv', count: 1}});
    expect(task.prompt).toMatch(/^Connect to \d+ from another terminal\.$/);
  });

  it('leaves no socket of this process open', async () => {
    const os = await ownSockets();
    if (os) expect(os).toEqual([]);
  });
});
