import { describe, expect, it } from 'vitest';
import type { RewardResult } from '../../core/result.js';
import { parseSpecText } from '../../core/spec.js';
import { correctnessComponentOf, getRewardAnswer, jsonWithFloats } from './get-reward-answer.js';
import { responseOfQuery } from './get-reward-route.js';

const spec = parseSpecText(
  [
    'name: s',
    'rewards:',
    '  - {name: format, type: format, weight: 0.3, options: {tags: [answer]}}',
    '  - {name: correct, type: math}',
  ].join('\n'),
);

function result(reward: number | null, correct: number | null, format: number | null): RewardResult {
  const component = (score: number | null) => ({
    score,
    status: score === null ? ('unparseable' as const) : ('correct' as const),
    details: {},
  });
  return {
    id: 0,
    reward,
    components: { correct: component(correct), format: component(format) },
    error: null,
    ms: 0,
  };
}

describe('the /get_reward answer', () => {
  it('takes scores from the correctness component, clipped to [0, 1], and one extra_logs number per sample', () => {
    expect(correctnessComponentOf(spec)).toBe('correct');
    const answer = getRewardAnswer(spec, [result(1.3, 1, 1), result(null, null, 1), result(0.3, 0, 1)]);
    expect(answer.rewards).toEqual([1.3, 0, 0.3]);
    expect(answer.scores).toEqual([1, 0, 0]);
    expect(answer.extra_logs).toEqual({
      null_reward: [0, 1, 0],
      undecided_components: [0, 1, 0],
      score_format: [1, 1, 1],
      score_correct: [1, 0, 0],
    });
  });

  it('prefers a gate, and clips the reward when the spec has no correctness kind', () => {
    const gated = parseSpecText(
      'name: g\ncombine: gated\nrewards:\n  - {name: correct, type: math}\n  - {name: format, type: format, gate: true, options: {tags: [a]}}\n',
    );
    expect(correctnessComponentOf(gated)).toBe('format');
    const formatOnly = parseSpecText(
      'name: f\nrewards:\n  - {name: format, type: format, options: {tags: [a]}}\n',
    );
    expect(correctnessComponentOf(formatOnly)).toBeUndefined();
    const answer = getRewardAnswer(formatOnly, [
      { id: 0, reward: 1.5, components: {}, error: null, ms: 0 },
      { id: 1, reward: -2, components: {}, error: null, ms: 0 },
    ]);
    expect(answer.scores).toEqual([1, 0]);
  });

  it('writes every number as a float so that Python reads floats', () => {
    expect(jsonWithFloats({ rewards: [1, 0, 0.5, -3, 1e21], extra_logs: { n: [2] }, skip: undefined })).toBe(
      '{"rewards":[1.0,0.0,0.5,-3.0,1e+21],"extra_logs":{"n":[2.0]}}',
    );
    expect(() => jsonWithFloats([Number.NaN])).toThrow(/non-finite/);
  });

  it('finds the response after its prompt and drops trailing end-of-sequence tokens', () => {
    expect(responseOfQuery('<s>[INST] Q [/INST] <answer>4</answer></s>', '[INST] Q [/INST] ')).toBe(
      '<answer>4</answer>',
    );
    expect(responseOfQuery('Q: <answer>4</answer><|im_end|>\n<|endoftext|><|endoftext|>', 'Q: ')).toBe(
      '<answer>4</answer>',
    );
    expect(responseOfQuery('no prompt here', 'absent')).toBe('no prompt here');
  });
});
