import { describe, expect, it } from 'vitest';
import { disjunctionAsEquation } from './equation-disjunction.js';
import { parseAnswer } from './parse-answer.js';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('disjunctionAsEquation', () => {
  it('builds the product equation of equations joined by or', () => {
    const list = parseAnswer('x = 1, x = 2', false);
    expect(list === undefined ? undefined : disjunctionAsEquation(list)?.sides[0]).toEqual({
      kind: 'expression',
      json: ['Multiply', ['Subtract', 'x', 1], ['Subtract', 'x', 2]],
      text: 'product',
    });
  });
  it('is undefined for one equation, inequalities or values', () => {
    for (const text of ['x = 1', 'x < 1, x > 3', '1, 2']) {
      const value = parseAnswer(text, false);
      expect(value === undefined ? undefined : disjunctionAsEquation(value)).toBeUndefined();
    }
  });
});

describe('a gold equation against its solutions joined by or', () => {
  it('is equal when the solution sets agree', () => {
    expect(verdict('a*b = 0', 'a = 0 \\lor b = 0')).toBe('equal');
    expect(verdict('x^2 - 3x + 2 = 0', 'x = 1 or x = 2')).toBe('equal');
    expect(verdict('x^2 = 4', 'x = 2 or x = -2')).toBe('equal');
  });
  it('is not equal for a missing, wrong or extra solution, or "and"', () => {
    expect(verdict('x^2 - 3x + 2 = 0', 'x = 1')).toBe('not_equal');
    expect(verdict('x^2 - 3x + 2 = 0', 'x = 1 or x = 3')).toBe('not_equal');
    expect(verdict('x^2 - 3x + 2 = 0', 'x = 1 or x = 2 or x = 3')).toBe('not_equal');
    expect(verdict('a*b = 0', 'a = 0 \\land b = 0')).toBe('not_equal');
  });
  it('reads equations giving different unknowns one value each as a point unless "or" joins them', () => {
    expect(verdict('ab = 0', 'a = 0 and b = 0')).toBe('not_equal');
    expect(verdict('ab = 0', '\\boxed{a=0, b=0}')).toBe('not_equal');
    expect(verdict('(x - 1)(y - 2) = 0', 'x = 1, y = 2')).toBe('not_equal');
    expect(verdict('(x-1)(y-2)=0', '\\boxed{x - 1 = 0, y - 2 = 0}')).toBe('not_equal');
    expect(verdict('(x-1)(y-2)=0', '\\boxed{x = 1, 2 = y}')).toBe('not_equal');
    expect(verdict('(x-1)(y-2)=0', 'x - 1 = 0 or y - 2 = 0')).toBe('equal');
    expect(verdict('ab = 0', 'a = 0 or b = 0')).toBe('equal');
    expect(verdict('ab = 0', 'So $a = 0$ or $b = 0$.')).toBe('equal');
    expect(verdict('ab = 0', 'a = 0 \\vee b = 0')).toBe('equal');
    // One unknown named twice lists its roots, whatever joins them.
    expect(verdict('x^2 - 3x + 2 = 0', 'x = 1 and x = 2')).toBe('equal');
  });
  it('does not let a restated equation answer a gold solution set', () => {
    expect(verdict('x = 1 \\lor x = 2', 'x^2 - 3x + 2 = 0')).toBe('not_equal');
  });
});
