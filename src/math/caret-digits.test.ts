import { describe, expect, it } from 'vitest';
import { bracedCaretDigits } from './caret-digits.js';
import { verifyAnswer } from './verify.js';

describe('bracedCaretDigits', () => {
  it('braces an exponent of two digits or more written without braces', () => {
    expect(bracedCaretDigits('2^10')).toBe('2^{10}');
    expect(bracedCaretDigits('10^-12')).toBe('10^{-12}');
    expect(bracedCaretDigits('3 \\times 10^23 + x^2')).toBe('3 \\times 10^{23} + x^2');
  });

  it('braces a decimal exponent, and one that ends a sentence', () => {
    expect(bracedCaretDigits('2^1.5')).toBe('2^{1.5}');
    expect(bracedCaretDigits('x^-0.5')).toBe('x^{-0.5}');
    expect(bracedCaretDigits('It is 2^10.')).toBe('It is 2^{10}.');
    expect(bracedCaretDigits('It is 2^1.5.')).toBe('It is 2^{1.5}.');
  });

  it('leaves braced, one-digit and letter exponents as written', () => {
    expect(bracedCaretDigits('2^{10}')).toBe('2^{10}');
    expect(bracedCaretDigits('x^2')).toBe('x^2');
    expect(bracedCaretDigits('x^2.')).toBe('x^2.');
    expect(bracedCaretDigits('e^x')).toBe('e^x');
  });

  // Trinity's MATH-500 reward tests (code index: trinity.orchestration.reward, issue 434).
  it('reads 2^10 as 1024 on either side', () => {
    expect(verifyAnswer('2^10', '2^{10}').verdict).toBe('equal');
    expect(verifyAnswer('1024', '\\boxed{2^10}').verdict).toBe('equal');
    expect(verifyAnswer('2^10', '20').verdict).toBe('not_equal');
    expect(verifyAnswer('2^10', '2^{11}').verdict).toBe('not_equal');
  });
});
