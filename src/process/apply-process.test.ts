import { describe, expect, it } from 'vitest';
import { applyProcess } from './apply-process.js';
import { type ProcessConfigInput, ProcessConfigSchema } from './config.js';

const config = (input: ProcessConfigInput = {}) => ProcessConfigSchema.parse(input);

describe('applyProcess', () => {
  it('defaults: min aggregate, raw rewards, undiscounted returns, reward kept', () => {
    const output = applyProcess(config(), { stepScores: [0.9, 0.4, 0.8], outcome: 1 });
    expect(output.aggregate).toBe(0.4);
    expect(output.stepReturns?.map((value) => Number(value.toFixed(12)))).toEqual([2.1, 1.2, 0.8]);
    expect(output.reward).toBe(1);
  });

  it('zeroes step rewards when the outcome fails the gate, keeps them when it passes', () => {
    const failed = applyProcess(config({ gate_threshold: 1 }), { stepScores: [0.9, 0.4], outcome: 0 });
    expect(failed.gate).toBe('failed');
    expect(failed.stepRewards).toEqual([0, 0]);
    const passed = applyProcess(config({ gate_threshold: 1 }), { stepScores: [0.9, 0.4], outcome: 1 });
    expect(passed.stepRewards).toEqual([0.9, 0.4]);
  });

  it('adds potential shaping, then the weighted outcome on the last step, by hand', () => {
    // Phi = [0, 0.5, 0 (terminal)], gamma 0.9: F = [0.45, -0.5]; rewards [0.5 + 0.45, 0.8 - 0.5 + 2 * 1]
    const output = applyProcess(config({ shaping: 'potential', gamma: 0.9, outcome_weight: 2 }), {
      stepScores: [0.5, 0.8],
      outcome: 1,
    });
    expect(output.stepRewards?.[0]).toBeCloseTo(0.95, 12);
    expect(output.stepRewards?.[1]).toBeCloseTo(2.3, 12);
    expect(output.stepReturns?.[0]).toBeCloseTo(0.95 + 0.9 * 2.3, 12);
  });

  it('uses the weighted reward and a sigmoid transform, by hand', () => {
    const output = applyProcess(
      config({
        reward: 'weighted',
        outcome_weight: 1,
        process_weight: 0.5,
        transform: { type: 'sigmoid', reference: 1 },
      }),
      { stepScores: [0.4, 0.8], outcome: 1 },
    );
    // 1 * 1 + 0.5 * min(0.4, 0.8) = 1.2; sigmoid(1.2 - 1)
    expect(output.reward).toBeCloseTo(1 / (1 + Math.exp(-0.2)), 12);
  });

  it('is undecided, not zero, when a step has no score', () => {
    const output = applyProcess(config({ reward: 'aggregate' }), { stepScores: [0.9, null], outcome: 1 });
    expect(output.stepReturns).toBeNull();
    expect(output.reward).toBeNull();
    expect(output.problem).toMatch(/step 1 has no score/);
  });

  it('progress rewards with min-form returns, by hand', () => {
    const output = applyProcess(config({ step_reward: 'progress', returns: 'min_form' }), {
      stepScores: [0.5, 0.7, 0.2],
      outcome: 1,
    });
    expect(output.stepReturns?.map((value) => Number(value.toFixed(12)))).toEqual([-0.5, -0.5, -0.5]);
  });
});
