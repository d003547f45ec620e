import { describe, expect, it } from 'vitest';
import { mayBePlainTextMath, plainTextMathAsLatex } from './plain-text-math.js';

describe('plainTextMathAsLatex', () => {
  it('writes Python-style names and roots as LaTeX', () => {
    expect(plainTextMathAsLatex('pi/2')).toBe('\\pi /2');
    expect(plainTextMathAsLatex('-1 + exp(16)')).toBe('-1 + \\exp(16)');
    expect(plainTextMathAsLatex('sqrt(2)/2')).toBe('\\sqrt{2}/2');
    expect(plainTextMathAsLatex('4\\sqrt(2)')).toBe('4\\sqrt{2}');
    expect(plainTextMathAsLatex('sqrt((1+2)*3)')).toBe('\\sqrt{(1+2)*3}');
    expect(plainTextMathAsLatex('log(3) + sin(x)')).toBe('\\log(3) + \\sin(x)');
  });

  it('raises to a whole parenthesised exponent and reads printed infinities', () => {
    expect(plainTextMathAsLatex('e^(-8*x)*cos(9*x)')).toBe('e^{(-8*x)}*\\cos(9*x)');
    expect(plainTextMathAsLatex('2^((x+1)*2)')).toBe('2^{((x+1)*2)}');
    expect(plainTextMathAsLatex('(-oo, 5)')).toBe('(-\\infty , 5)');
    expect(plainTextMathAsLatex('(-infinity,5)')).toBe('(-\\infty ,5)');
    expect(plainTextMathAsLatex('zoo + 2^(x')).toBe('zoo + 2^(x');
  });

  it('leaves LaTeX commands and longer words alone', () => {
    expect(mayBePlainTextMath('\\pi + \\sqrt{2}')).toBe(false);
    expect(mayBePlainTextMath('pin + expand')).toBe(false);
    expect(plainTextMathAsLatex('\\frac{\\pi}{2}')).toBe('\\frac{\\pi}{2}');
    expect(plainTextMathAsLatex('sqrt(2')).toBe('sqrt(2');
  });
});
