import { describe, expect, it } from 'vitest';
import { dashesAsMinus, mayHoldDashMinus } from './dash-minus.js';

describe('dashesAsMinus', () => {
  it('reads a dash right before a digit as a minus sign', () => {
    expect(dashesAsMinus('\\boxed{\u20135}')).toBe('\\boxed{-5}');
    expect(dashesAsMinus('\\boxed{\u20105}')).toBe('\\boxed{-5}');
    expect(dashesAsMinus('\\boxed{\uff0d5}')).toBe('\\boxed{-5}');
    expect(dashesAsMinus('\\boxed{{-}5}')).toBe('\\boxed{-5}');
    expect(dashesAsMinus('x = \u2013 3')).toBe('x = - 3');
  });

  it('keeps the em dash, dashes before words, and a plain hyphen-minus', () => {
    expect(dashesAsMinus('the answer\u20145')).toBe('the answer\u20145');
    expect(dashesAsMinus('pages \u2013 see below')).toBe('pages \u2013 see below');
    expect(dashesAsMinus('5-6')).toBe('5-6');
    expect(dashesAsMinus('5\u20136')).toBe('5-6');
  });

  it('gates on the dash characters', () => {
    expect(mayHoldDashMinus('The answer is 5.')).toBe(false);
    expect(mayHoldDashMinus('\u20135')).toBe(true);
  });
});
