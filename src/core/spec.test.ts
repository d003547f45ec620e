import { describe, expect, it } from 'vitest';
import { Pipeline } from '../engine/pipeline.js';
import { RewardKitError } from './errors.js';
import { parseSpec, parseSpecText } from './spec.js';

function specError(run: () => unknown): RewardKitError {
  try {
    run();
  } catch (error) {
    if (error instanceof RewardKitError) return error;
    throw error;
  }
  throw new Error('expected a spec error');
}

describe('spec validation', () => {
  it('fills the documented defaults', () => {
    const spec = parseSpec({ name: 'x', rewards: [{ name: 'f', type: 'format' }] });
    expect(spec).toMatchObject({ combine: 'weighted_sum', on_error: 'zero', steps: { split: 'none' } });
    expect(spec.rewards[0]).toMatchObject({ weight: 1, gate: false, options: {} });
  });

  it('locates a misspelt key by file:line:col and suggests the right key', () => {
    const error = specError(() =>
      parseSpecText('name: x\nrewards:\n  - name: f\n    type: format\n    wieght: 2\n', 'spec.yaml'),
    );
    expect(error.code).toBe('RK_SPEC_INVALID');
    expect(error.message).toMatch(
      /spec\.yaml:3:5: rewards\[0\]: unknown key 'wieght'; did you mean 'weight'\?/,
    );
  });

  it('names every bad path at once: expected versus found', () => {
    const error = specError(() =>
      parseSpec({ name: '', rewards: [{ name: 'f', type: 'format', weight: 'high' }], combine: 'avg' }),
    );
    expect(error.message).toMatch(/name: .*found the string ""/);
    expect(error.message).toMatch(/rewards\[0\]\.weight: expected number, found the string "high"/);
    expect(error.message).toMatch(
      /combine: expected one of "weighted_sum", "min", "product", "gated", found the string "avg"/,
    );
  });

  it('refuses an empty reward list, duplicate reward names and unreadable YAML', () => {
    expect(specError(() => parseSpec({ name: 'x', rewards: [] })).message).toMatch(/at least one reward/);
    const duplicate = specError(() =>
      parseSpec({
        name: 'x',
        rewards: [
          { name: 'f', type: 'format' },
          { name: 'f', type: 'length' },
        ],
      }),
    );
    expect(duplicate.message).toMatch(/rewards\[1\]\.name: duplicate reward name 'f'/);
    const yaml = specError(() => parseSpecText('name: x\nrewards: [\n', 'bad.yaml'));
    expect(yaml.code).toBe('RK_SPEC_UNREADABLE');
    expect(yaml.message).toMatch(/^bad\.yaml:\d+:\d+: not valid YAML/);
  });

  it('checks reward types and their options when compiled, before any sample', () => {
    const unknown = specError(() =>
      Pipeline.compile(parseSpec({ name: 'x', rewards: [{ name: 'f', type: 'fromat' }] })),
    );
    expect(unknown.message).toMatch(
      /rewards\[0\]\.type: unknown reward type 'fromat'.*did you mean 'format'/,
    );
    const badOptions = specError(() =>
      Pipeline.compile(
        parseSpec({
          name: 'x',
          rewards: [
            { name: 'len', type: 'length', options: { mode: 'budget', budget: -3 } },
            { name: 'm', type: 'match', options: { mode: 'fuzzy' } },
          ],
        }),
      ),
    );
    expect(badOptions.message).toMatch(/rewards\[0\]\.options\.budget/);
    expect(badOptions.message).toMatch(
      /rewards\[1\]\.options\.mode: expected one of "exact", "normalized", "contains", "f1"/,
    );
  });

  it('refuses combine: gated without any gate', () => {
    const error = specError(() =>
      Pipeline.compile(
        parseSpec({
          name: 'x',
          combine: 'gated',
          rewards: [{ name: 'f', type: 'format', options: { tags: ['a'] } }],
        }),
      ),
    );
    expect(error.message).toMatch(/gated' needs at least one reward with gate: true/);
  });
});
