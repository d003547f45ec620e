import { describe, expect, it } from 'vitest';
import { asInterval } from './compare-interval.js';
import { parseAnswer } from './parse-answer.js';
import { describeValue, type MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

function intervalOf(text: string): string | undefined {
  const interval = asInterval(parseAnswer(text, false) as MathValue);
  return interval === undefined ? undefined : describeValue(interval);
}

describe('listed conditions with exclusions', () => {
  it('removes the excluded points from the other conditions', () => {
    expect(intervalOf('1 \\le x \\le 3, x \\ne 2')).toBe(intervalOf('[1, 2) \\cup (2, 3]'));
    expect(intervalOf('x > 0, x \\ne 1')).toBe(intervalOf('(0, 1) \\cup (1, \\infty)'));
  });

  it('removes them from the whole line when nothing else is listed', () => {
    expect(intervalOf('x \\ne 0, x \\ne 1')).toBe(
      intervalOf('(-\\infty, 0) \\cup (0, 1) \\cup (1, \\infty)'),
    );
  });

  it('leaves a point outside the allowed set alone', () => {
    expect(intervalOf('1 \\le x \\le 3, x \\ne 5')).toBe(intervalOf('[1, 3]'));
  });

  it('reads nothing when the conditions name different variables', () => {
    expect(intervalOf('1 \\le x \\le 3, y \\ne 2')).toBeUndefined();
  });

  it.each([
    ['[1, 2) \\cup (2, 3]', '1 \\le x \\le 3, x \\ne 2'],
    ['\\mathbb{R} \\setminus \\{0, 1\\}', 'x \\ne 0, x \\ne 1'],
    ['(0, 1) \\cup (1, +\\infty)', 'x > 0, x \\neq 1'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['[1, 3]', '1 \\le x \\le 3, x \\ne 2'],
    ['(0, +\\infty)', 'x > 0, x \\neq 1'],
    ['\\mathbb{R} \\setminus \\{0\\}', 'x \\ne 0, x \\ne 1'],
    ['[1, 2) \\cup (2, 3]', '1 \\le x \\le 3, y \\ne 2'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});
