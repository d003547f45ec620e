import { describe, expect, it } from 'vitest';
import { parseSpec, parseSpecText } from '../core/spec.js';
import { Pipeline } from './pipeline.js';

const formatSpec = (extra: Record<string, unknown> = {}) =>
  parseSpec({
    name: 't',
    rewards: [
      { name: 'tags', type: 'format', options: { tags: ['think', 'answer'] }, gate: true },
      { name: 'boxed', type: 'format', weight: 0.5, options: { pattern: '\\\\boxed\\{' } },
    ],
    ...extra,
  });

describe('Pipeline', () => {
  it('scores components and combines them with a weighted sum by default', async () => {
    const pipeline = Pipeline.compile(formatSpec());
    const result = await pipeline.scoreSample({
      id: 'a',
      response: '<think>x</think><answer>\\boxed{2}</answer>',
    });
    expect(result.reward).toBe(1.5);
    expect(result.components['tags']?.status).toBe('correct');
  });

  it('zeroes the reward when a gate fails under combine: gated', async () => {
    const pipeline = Pipeline.compile(formatSpec({ combine: 'gated' }));
    const result = await pipeline.scoreSample({ id: 'a', response: '\\boxed{2}' });
    expect(result.reward).toBe(0);
    expect(result.components['boxed']?.score).toBe(1);
    expect(result.components['tags']?.details['reason']).toBe('no <think> tag');
  });

  it('turns an invalid sample into an error result that names the line and field', async () => {
    const pipeline = Pipeline.compile(formatSpec());
    const result = await pipeline.scoreSample({ id: 'x', response: 42 }, { line: 7 });
    expect(result.reward).toBeNull();
    expect(result.id).toBe('x');
    expect(result.error?.message).toMatch(/line 7: field 'response': expected string, found number 42/);
  });

  it('scores a row with fields the sample contract does not name, and still checks the ones it does', async () => {
    const pipeline = Pipeline.compile(formatSpec());
    // verl's rows carry data_source, ability and extra_info beside the sample's own fields.
    const extra = { data_source: 'openai/gsm8k', ability: 'math', extra_info: { index: 3 } };
    const result = await pipeline.scoreSample({ id: 'v', response: '\\boxed{2}', ...extra });
    expect(result.error).toBeNull();
    expect(result.components['boxed']?.score).toBe(1);
    const bad = await pipeline.scoreSample({ id: 'w', response: 'x', steps: 'one', ...extra }, { line: 3 });
    expect(bad.reward).toBeNull();
    expect(bad.error?.message).toMatch(/line 3: field 'steps'/);
  });

  it('gives an input without id the id line:N', async () => {
    const pipeline = Pipeline.compile(formatSpec());
    const result = await pipeline.scoreSample({ response: 'r' }, { line: 3 });
    expect(result.id).toBe('line:3');
  });

  it('refuses an unknown reward type at compile time with the valid names and a suggestion', () => {
    const spec = parseSpec({ name: 't', rewards: [{ name: 'c', type: 'formt' }] });
    expect(() => Pipeline.compile(spec)).toThrow(
      /rewards\[0\]\.type: unknown reward type 'formt'.*did you mean 'format'/s,
    );
  });

  it('refuses bad kind options at compile time, naming the path', () => {
    const spec = parseSpec({
      name: 't',
      rewards: [{ name: 'c', type: 'format', options: { pattern: '(' } }],
    });
    expect(() => Pipeline.compile(spec)).toThrow(
      /rewards\[0\]\.options\.pattern: not a valid regular expression/,
    );
  });
});

describe('spec loader', () => {
  it('names the line, the path and a suggestion for a misspelt key', () => {
    const text = 'name: t\nrewards:\n  - name: c\n    type: format\n    wieght: 2\n';
    expect(() => parseSpecText(text, 'spec.yaml')).toThrow(
      /spec\.yaml:3:5: rewards\[0\]: unknown key 'wieght'; did you mean 'weight'\?/,
    );
  });

  it('says what was expected and what was found', () => {
    const text = 'name: t\nrewards:\n  - name: c\n    type: format\n    weight: heavy\n';
    expect(() => parseSpecText(text, 'spec.yaml')).toThrow(
      /spec\.yaml:5:13: rewards\[0\]\.weight: expected number, found the string "heavy"/,
    );
  });
});
