import { describe, expect, it } from 'vitest';
import { derivedResult } from './derived-result.js';
import { verifyAnswer } from './verify.js';

describe('derivedResult', () => {
  it('reads the clause after the last implication arrow', () => {
    expect(derivedResult('\\frac{5}{7}x = 125 \\implies x = 175', '175', true)).toBe('x = 175');
    expect(derivedResult('a = 2 \\Rightarrow b = 4 \\Longrightarrow c = 8.', '8', true)).toBe('c = 8');
    expect(derivedResult('2x = 6 ⇒ x = 3', 'x = 3', true)).toBe('x = 3');
  });

  it('never reads an arrow inside braces, a clause of no letter or digit, or against a gold with an arrow', () => {
    expect(derivedResult('f = \\{x \\implies y\\} = 2', '2', true)).toBeUndefined();
    expect(derivedResult('x = 2 \\implies', '2', true)).toBeUndefined();
    expect(derivedResult('p = 1 \\implies q = 2', 'p = 1 \\implies q = 2', true)).toBeUndefined();
  });

  it('reads no case table, words, negated arrow or consequence of the value (red team of stop 44)', () => {
    expect(
      derivedResult('a = 1 \\Rightarrow x = 5, \\quad a = 2 \\Rightarrow x = 7', '7', true),
    ).toBeUndefined();
    expect(derivedResult('x = 5 \\text{, but if rounding } \\Rightarrow x = 7', '7', true)).toBeUndefined();
    expect(derivedResult('x = 5 \\not\\Rightarrow x = 7', '7', true)).toBeUndefined();
    expect(derivedResult('n = 7 \\implies n^2 = 49', '49', true)).toBeUndefined();
  });

  it('reads no numbers restated or computations side by side', () => {
    expect(derivedResult('5 = 5, \\quad 7 = 7', '7', true)).toBeUndefined();
    expect(derivedResult('6 + 1 = 7, \\; 2 + 3 = 5', '5', true)).toBeUndefined();
  });

  it('reads the last of computations of numbers only, against one value', () => {
    expect(derivedResult('30 - 6 = 24, \\quad \\frac{24}{2} = 12', '12', true)).toBe('12');
    expect(derivedResult('30 - 6 = 24; 24 \\div 2 = 12', '12', true)).toBe('12');
    expect(derivedResult('30 - 6 = 24, \\quad \\frac{24}{2} = 12', '24, 12', false)).toBeUndefined();
    expect(derivedResult('x = 24, y = 12', '12', true)).toBeUndefined();
    expect(derivedResult('30 - 6 = 24, 12', '12', true)).toBeUndefined();
  });
});

describe('verifyAnswer on a boxed derivation (real outputs round 20: GPT-4 Code Interpreter on Ape210K)', () => {
  it('pays the result the derivation reaches, not another', () => {
    const implication = '\\[\\boxed{\\frac{5}{7}x = 125 \\implies x = 125 \\times \\frac{7}{5} = 175}\\]';
    expect(verifyAnswer('125/(5/7)', implication).verdict).toBe('equal');
    expect(verifyAnswer('125', implication).verdict).toBe('not_equal');
    const steps = '\\[\\boxed{30 - 6 = 24, \\quad \\frac{24}{2} = 12}\\]';
    expect(verifyAnswer('(30-6)/2', steps).verdict).toBe('equal');
    expect(verifyAnswer('24', steps).verdict).toBe('not_equal');
  });
});
