import { describe, expect, it } from 'vitest';
import { isLeadIn } from './lead-in-clause.js';
import { verifyAnswer } from './verify.js';

describe('isLeadIn', () => {
  it.each([
    'On average',
    'In total',
    'Altogether',
    'If Bill puts all the baked goods end to end',
    'By the time Julia reached shore',
    'The price of a bag of marbles',
  ])('%j holds no value', (before) => {
    expect(isLeadIn(before)).toBe(true);
  });

  it.each(['18', 'forty', '$x$', 'x = 3', 'for sure D', 'x', 'the value of x', 'the value of a'])(
    '%j holds a value',
    (before) => {
      expect(isLeadIn(before)).toBe(false);
    },
  );
});

describe('verifyAnswer with a lead-in before the value', () => {
  it.each([
    ['45', 'Answer: On average, they ate 45 fruit roll-ups each.', 'equal'],
    ['45', 'Answer: On average, they ate 44 fruit roll-ups each.', 'not_equal'],
    ['45', 'Answer: On average, they ate 45 or 46 fruit roll-ups each.', 'not_equal'],
    ['18', 'Answer: 18, so she makes 20 dollars a week', 'equal'],
    ['280', 'Answer: If Bill puts all the baked goods end to end, they will be 280 feet long.', 'equal'],
    ['280', 'Answer: If Bill puts all 3 baked goods end to end, they will be 280 feet long.', 'not_equal'],
  ])('%s against %j: %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
