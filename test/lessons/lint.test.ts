// Lesson packs that are wrong in one way each: the error names the right file, line and
// field, and `lint DIR` prints it and exits 1. A good pack passes with exit 0.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runLint} from '../../src/cli/lint-mode.ts';
import {loadPack} from '../../src/lessons/loader.ts';
import {readPackDir} from '../../src/lessons/pack-fs.ts';
import type {LessonError} from '../../src/lessons/types.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

function lint(name: string): {errors: LessonError[]; lessons: string[]} {
  const {lessons, errors} = loadPack(readPackDir(fixture(name)));
  return {errors, lessons: lessons.map((l) => l.id)};
}

async function lintOutput(dir: string, lng: 'en' | 'fa' | 'ru' = 'en'): Promise<{code: number; lines: string[]}> {
  let text = '';
  const code = await runLint(dir, {lng, stdout: {write: (s: string) => (text += s)}});
  return {code, lines: text.trimEnd().split('\n')};
}

describe('lint: broken packs', () => {
  it('bad YAML: the file and the line of the syntax error', async () => {
    const {errors, lessons} = lint('bad-yaml');
    expect(lessons).toEqual([]);
    expect(errors[0]).toMatchObject({file: path.join(fixture('bad-yaml'), 'lessons', '01-broken.yaml'), code: 'yaml-syntax'});
    // The flow sequence opened on line 4 is never closed; yaml reports it there or where it gives up (line 5).
    expect([4, 5, 6]).toContain(errors[0]!.line);
    const out = await lintOutput(fixture('bad-yaml'));
    expect(out.code).toBe(1);
    expect(out.lines[0]).toMatch(/01-broken\.yaml:[456]: not valid YAML: /);
  });

  it('unknown command: the line of the command and the command language explains', async () => {
    const {errors} = lint('unknown-command');
    expect(errors).toEqual([
      expect.objectContaining({line: 12, field: 'steps[2].run[1]', code: 'bad-command', params: expect.objectContaining({command: 'frobnicate srv', reason: 'UNKNOWN_VERB'})}),
    ]);
    const out = await lintOutput(fixture('unknown-command'));
    expect(out.code).toBe(1);
    expect(out.lines[0]).toMatch(/01-cmd\.yaml:12: steps\[2\]\.run\[1\]: the command “frobnicate srv” is not valid: .*frobnicate/);
  });

  it('missing key: names the language file and the line that uses the key', async () => {
    const {errors} = lint('missing-key');
    expect(errors).toEqual([
      expect.objectContaining({
        line: 9,
        field: 'steps[1].ask.explain',
        code: 'missing-key',
        params: expect.objectContaining({key: 'why', language: 'fa', localeFile: path.join(fixture('missing-key'), 'locales', 'fa', 'keys.json')}),
      }),
    ]);
    const out = await lintOutput(fixture('missing-key'));
    expect(out.lines[0]).toContain('01-keys.yaml:9: steps[1].ask.explain: the key “why” is missing from');
    expect(out.lines[0]).toContain(path.join('locales', 'fa', 'keys.json'));
  });

  it('unknown concept: the line of that list item', async () => {
    const {errors} = lint('unknown-concept');
    expect(errors).toEqual([expect.objectContaining({line: 4, field: 'concepts[1]', code: 'unknown-concept', params: {concept: 'C16'}})]);
    const out = await lintOutput(fixture('unknown-concept'), 'ru');
    expect(out.code).toBe(1);
    expect(out.lines[0]).toMatch(/01-concept\.yaml:4: concepts\[1\]: неизвестное понятие «C16»/);
  });

  it('a folder that does not exist is an error, not a crash', async () => {
    const out = await lintOutput(fixture('no-such-pack'));
    expect(out.code).toBe(1);
    expect(out.lines[0]).toContain('no-such-pack:1: cannot be read (ENOENT)');
  });

  it('a good pack that ships only some languages passes', async () => {
    expect(lint('good')).toEqual({errors: [], lessons: ['tiny']});
    const out = await lintOutput(fixture('good'));
    expect(out).toEqual({code: 0, lines: ['1 lesson checked: no problems.']});
  });
});

describe('loader: schema and semantic checks, in memory', () => {
  const locales = {en: {x: {title: 't', summary: 's', intro: 'i', q: 'q', a: 'a', b: 'b', why: 'w', task: 't'}}};
  const valid = `id: x
concepts: [C1]
steps:
  - say: intro
  - ask: {question: q, choices: [a, b], answer: 0, explain: why}
  - task:
      prompt: task
      expect: {event: listen}
      solution: [listen tcp 127.0.0.1:0 as srv]
`;
  const load = (text: string, file = 'lessons/01-x.yaml') => loadPack({name: 't', lessons: [{file, text}], locales});

  it('accepts the valid lesson and builds the model', () => {
    const {lessons, errors} = load(valid);
    expect(errors).toEqual([]);
    expect(lessons[0]).toMatchObject({id: 'x', order: 1, concepts: ['C1'], languages: ['en']});
    expect(lessons[0]!.steps.map((s) => s.kind)).toEqual(['say', 'ask', 'task']);
    expect(lessons[0]!.steps[2]).toMatchObject({where: 'prompt', hints: [], expect: {event: 'listen', count: 1}});
  });

  it.each([
    ['unknown field', valid.replace('  - say: intro', '  - say: intro\n    colour: red'), {line: 5, field: 'steps[0].colour', code: 'unknown-field'}],
    ['wrong type', valid.replace('answer: 0', 'answer: "zero"'), {line: 5, field: 'steps[1].ask.answer', code: 'type'}],
    ['answer out of range', valid.replace('answer: 0', 'answer: 2'), {line: 5, field: 'steps[1].ask.answer', code: 'answer-range'}],
    ['unknown event', valid.replace('event: listen', 'event: accepted'), {line: 8, field: 'steps[2].task.expect.event', code: 'enum'}],
    ['missing solution', valid.replace('      solution: [listen tcp 127.0.0.1:0 as srv]\n', ''), {line: 7, field: 'steps[2].task.solution', code: 'required'}],
    ['two actions in a step', valid.replace('  - say: intro', '  - say: intro\n    run: [sockets]'), {line: 4, field: 'steps[0]', code: 'step-action'}],
    ['no task', valid.split('  - task:')[0]!, {line: 3, field: 'steps', code: 'no-task'}],
    ['no ask', valid.replace('  - ask: {question: q, choices: [a, b], answer: 0, explain: why}\n', ''), {line: 3, field: 'steps', code: 'no-ask'}],
    ['id differs from the file name', valid.replace('id: x', 'id: y'), {line: 1, field: 'id', code: 'id-mismatch'}],
    ['a custom tag', valid.replace('say: intro', 'say: !!js/function "intro"'), {line: 4, code: 'yaml-tag'}],
    ['a quit in a lesson', valid.replace('[listen tcp 127.0.0.1:0 as srv]', '[quit]'), {line: 9, code: 'bad-command'}],
    ['code on a non-error event', valid.replace('{event: listen}', '{event: listen, code: EADDRINUSE}'), {line: 8, code: 'expect-mismatch'}],
  ])('%s → typed error at the right line', (_name, text, expected) => {
    const {errors, lessons} = load(text);
    expect(lessons).toEqual([]);
    expect(errors).toContainEqual(expect.objectContaining({file: 'lessons/01-x.yaml', ...expected}));
  });

  it('an id that is one of the app namespaces is refused (it would replace the app words)', () => {
    const {errors} = loadPack({name: 't', lessons: [{file: 'lessons/01-lessons.yaml', text: valid.replace('id: x', 'id: lessons')}], locales: {en: {lessons: locales.en.x}}});
    expect(errors).toContainEqual(expect.objectContaining({line: 1, field: 'id', code: 'reserved-id'}));
  });

  it('a badly named file is reported', () => {
    expect(load(valid, 'lessons/x.yaml').errors).toContainEqual(expect.objectContaining({code: 'file-name', params: {name: 'x.yaml'}}));
  });

  it('title and summary must exist in every language the lesson ships', () => {
    const {errors} = loadPack({name: 't', lessons: [{file: 'lessons/01-x.yaml', text: valid}], locales: {...locales, ru: {x: {...locales.en.x, summary: undefined}}}});
    expect(errors).toContainEqual(expect.objectContaining({file: 'locales/ru/x.json', field: 'summary', code: 'missing-key'}));
  });

  it('a lesson with no locale file at all is an error', () => {
    const {errors} = loadPack({name: 't', lessons: [{file: 'lessons/01-x.yaml', text: valid}], locales: {}});
    expect(errors).toContainEqual(expect.objectContaining({code: 'missing-locale'}));
  });

  it('a duplicate id in a second pack is reported on its id line and left out', () => {
    const pack = {name: 'a', lessons: [{file: 'lessons/01-x.yaml', text: valid}], locales};
    const other = {name: 'b', lessons: [{file: 'b/lessons/02-x.yaml', text: valid}], locales};
    const first = loadPack(pack);
    const both = [first, loadPack(other)];
    expect(both.every((r) => r.errors.length === 0)).toBe(true);
    const merged = loadPack({name: 'ab', lessons: [...pack.lessons, ...other.lessons], locales});
    expect(merged.lessons).toHaveLength(1);
    expect(merged.errors).toEqual([expect.objectContaining({file: 'b/lessons/02-x.yaml', line: 1, code: 'duplicate-id'})]);
  });

  it('never executes anything and never throws, whatever the text', () => {
    const nasty = [
      '',
      '---\n---\n',
      '&a [*a]',
      'a: &a ["x", *a]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]',
      '!!python/object/apply:os.system ["echo pwned"]',
      'id: x\nconcepts: C1\nsteps: 3',
      '{id: x, concepts: [C1], steps: [{task: {prompt: task, expect: {event: listen}, solution: [""]}}]}',
      '\u0000\u0001',
      'id: x\nid: x\n',
    ];
    for (const text of nasty) {
      const result = load(text);
      expect(result.lessons).toEqual([]);
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }
  });
});
