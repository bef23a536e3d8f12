// Parse a lesson file's YAML keeping positions, so every later error can name a line.
// Safety: the `yaml` package never executes code; we use the plain core schema, no
// custom tags, and refuse any explicit tag outright (!!js/function, !Ref, ...). A file
// nested deeper than a lesson can need is refused before parsing (the parser recurses),
// and every check here is linear in the file's size (duplicate keys are found with a set,
// key lines through an index), so a file of 100,000 keys costs milliseconds, not minutes.
// Every string of the result went through the sanitiser: a lesson file is outside text.
import {isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit} from 'yaml';
import type {Node, YAMLMap} from 'yaml';
import {visible, visibleDeep} from '../text/visible.ts';

export type Path = readonly (string | number)[];

export interface YamlProblem {
  line: number;
  code: 'yaml-syntax' | 'yaml-tag' | 'yaml-empty' | 'too-deep';
  params: Record<string, string>;
}

export interface YamlSource {
  /** The plain data, or undefined when the text did not parse. */
  data: unknown;
  problems: YamlProblem[];
  /** Line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: Path): number;
  /** Line of the key `property` inside the map at `path` (for unknown fields). */
  keyLineOf(path: Path, property: string): number;
}

/** Nesting a lesson file may use: a lesson is about six levels deep. */
export const MAX_YAML_DEPTH = 16;

export function parseYamlSource(text: string): YamlSource {
  const deep = tooDeepAt(text, MAX_YAML_DEPTH);
  if (deep !== undefined) {
    return {data: undefined, problems: [{line: deep, code: 'too-deep', params: {limit: String(MAX_YAML_DEPTH)}}], lineOf: () => deep, keyLineOf: () => deep};
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    customTags: [],
    // Checked below with a set: the library compares each key with every earlier one.
    uniqueKeys: false,
    prettyErrors: false,
  });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    problems.push({line: lineAt(error.pos[0]), code: 'yaml-syntax', params: {message: firstLine(error.message)}});
  }
  if (problems.length === 0) {
    visit(doc, (_key, node) => {
      // `yaml` sets `tag` only when the author wrote one.
      if (isNode(node) && node.tag !== undefined) {
        problems.push({line: lineAt(node.range?.[0] ?? 0), code: 'yaml-tag', params: {tag: node.tag.replace('tag:yaml.org,2002:', '!!')}});
      }
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? `s:${String(pair.key.value)}` : undefined;
          if (key === undefined) continue;
          if (seen.has(key)) problems.push({line: lineAt((pair.key as Node).range?.[0] ?? 0), code: 'yaml-syntax', params: {message: 'Map keys must be unique'}});
          seen.add(key);
        }
      }
    });
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      // Bounded alias expansion: a "billion laughs" file is an error, not a hang.
      data = visibleDeep(doc.toJS({maxAliasCount: 50}), 'line');
    } catch (error) {
      problems.push({line: 1, code: 'yaml-syntax', params: {message: firstLine(String((error as Error).message))}});
    }
    if (problems.length === 0 && (data === null || data === undefined)) {
      problems.push({line: 1, code: 'yaml-empty', params: {}});
    }
  }

  const nodeAt = (path: Path): Node | undefined => {
    let node: unknown = doc.contents;
    for (const segment of path) {
      if (isMap(node) || isSeq(node)) node = node.get(segment, true);
      else return undefined;
    }
    return isNode(node) ? node : undefined;
  };
  const lineOf = (path: Path): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(path.slice(0, n));
      if (node?.range) return lineAt(node.range[0]);
    }
    return 1;
  };
  // Each map's key → line, built the first time a key of that map is asked for.
  const keyLines = new WeakMap<YAMLMap, Map<string, number>>();
  const keyLineOf = (path: Path, property: string): number => {
    const node = nodeAt(path);
    if (isMap(node)) {
      let index = keyLines.get(node);
      if (!index) {
        index = new Map();
        for (const pair of node.items) {
          if (isPair(pair) && isScalar(pair.key) && pair.key.range && !index.has(String(pair.key.value))) {
            index.set(visible(String(pair.key.value), 'line'), lineAt(pair.key.range[0]));
          }
        }
        keyLines.set(node, index);
      }
      const line = index.get(property);
      if (line !== undefined) return line;
    }
    return lineOf(path);
  };
  return {data, problems, lineOf, keyLineOf};
}

/** Engine messages may quote the file: one short line of them at most. */
function firstLine(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.length > 100 ? `${first.slice(0, 100)}…` : first;
}

/**
 * The first line where brackets or indentation nest deeper than `limit`, by a linear scan
 * (approximate — quotes are skipped, comments are not special — which is enough to keep
 * a recursive parser away from a file built to exhaust its stack).
 */
function tooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        // Block nesting: each level is at least one more column of indent (or a "- ").
        if (++indent > limit * 8) return line;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++; // a comment
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** What the build stores beside a builtin lesson so the app need not parse YAML at start-up. */
export interface Preparsed {
  data: unknown;
  /** Lines of `id` and of every step ("steps.3"): what the loader asks for in a valid lesson. */
  lines: Record<string, number>;
}

const pathKey = (path: Path): string => path.join('.');

/** Parses a lesson at build time; undefined when it has problems (the app reports them). */
export function preparse(text: string): Preparsed | undefined {
  const source = parseYamlSource(text);
  if (source.problems.length > 0) return undefined;
  const lines: Record<string, number> = {id: source.lineOf(['id'])};
  const steps = (source.data as {steps?: unknown}).steps;
  if (Array.isArray(steps)) steps.forEach((_, i) => (lines[pathKey(['steps', i])] = source.lineOf(['steps', i])));
  return {data: source.data, lines};
}

/** A source from build-time data; any line not stored parses the text then (errors only). */
export function preparsedSource(text: string, pre: Preparsed): YamlSource {
  let full: YamlSource | undefined;
  const parsed = () => (full ??= parseYamlSource(text));
  return {
    data: pre.data,
    problems: [],
    lineOf: (path) => pre.lines[pathKey(path)] ?? parsed().lineOf(path),
    keyLineOf: (path, property) => parsed().keyLineOf(path, property),
  };
}
