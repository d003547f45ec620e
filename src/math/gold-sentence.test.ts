import { describe, expect, it } from 'vitest';
import { isStatingSentence } from './gold-sentence.js';
import { verifyAnswer } from './verify.js';

describe('isStatingSentence', () => {
  it('finds a sentence that states a value', () => {
    expect(isStatingSentence('The number is 4.')).toBe(true);
    expect(isStatingSentence('One half is 1/2 or 0.5.')).toBe(true);
  });

  it('leaves text answers, phrases and LaTeX golds whole', () => {
    expect(isStatingSentence('The midpoints form a regular hexagon')).toBe(false);
    expect(isStatingSentence('10 weeks and 2 days')).toBe(false);
    expect(isStatingSentence('The area is $4\\pi$.')).toBe(false);
    expect(isStatingSentence('x = 4')).toBe(false);
    expect(isStatingSentence('There are 12 apples and 3 pears.')).toBe(false);
    expect(isStatingSentence("Avogadro's number is approximately 6.022e23.")).toBe(true);
  });

  // fw-ai-external/reward-kit tests/test_math.py: the gold is the reference's last message.
  it('reads the value a gold sentence states', () => {
    expect(verifyAnswer('The number is 4.', 'It is 4.').verdict).toBe('equal');
    expect(verifyAnswer('The number is 4.', '\\boxed{4}').verdict).toBe('equal');
    expect(verifyAnswer('The number is 4.', '\\boxed{5}').verdict).toBe('not_equal');
  });
});
