import { describe, expect, it } from 'vitest';
import { primeAdvantages } from './prime.js';
import { processGrpoAdvantages } from './process-grpo.js';
import { expandStepsToTokens } from './token-expansion.js';

describe('processGrpoAdvantages', () => {
  it('normalizes step rewards over the group and sums them from each step on, by hand', () => {
    // pool [1, 0, 0]: mean 1/3, unbiased std sqrt(1/3); normalized 1 -> 1.1547005, 0 -> -0.5773503
    const rows = processGrpoAdvantages([[1, 0], [0]], ['a', 'a'], {
      epsilon: 0,
      std: 'unbiased',
      whiten: false,
    });
    expect(rows[0]?.[0]).toBeCloseTo(0.5773503, 6);
    expect(rows[0]?.[1]).toBeCloseTo(-0.5773503, 6);
    expect(rows[1]?.[0]).toBeCloseTo(-0.5773503, 6);
  });
});

describe('primeAdvantages', () => {
  it('mixes leave-one-out process and outcome rewards and sums returns, by hand', () => {
    // process baseline (0.5 + 0) / 1: p' = 2p - 0.5; outcome o' = 2o - 1; outcome on the last step
    const result = primeAdvantages(
      [
        [1, 0],
        [0, 0],
      ],
      [1, 0],
      ['a', 'a'],
      {
        processCoef: 1,
        outcomeCoef: 1,
        whiten: false,
      },
    );
    expect(result.returns).toEqual([
      [2, 0.5],
      [-2, -1.5],
    ]);
  });
});

describe('expandStepsToTokens', () => {
  it('puts step values on step-end tokens or spreads them over their tokens', () => {
    expect(expandStepsToTokens([1, 2], [1, 4], 6, 'step_end')).toEqual([0, 1, 0, 0, 2, 0]);
    expect(expandStepsToTokens([1, 2], [1, 4], 6, 'spread')).toEqual([1, 1, 2, 2, 2, 0]);
  });

  it('refuses step ends that go backwards or past the response', () => {
    expect(() => expandStepsToTokens([1, 2], [3, 2], 6, 'spread')).toThrow(/not in/);
    expect(() => expandStepsToTokens([1], [9], 6, 'spread')).toThrow(/not in/);
  });
});
