import { describe, expect, it } from 'vitest';
import { compareAcceptedRange } from './accepted-range.js';
import { verifyAnswer } from './verify.js';

describe('compareAcceptedRange (JEE Advanced keys: real outputs round 21)', () => {
  it('pays a number inside the range, ends included, and no number outside it', () => {
    expect(compareAcceptedRange('[2.3 to 2.4]', '2.33')?.verdict).toBe('equal');
    expect(compareAcceptedRange('[167 to 171]', '171')?.verdict).toBe('equal');
    expect(compareAcceptedRange('[2.3 to 2.4]', '2.45')?.verdict).toBe('not_equal');
    expect(compareAcceptedRange('[-1.5 to -1.2]', '-1.3')?.verdict).toBe('equal');
  });

  it('leaves intervals, reversed ends and answers that are no number to the other rules', () => {
    expect(compareAcceptedRange('[2.3, 2.4]', '2.35')).toBeUndefined();
    expect(compareAcceptedRange('[2.4 to 2.3]', '2.35')).toBeUndefined();
    expect(compareAcceptedRange('[2.3 to 2.4]', 'x + 1')).toBeUndefined();
  });

  it('through verifyAnswer, with the hedge checks', () => {
    expect(verifyAnswer('[7.5 to 7.8]', 'So the pH is 7.73.').verdict).toBe('equal');
    expect(verifyAnswer('[7.5 to 7.8]', 'The answer is 7.6 or 9.1.').verdict).toBe('not_equal');
  });
});
