import { describe, expect, it } from 'vitest';
import { aggregateSteps } from './aggregate.js';

describe('aggregateSteps', () => {
  const scores = [0.9, 0.4, 0.8];
  it.each([
    ['min', 0.4],
    ['max', 0.9],
    ['sum', 2.1],
    ['mean', 0.7],
    ['last', 0.8],
    ['product', 0.288],
    ['first_error', 1],
  ] as const)('%s of [0.9, 0.4, 0.8] is %s', (mode, expected) => {
    expect(aggregateSteps(scores, mode)).toBeCloseTo(expected, 12);
  });

  it('first_error is the step count when no step fails', () => {
    expect(aggregateSteps([1, 1], 'first_error')).toBe(2);
  });

  it('returns null, not zero, when there are no steps', () => {
    expect(aggregateSteps([], 'min')).toBeNull();
  });
});
