import { describe, expect, it } from 'vitest';
import { endsAnnouncingAnswer } from './cut-at-answer.js';
import { verifyAnswer } from './verify.js';

describe('endsAnnouncingAnswer', () => {
  it.each([
    'so 3 * 4 = 12. Therefore the answer is',
    '3 * 4 = 12. **Final Answer:**',
    '3 * 4 = 12. The answer is: $\\boxed{',
    'The answer would be\n',
  ])('%j ends announcing its answer', (text) => {
    expect(endsAnnouncingAnswer(text)).toBe(true);
  });

  it.each(['The answer is 12', 'So 12 is the answer', 'The answer is: 12.', '12 answers in all'])(
    '%j does not',
    (text) => {
      expect(endsAnnouncingAnswer(text)).toBe(false);
    },
  );
});

describe('a response cut off after announcing its answer', () => {
  it('states no answer: the last number of the work is not one', () => {
    const outcome = verifyAnswer('12', 'She has 3 boxes of 4, so 3 * 4 = 12. Therefore the answer is');
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.reason).toContain('cut off before stating it');
  });

  it('reads a value in the announcing sentence itself', () => {
    expect(verifyAnswer('18', 'We add 10 and 8. So, 18 dollars is my final answer:').verdict).toBe('equal');
  });

  it('keeps a box or a marked answer stated before the announcement', () => {
    expect(verifyAnswer('12', '\\boxed{12}. Therefore the answer is').verdict).toBe('equal');
    expect(verifyAnswer('12', '#### 12\nThe answer is').verdict).toBe('equal');
  });
});

describe('a response cut off inside its last box', () => {
  it('says why it states no answer, stop strings included', () => {
    const outcome = verifyAnswer('29', 'So 20 + 9 = 29.\nTherefore, the answer is \\(\\boxed{29');
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.reason).toContain('stop string');
  });
});
