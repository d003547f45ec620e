import { describe, expect, it } from 'vitest';
import { mayHoldPlusMinusTuple, withPlusMinusTuplesWrittenOut } from './plus-minus-tuple.js';
import { verifyAnswer } from './verify.js';

describe('withPlusMinusTuplesWrittenOut', () => {
  it.each([
    ['(0, \\pm 2)', '(0, + 2), (0, - 2)'],
    ['(0, \\pm 2), (4, \\pm 23)', '(0, + 2), (0, - 2), (4, + 23), (4, - 23)'],
    ['(1 \\pm \\sqrt{5}, 2)', '(1 + \\sqrt{5}, 2), (1 - \\sqrt{5}, 2)'],
    ['(0, ±2)', '(0, +2), (0, -2)'],
  ])('%s is %s', (text, written) => {
    expect(mayHoldPlusMinusTuple(text)).toBe(true);
    expect(withPlusMinusTuplesWrittenOut(text)).toBe(written);
  });

  it.each([
    '(\\pm 1, \\pm 1)',
    '(\\pm 2)',
    'f(\\pm 2, 1)',
    '\\pm 2',
    '(0, \\pm 2',
    '(0, \\pm 1), (0, \\pm 2), (0, \\pm 3), (0, \\pm 4), (0, \\pm 5)',
  ])('leaves %s as written', (text) => {
    expect(withPlusMinusTuplesWrittenOut(text)).toBe(text);
  });

  // Real outputs round 23 (chanb/hint_rl, OlympiadBench task 638 by a 1.5B RL model).
  it('pays the points a tuple with a sign names, and only those', () => {
    const gold = '(0,2),(0,-2),(4,23),(4,-23)';
    expect(
      verifyAnswer(gold, '\\boxed{(0, \\pm 2)} \\quad \\text{and} \\quad \\boxed{(4, \\pm 23)}').verdict,
    ).toBe('equal');
    expect(verifyAnswer(gold, '$\\boxed{(0, \\pm 2), (4, \\pm 2)}$').verdict).toBe('not_equal');
    expect(verifyAnswer('(0, 2)', '$(0, \\pm 2)$').verdict).toBe('not_equal');
    expect(verifyAnswer('(1, \\pm 2)', '$(1, 2), (1, -2)$').verdict).toBe('equal');
  });
});
