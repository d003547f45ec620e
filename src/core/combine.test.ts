import { describe, expect, it } from 'vitest';
import { Pipeline } from '../engine/pipeline.js';
import { combineScores } from './combine.js';
import { parseSpec } from './spec.js';

const options = { gateThreshold: 1, gateFailReward: 0 };
const inputs = [
  { score: 1, weight: 1, gate: true },
  { score: 0.5, weight: 0.2, gate: false },
  { score: 0.25, weight: 2, gate: false },
];

describe('combineScores', () => {
  it('weighted_sum: 1*1 + 0.2*0.5 + 2*0.25 = 1.6 (weights not renormalized)', () => {
    expect(combineScores(inputs, { ...options, mode: 'weighted_sum' })).toBeCloseTo(1.6, 12);
  });

  it('min: the weakest score, weights ignored', () => {
    expect(combineScores(inputs, { ...options, mode: 'min' })).toBe(0.25);
  });

  it('product: prod s^w = 1 * 0.5^0.2 * 0.25^2', () => {
    expect(combineScores(inputs, { ...options, mode: 'product' })).toBeCloseTo(0.5 ** 0.2 * 0.0625, 12);
  });

  it('gated: the weighted sum when every gate passes, else the gate-fail reward', () => {
    expect(combineScores(inputs, { ...options, mode: 'gated' })).toBeCloseTo(1.6, 12);
    const failed = [{ ...inputs[0]!, score: 0.9 }, ...inputs.slice(1)];
    expect(combineScores(failed, { ...options, mode: 'gated' })).toBe(0);
    expect(combineScores(failed, { mode: 'gated', gateThreshold: 0.8, gateFailReward: -1 })).toBeCloseTo(
      1.5,
      12,
    );
    expect(combineScores(failed, { mode: 'gated', gateThreshold: 1, gateFailReward: -1 })).toBe(-1);
  });
});

describe('on_error: what an undecided component means for the reward', () => {
  // match without any reference cannot decide (status error, score null).
  const spec = (onError: 'zero' | 'null' | 'fail', entryOnError?: 'zero' | 'null' | 'fail') =>
    parseSpec({
      name: 'on-error',
      on_error: onError,
      rewards: [
        { name: 'format', type: 'format', weight: 0.5, options: { tags: ['answer'] } },
        { name: 'match', type: 'match', ...(entryOnError === undefined ? {} : { on_error: entryOnError }) },
      ],
    });
  const sample = { id: 'a', response: '<answer>x</answer>' };

  it('zero counts it as 0 and keeps the error in the component', async () => {
    const result = await Pipeline.compile(spec('zero')).scoreSample(sample);
    expect(result.reward).toBe(0.5);
    expect(result.components['match']).toMatchObject({
      score: null,
      status: 'error',
      error: { code: 'RK_INPUT_INVALID' },
    });
  });

  it('null makes the whole reward null', async () => {
    expect((await Pipeline.compile(spec('null')).scoreSample(sample)).reward).toBeNull();
  });

  it('fail raises RK_COMPONENT_FAILED', async () => {
    await expect(Pipeline.compile(spec('fail')).scoreSample(sample)).rejects.toMatchObject({
      code: 'RK_COMPONENT_FAILED',
    });
  });

  it('a per-reward on_error overrides the spec-wide one', async () => {
    expect((await Pipeline.compile(spec('fail', 'zero')).scoreSample(sample)).reward).toBe(0.5);
  });
});
