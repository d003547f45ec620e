import { describe, expect, it } from 'vitest';
import { degreesAsRadians, mayHoldDegrees, mentionsPi } from './degrees.js';

describe('degrees', () => {
  it('writes every marked angle as a multiple of pi', () => {
    expect(degreesAsRadians('30^\\circ')).toBe('\\frac{30\\pi}{180}');
    expect(degreesAsRadians('45^{\\circ}, 135^{\\circ}')).toBe('\\frac{45\\pi}{180}, \\frac{135\\pi}{180}');
    expect(degreesAsRadians('90°')).toBe('\\frac{90\\pi}{180}');
    expect(degreesAsRadians('60 degrees')).toBe('\\frac{60\\pi}{180}');
  });

  it('takes no bare number for degrees', () => {
    expect(degreesAsRadians('60')).toBeUndefined();
    expect(mayHoldDegrees('60')).toBe(false);
    expect(mayHoldDegrees('60^\\circ')).toBe(true);
    expect(mentionsPi('\\frac{\\pi}{3}')).toBe(true);
    expect(mentionsPi('3')).toBe(false);
  });
});
