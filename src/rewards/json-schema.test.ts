import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../core/result.js';
import type { ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { extractJsonText, jsonSchemaReward } from './json-schema.js';

const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};
const personSchema = {
  type: 'object',
  required: ['name', 'age'],
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
};

function scoreWith(options: unknown, sample: Sample): ComponentResult {
  const parsed = jsonSchemaReward.optionsSchema.parse(options);
  return jsonSchemaReward
    .create(parsed, { concurrency: 1, allowUnsandboxed: false })
    .score(sample, context) as ComponentResult;
}

describe('json_schema reward', () => {
  it('extracts a fenced json block, the whole response, or the first {...} span', () => {
    expect(extractJsonText('Here:\n```json\n{"a": 1}\n```\nbye')).toEqual({
      text: '{"a": 1}',
      from: 'fenced block',
    });
    expect(extractJsonText(' [1, 2] ')).toEqual({ text: '[1, 2]', from: 'whole response' });
    expect(extractJsonText('The result is {"a": "}{", "b": {"c": 2}} ok')).toEqual({
      text: '{"a": "}{", "b": {"c": 2}}',
      from: 'first {...} span',
    });
    expect(extractJsonText('no json here')).toBeUndefined();
  });

  it('scores 1 for matching JSON and 0 with ajv errors otherwise', () => {
    const options = { schema: personSchema };
    expect(scoreWith(options, { id: 'a', response: '{"name": "Ada", "age": 36}' }).score).toBe(1);
    const wrong = scoreWith(options, { id: 'a', response: '{"name": "Ada", "age": -1}' });
    expect(wrong.score).toBe(0);
    expect(wrong.details['errors']).toEqual([{ path: '/age', message: 'must be >= 0' }]);
  });

  it('treats invalid JSON as incorrect with a reason, not a crash', () => {
    const result = scoreWith({ schema: personSchema }, { id: 'a', response: '{"name": "Ada", age: 36}' });
    expect(result.score).toBe(0);
    expect(result.details['reason']).toMatch(/^invalid JSON/);
  });

  it('uses reference.schema when the spec gives none, and errors when neither exists', () => {
    const sample = { id: 'a', response: '{"name": "Ada", "age": 3}', reference: { schema: personSchema } };
    expect(scoreWith({}, sample).score).toBe(1);
    expect(scoreWith({}, { id: 'a', response: '{}' })).toMatchObject({ score: null, status: 'error' });
    const badSchema = { id: 'a', response: '{}', reference: { schema: { type: 'nonsense' } } };
    expect(scoreWith({}, badSchema)).toMatchObject({ score: null, status: 'error' });
  });

  it('refuses an invalid options.schema when the spec is compiled', () => {
    const parsed = jsonSchemaReward.optionsSchema.parse({ schema: { type: 'nonsense' } });
    expect(() => jsonSchemaReward.create(parsed, { concurrency: 1, allowUnsandboxed: false })).toThrow(
      /JSON Schema/,
    );
  });
});
