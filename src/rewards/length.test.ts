import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../core/result.js';
import type { ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { budgetReward, lengthReward, measureLength, targetReward } from './length.js';

const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};

function scoreWith(options: unknown, sample: Sample): ComponentResult {
  const parsed = lengthReward.optionsSchema.parse(options);
  return lengthReward
    .create(parsed, { concurrency: 1, allowUnsandboxed: false })
    .score(sample, context) as ComponentResult;
}

describe('length reward', () => {
  it('budget: 1 up to the budget, then linear to 0 at budget * (1 + slack)', () => {
    // B = 100, slack 0.5 -> M = 150; L = 120 -> 1 - 20/50 = 0.6
    expect(budgetReward(100, 100, 150)).toBe(1);
    expect(budgetReward(120, 100, 150)).toBeCloseTo(0.6, 12);
    expect(budgetReward(150, 100, 150)).toBe(0);
    expect(budgetReward(400, 100, 150)).toBe(0);
  });

  it('budget with words: 6 words against a budget of 4 and max 8 gives 0.5', () => {
    const result = scoreWith(
      { mode: 'budget', unit: 'words', budget: 4, max: 8 },
      { id: 'a', response: 'one two three four five six' },
    );
    expect(result.score).toBeCloseTo(0.5, 12);
    expect(result.details).toMatchObject({ length: 6, unit: 'words', budget: 4, max: 8 });
  });

  it('target (LASER step): 1 at or under the target length, 0 past it', () => {
    expect(targetReward(10, 10)).toBe(1);
    expect(targetReward(11, 10)).toBe(0);
    const tokens = Array.from({ length: 5 }, () => 't');
    expect(scoreWith({ mode: 'target', target: 4 }, { id: 'a', response: 'x', tokens }).score).toBe(0);
    expect(scoreWith({ mode: 'target', target: 5 }, { id: 'a', response: 'x', tokens }).score).toBe(1);
  });

  it('counts tokens from sample.tokens, else approximates ceil(chars / 4) and says so', () => {
    expect(measureLength({ id: 'a', response: 'abcdefghi', tokens: ['a', 'b'] }, 'tokens')).toEqual({
      length: 2,
      approximate: false,
    });
    expect(measureLength({ id: 'a', response: 'abcdefghi' }, 'tokens')).toEqual({
      length: 3,
      approximate: true,
    });
    expect(measureLength({ id: 'a', response: 'héllo 😀' }, 'chars').length).toBe(7);
    expect(measureLength({ id: 'a', response: '   ' }, 'words').length).toBe(0);
    const result = scoreWith({ mode: 'budget', budget: 10 }, { id: 'a', response: 'abcd' });
    expect(result.details['approximate']).toMatch(/ceil/);
  });

  it('refuses a max not above the budget and unknown modes', () => {
    expect(lengthReward.optionsSchema.safeParse({ mode: 'budget', budget: 10, max: 5 }).success).toBe(false);
    expect(lengthReward.optionsSchema.safeParse({ mode: 'linear', budget: 10 }).success).toBe(false);
    expect(lengthReward.optionsSchema.safeParse({ mode: 'target', target: 5, budget: 3 }).success).toBe(
      false,
    );
  });
});
