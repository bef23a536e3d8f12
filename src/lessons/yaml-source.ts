// Parse a lesson file's YAML keeping positions, so every later error can name a line.
// Safety: the `yaml` package never executes code; we use the plain core schema, no
// custom tags, and refuse any explicit tag outright (!!js/function, !Ref, ...).
import {isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit} from 'yaml';
import type {Node} from 'yaml';

export type Path = readonly (string | number)[];

export interface YamlProblem {
  line: number;
  code: 'yaml-syntax' | 'yaml-tag' | 'yaml-empty';
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

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    customTags: [],
    uniqueKeys: true,
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
    });
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      // Bounded alias expansion: a "billion laughs" file is an error, not a hang.
      data = doc.toJS({maxAliasCount: 50});
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
  const keyLineOf = (path: Path, property: string): number => {
    const node = nodeAt(path);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === property && pair.key.range) {
          return lineAt(pair.key.range[0]);
        }
      }
    }
    return lineOf(path);
  };
  return {data, problems, lineOf, keyLineOf};
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
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
