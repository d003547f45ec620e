import { describe, expect, it } from 'vitest';
import { remaxAdvantages } from './remax.js';
import { rlooAdvantages } from './rloo.js';

describe('rlooAdvantages', () => {
  it('subtracts the mean of the other responses, by hand', () => {
    // r_0 = 1, others mean (0 + 0 + 1) / 3 = 1/3 -> 2/3; r_1 = 0, others mean 2/3 -> -2/3
    const advantages = rlooAdvantages([1, 0, 0, 1], ['a', 'a', 'a', 'a']);
    expect(advantages[0]).toBeCloseTo(2 / 3, 12);
    expect(advantages[1]).toBeCloseTo(-2 / 3, 12);
  });

  it('leaves the reward of a group of one unchanged, as verl does', () => {
    expect(rlooAdvantages([0.3, 1, 0], ['solo', 'a', 'a'])).toEqual([0.3, 1, -1]);
  });
});

describe('remaxAdvantages', () => {
  it('subtracts the greedy baseline reward', () => {
    expect(remaxAdvantages([1, 0.5], [0.25, 0.5])).toEqual([0.75, 0]);
  });
});
