import { describe, expect, it } from 'vitest';
import { falseEquation } from './false-equation.js';

describe('falseEquation', () => {
  it('names an answer that equates different plain numbers', () => {
    expect(falseEquation('6 = 5')).toContain('6 and 5');
    expect(falseEquation('x = 6 = 5')).toContain('6 and 5');
    expect(falseEquation('a = 12 = 13 = 14')).toContain('12 and 13');
  });

  it('leaves equal numbers, chains with arithmetic, relations and lists alone', () => {
    expect(falseEquation('x = 5 = 5.0')).toBeUndefined();
    expect(falseEquation('x = 2 + 3 = 5')).toBeUndefined();
    expect(falseEquation('x = 5, y = 6')).toBeUndefined();
    expect(falseEquation('x \\le 6 = 5')).toBeUndefined();
    expect(falseEquation('5')).toBeUndefined();
  });
});
