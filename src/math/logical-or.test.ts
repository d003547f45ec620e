import { describe, expect, it } from 'vitest';
import { logicalOrAsWord } from './logical-or.js';

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
