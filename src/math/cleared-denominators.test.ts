import { describe, expect, it } from 'vitest';
import { denominatorVariables } from './cleared-denominators.js';
import { verifyAnswer } from './verify.js';

describe('denominatorVariables', () => {
  it('finds the variables that stand alone in a denominator, not those of a sum', () => {
    expect([...denominatorVariables(['Divide', 12, 'x'])]).toEqual(['x']);
    expect([...denominatorVariables(['Divide', 'y', ['Multiply', 4, 't']])]).toEqual(['t']);
    expect([...denominatorVariables(['Power', 'x', ['Negate', 1]])]).toEqual(['x']);
    expect([...denominatorVariables(['Divide', 1, ['Add', 'x', 1]])]).toEqual([]);
    expect([...denominatorVariables(['Multiply', 'x', 'y'])]).toEqual([]);
  });
});

describe('equations compared once their denominators are cleared', () => {
  it('equal when the factor is a power of a denominator variable that adds and loses no solution', () => {
    // Knowre-Dev/locian-algorithm's tests (graders' round 16).
    for (const [gold, response] of [
      ['y=\\frac{12}{x}', 'xy=12'],
      ['y=4x', '\\frac{y}{x}=4'],
      ['\\frac{e}{f}=\\frac{3}{4}', '\\frac{f}{e}=\\frac{4}{3}'],
      ['\\frac{x}{4t}+\\frac{y}{2t}=1', 'y=-\\frac{1}{2}x+2t'],
    ]) {
      const outcome = verifyAnswer(gold as string, response as string);
      expect(outcome.verdict, `${gold} vs ${response}`).toBe('equal');
      expect(outcome.method).toBe('relation-cleared-denominators');
    }
  });

  it('not equal when the factor would add a solution, or the equations differ', () => {
    // x = 0 solves x(x - 1) = 0 only: the gold's domain leaves it out.
    expect(verifyAnswer('\\frac{x-1}{x}=0', 'x(x-1)=0').verdict).toBe('not_equal');
    expect(verifyAnswer('x-1=0', 'x(x-1)=0').verdict).toBe('not_equal');
    expect(verifyAnswer('y=\\frac{12}{x}', 'xy=13').verdict).toBe('not_equal');
    expect(verifyAnswer('y=\\frac{12}{x}', 'x^2y=12').verdict).toBe('not_equal');
    expect(verifyAnswer('y=\\frac{1}{x}', 'xy^2=y').verdict).toBe('not_equal');
  });
});
