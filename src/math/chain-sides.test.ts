import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

describe('chains of inequalities side by side', () => {
  it('equal when each side is the same expression and each sign the same, read from either end', () => {
    // Knowre-Dev/locian-algorithm's test (graders' round 16).
    const outcome = verifyAnswer(
      '\\frac{a}{3}<2x+4\\le \\frac{4}{3}a+5',
      '\\frac{4a}{3}+5\\ge 2(x+2)> \\frac{1}{3}a',
    );
    expect(outcome.verdict).toBe('equal');
    expect(outcome.method).toBe('relation-chain');
    expect(verifyAnswer('1<x+a\\le 3', '1<a+x\\le 3').verdict).toBe('equal');
    expect(verifyAnswer('1<x+a\\le 3', '3\\ge x+a>1').verdict).toBe('equal');
  });

  it('decides nothing when a sign or a side differs (such chains may still be equivalent)', () => {
    expect(verifyAnswer('1<x+a\\le 3', '1\\le x+a\\le 3').verdict).not.toBe('equal');
    expect(verifyAnswer('1<x+a\\le 3', '1<x+a\\le 4').verdict).not.toBe('equal');
    expect(verifyAnswer('1<x+a\\le 3', '3> x+a\\ge 1').verdict).not.toBe('equal');
  });

  it('compares sides as expressions, no answer rule between them (the red team of stop 46)', () => {
    // A rounded bound or a percent moves the set.
    expect(verifyAnswer('\\frac13<x+a<1', '0.33<x+a<1').verdict).not.toBe('equal');
    expect(verifyAnswer('0<x+a<1', '0<x+a<100\\%').verdict).not.toBe('equal');
    expect(verifyAnswer('\\frac13<x+a<1', '\\frac{2}{6}<a+x<1').verdict).toBe('equal');
  });
});
