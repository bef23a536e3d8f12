// JSON schema of a lesson file (docs/lesson-format.md). Structure only; cross-checks
// (id = file name, keys exist, commands parse, answer in range) live in semantic.ts.
import {EXPECT_EVENTS, REQUIREMENTS} from './types.ts';

const key = {type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'} as const;
const keys = {type: 'array', items: key} as const;
const commands = {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}} as const;
const requires = {type: 'array', items: {enum: [...REQUIREMENTS]}, uniqueItems: true} as const;
// A socket name as the command language spells it ("as srv").
const name = {type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_#-]*$'} as const;

export const lessonSchema = {
  type: 'object',
  required: ['id', 'concepts', 'steps'],
  additionalProperties: false,
  properties: {
    id: key,
    // Unknown concept ids are reported by the semantic pass with a clearer message.
    concepts: {type: 'array', minItems: 1, items: {type: 'string'}, uniqueItems: true},
    requires,
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        // "exactly one of say/run/ask/task" is checked in semantic.ts: oneOf errors are unreadable.
        additionalProperties: false,
        properties: {
          requires,
          say: key,
          run: commands,
          ask: {
            type: 'object',
            required: ['question', 'choices', 'answer', 'explain'],
            additionalProperties: false,
            properties: {
              question: key,
              choices: {type: 'array', minItems: 2, items: key},
              answer: {type: 'integer', minimum: 0},
              explain: key,
            },
          },
          task: {
            type: 'object',
            required: ['prompt', 'expect', 'solution'],
            additionalProperties: false,
            properties: {
              prompt: key,
              where: {enum: ['prompt', 'terminal']},
              hints: keys,
              expect: {
                type: 'object',
                required: ['event'],
                additionalProperties: false,
                properties: {
                  event: {enum: [...EXPECT_EVENTS]},
                  socket: name,
                  code: {type: 'string', pattern: '^E[A-Z]+$'},
                  state: {type: 'string', pattern: '^[A-Z_0-9]+$'},
                  count: {type: 'integer', minimum: 1},
                },
              },
              solution: commands,
            },
          },
        },
      },
    },
  },
} as const;
