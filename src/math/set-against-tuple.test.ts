import { describe, expect, it } from 'vitest';
import { compareSetWithTuple } from './set-against-tuple.js';
import { verifyAnswer } from './verify.js';

describe('compareSetWithTuple', () => {
  it('refuses a set written with set braces against a gold in parentheses', () => {
    expect(compareSetWithTuple('(1, 2)', '\\{1, 2\\}')?.verdict).toBe('not_equal');
    expect(compareSetWithTuple('(1,2)', '\\left\\{1,2\\right\\}')?.verdict).toBe('not_equal');
    expect(compareSetWithTuple('(1, 2)', '\\lbrace 1, 2 \\rbrace')?.verdict).toBe('not_equal');
  });
  it('decides nothing for grouping braces, a set gold, or a one-item gold', () => {
    expect(compareSetWithTuple('(1, 2)', '{1, 2}')).toBeUndefined();
    expect(compareSetWithTuple('\\{1, 2\\}', '\\{2, 1\\}')).toBeUndefined();
    expect(compareSetWithTuple('(3)', '\\{3\\}')).toBeUndefined();
    // Set-builder notation may be the gold's open interval (stop 36's red team).
    expect(compareSetWithTuple('(1, 2)', '\\{x \\mid 1 < x < 2\\}')).toBeUndefined();
    expect(compareSetWithTuple('(1, 2)', '\\{x : 1 < x < 2\\}')).toBeUndefined();
    // Over the integers it is a set of values (stop 37).
    expect(compareSetWithTuple('(1, 2)', '\\{x \\in \\mathbb{Z} : 1 \\le x \\le 2\\}')?.verdict).toBe(
      'not_equal',
    );
    expect(verifyAnswer('(1, 2)', '{1, 2}').verdict).toBe('equal');
  });
});
