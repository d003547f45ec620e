import { describe, expect, it } from 'vitest';
import { logicalOrAsWord, wholeLineOfOverlappingOr } from './logical-or.js';

describe('logicalOrAsWord', () => {
  it('reads a logical or between relations as the word', () => {
    expect(logicalOrAsWord('x = 1 \\lor x = 2')).toBe('x = 1 or x = 2');
    expect(logicalOrAsWord('x < 1 \\vee x > 3')).toBe('x < 1 or x > 3');
    expect(logicalOrAsWord('a = 0 \\lor b = 0 \\lor c = 0')).toBe('a = 0 or b = 0 or c = 0');
  });
  it('keeps a formula of logic and other commands', () => {
    expect(logicalOrAsWord('p \\vee q')).toBe('p \\vee q');
    expect(logicalOrAsWord('x = 1 \\lor q')).toBe('x = 1 \\lor q');
    expect(logicalOrAsWord('\\veebar = 2')).toBe('\\veebar = 2');
  });
});

describe('wholeLineOfOverlappingOr', () => {
  it('reads overlapping bounds joined by "or" as every real number', () => {
    expect(wholeLineOfOverlappingOr('x > -1 \\text{ or } x < 3')).toBe('(-\\infty, \\infty)');
    expect(wholeLineOfOverlappingOr('x \\ge 0 \\lor x \\le 5')).toBe('(-\\infty, \\infty)');
    expect(wholeLineOfOverlappingOr('x < 3 or x >= 3'.replace('>=', '≥'))).toBe('(-\\infty, \\infty)');
  });
  it('leaves disjoint bounds, bounds that only touch open, two letters, and "and"', () => {
    expect(wholeLineOfOverlappingOr('x < -1 or x > 1')).toBeUndefined();
    expect(wholeLineOfOverlappingOr('x < 3 or x > 3')).toBeUndefined();
    expect(wholeLineOfOverlappingOr('x > -1 or y < 3')).toBeUndefined();
    expect(wholeLineOfOverlappingOr('x > -1 and x < 3')).toBeUndefined();
  });
});
