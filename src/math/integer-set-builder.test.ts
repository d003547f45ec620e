import { describe, expect, it } from 'vitest';
import { integerSetBuilder, isIntegerDomain } from './integer-set-builder.js';
import { parseAnswer } from './parse-answer.js';
import { describeValue } from './value.js';
import { verifyAnswer } from './verify.js';

/** The set-builder notation `\{x \in domain : condition\}` enumerated, written out. */
function enumerated(domain: string, condition: string): string | undefined {
  const value = integerSetBuilder('x', domain, parseAnswer(condition, false));
  return value === undefined ? undefined : describeValue(value);
}

describe('isIntegerDomain', () => {
  it('knows the integer domains', () => {
    for (const domain of [
      '\\mathbb{Z}',
      '\\mathbb{Z}^+',
      '\\mathbb{Z}_{>0}',
      '\\mathbb{N}',
      '\\mathbb Z',
      '\\mathbb{Z}_{\\ge 0}',
    ])
      expect(isIntegerDomain(domain), domain).toBe(true);
    for (const domain of ['\\mathbb{R}', '\\mathbb{Q}', '[0, 5]', '\\mathbb{Z}^2'])
      expect(isIntegerDomain(domain), domain).toBe(false);
  });
});

describe('integerSetBuilder', () => {
  it('enumerates integers between finite bounds', () => {
    expect(enumerated('\\mathbb{Z}', '1 \\le x \\le 4')).toBe(
      describeValue(parseAnswer('\\{1, 2, 3, 4\\}', false)!),
    );
    expect(enumerated('\\mathbb{Z}', '-\\frac{5}{2} < x < 1')).toBe(
      describeValue(parseAnswer('\\{-2, -1, 0\\}', false)!),
    );
    expect(enumerated('\\mathbb{Z}', 'x \\ge 2, x < 4')).toBe(
      describeValue(parseAnswer('\\{2, 3\\}', false)!),
    );
    expect(enumerated('\\mathbb{Z}^+', 'x < 3')).toBe(describeValue(parseAnswer('\\{1, 2\\}', false)!));
    expect(enumerated('\\mathbb{N}', '2 \\le x \\le 3')).toBe(
      describeValue(parseAnswer('\\{2, 3\\}', false)!),
    );
    expect(enumerated('\\mathbb{Z}', '1 < x < 2')).toBe(describeValue({ kind: 'set', items: [] }));
  });
  it('enumerates nothing unbounded, too wide, conventional or not a bound', () => {
    expect(enumerated('\\mathbb{Z}', 'x > 2')).toBeUndefined();
    expect(enumerated('\\mathbb{Z}', '1 \\le x \\le 1000')).toBeUndefined();
    // Whether 0 is a natural number decides the set.
    expect(enumerated('\\mathbb{N}', 'x < 3')).toBeUndefined();
    expect(enumerated('\\mathbb{N}', '0 \\le x < 3')).toBeUndefined();
    expect(enumerated('\\mathbb{Z}', 'x^2 < 5')).toBeUndefined();
    expect(enumerated('\\mathbb{Z}', '1 \\le y \\le 4')).toBeUndefined();
    expect(enumerated('\\mathbb{Z}', 'x = 3')).toBeUndefined();
  });
});

describe('set-builder notation over the integers (stop 37)', () => {
  it('equals its elements, not the real interval of its bounds', () => {
    const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;
    expect(verdict('\\{x \\in \\mathbb{Z} \\mid 1 \\le x \\le 4\\}', '\\{1,2,3,4\\}')).toBe('equal');
    expect(verdict('\\{1,2,3\\}', '\\{x \\in \\mathbb{Z} : 1 \\leq x \\leq 3\\}')).toBe('equal');
    expect(verdict('\\{x \\in \\mathbb{Z} \\mid 1 \\le x \\le 4\\}', '\\{1,2,3\\}')).toBe('not_equal');
    expect(verdict('\\{x \\in \\mathbb{Z} \\mid 1 \\le x \\le 4\\}', '[1,4]')).toBe('not_equal');
    expect(verdict('[1,4]', '\\{x \\in \\mathbb{Z} \\mid 1 \\le x \\le 4\\}')).toBe('not_equal');
    expect(verdict('\\{x \\in \\mathbb{Z} \\mid x > 2\\}', '(2, \\infty)')).toBe('not_equal');
    expect(verdict('\\{x \\in \\mathbb{Z} \\mid 1 \\le x \\le 4\\}', '\\{1,2,3,4\\} or \\{1,2,3\\}')).toBe(
      'not_equal',
    );
    // A real domain is still its interval.
    expect(verdict('(2, \\infty)', '\\{x \\in \\mathbb{R} \\mid x > 2\\}')).toBe('equal');
  });
});
