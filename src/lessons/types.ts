// The lesson model: what a validated lesson file becomes. Data only, no prose.
import type {LabEventType} from '../lab/types.ts';

export const CONCEPTS = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15',
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** Platform features a lesson or a step may need. */
export const REQUIREMENTS = ['unix'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];
export type Capabilities = Record<Requirement, boolean>;

export const EXPECT_EVENTS = [
  'socket', 'bind', 'listen', 'connect', 'disconnect', 'accept', 'data', 'send', 'message', 'end', 'close', 'error', 'os',
] as const satisfies readonly LabEventType[];

/** A predicate over the lab's live events since the task began. */
export interface Expect {
  event: LabEventType;
  socket?: string;
  code?: string;
  state?: string;
  count: number;
}

interface StepBase {
  requires: Requirement[];
  /** 1-based line of the step in its YAML file, for messages. */
  line: number;
}

export type Step = StepBase &
  (
    | {kind: 'say'; key: string}
    | {kind: 'run'; commands: string[]}
    | {kind: 'ask'; question: string; choices: string[]; answer: number; explain: string}
    | {
        kind: 'task';
        prompt: string;
        where: 'prompt' | 'terminal';
        hints: string[];
        expect: Expect;
        solution: string[];
      }
  );

export type StepKind = Step['kind'];

export interface Lesson {
  id: string;
  /** The NN of NN-id.yaml: menu order. */
  order: number;
  /** The file as given to the loader (e.g. "lessons/01-socket.yaml"). */
  file: string;
  /** Which pack it came from: "builtin" or the pack directory. */
  pack: string;
  concepts: Concept[];
  requires: Requirement[];
  steps: Step[];
  /** Languages that ship this lesson's locale file, in the pack's order. */
  languages: string[];
}

export type LessonErrorCode =
  | 'read-error' // {message}: the file or folder could not be read
  | 'not-regular' // {kind}: a FIFO, device, socket or folder where a file belongs
  | 'outside-link' // a symbolic link that leads out of the pack
  | 'too-big' // {size, limit}: a file over the size cap
  | 'pack-too-big' // {limit}: the pack's files together are over the cap
  | 'lessons-too-big' // {limit}: the lesson files together are over their cap
  | 'too-many-lessons' // {count, limit}
  | 'too-many-files' // {limit}: a folder with more entries than are looked at
  | 'too-deep' // {limit}: data nested deeper than a lesson or locale file can need
  | 'nesting' // {key}: prose that asks i18next to insert other keys ($t(...))
  | 'prose-too-long' // {key, length, limit}
  | 'more-errors' // {count}: further problems in the same file, not listed
  | 'empty-pack' // the folder has no lessons/*.yaml
  | 'yaml-syntax' // {message}
  | 'yaml-tag' // {tag}: custom tags are refused
  | 'yaml-empty'
  | 'file-name' // not NN-id.yaml
  | 'type' // {expected}
  | 'required' // {property}
  | 'unknown-field' // {property}
  | 'enum' // {allowed}
  | 'pattern' // {pattern}
  | 'min-items' // {min}
  | 'min-value' // {min}
  | 'duplicate-item' // {value}
  | 'step-action' // {found}: a step needs exactly one of say/run/ask/task
  | 'id-mismatch' // {id, expected}
  | 'duplicate-id' // {id, other}
  | 'reserved-id' // {id}: the id is one of the app's own locale namespaces
  | 'unknown-concept' // {concept}
  | 'answer-range' // {answer, choices}
  | 'missing-locale' // no locale file for the lesson in any language
  | 'locale-json' // {message}: a locale file is not a JSON object
  | 'missing-key' // {key, language, localeFile}
  | 'bad-command' // {command, reason}
  | 'expect-mismatch' // {property, event, needs}: e.g. `code` on a non-error event
  | 'no-task'
  | 'no-ask'
  | 'invalid'; // {message}: any other schema complaint

/** A typed problem with a lesson pack. The lint output turns it into words. */
export interface LessonError {
  file: string;
  line: number;
  /** Path inside the file, e.g. "steps[3].task.expect.event"; "" for the whole file. */
  field: string;
  code: LessonErrorCode;
  params: Record<string, string | number>;
}
