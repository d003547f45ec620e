import { describe, expect, it } from 'vitest';
import { hasShortProseWords } from './short-prose.js';
import { verifyAnswer } from './verify.js';

describe('hasShortProseWords', () => {
  it('finds a two-letter function word followed by a word or number', () => {
    expect(hasShortProseWords('It is 4')).toBe(true);
    expect(hasShortProseWords('So x is 12')).toBe(true);
    expect(hasShortProseWords('we get 5')).toBe(true);
  });

  it('leaves products, segment names and single answers alone', () => {
    expect(hasShortProseWords('ab')).toBe(false);
    expect(hasShortProseWords('x y')).toBe(false);
    expect(hasShortProseWords('AB = CD')).toBe(false);
    expect(hasShortProseWords('No')).toBe(false);
  });

  // fw-ai-external/reward-kit tests/test_math.py (test_basic_match_general_fallback_number).
  it('reads the number of a short sentence', () => {
    expect(verifyAnswer('4', 'It is 4.').verdict).toBe('equal');
    expect(verifyAnswer('5', 'It is 4.').verdict).toBe('not_equal');
    expect(verifyAnswer('2', 'It is 2 or 3.').verdict).toBe('not_equal');
  });
});
