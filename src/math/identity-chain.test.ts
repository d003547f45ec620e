import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

describe('identityChainValue (through verifyAnswer)', () => {
  it('reads the last side of a chain that holds identically', () => {
    expect(verifyAnswer('x^2+2x+1', 'Expanding: \\[(x+1)^2 = x^2+2x+1\\]').verdict).toBe('equal');
    // graders' round 10 (a limit_rlvr grader's regression case), written as one display.
    const simplified = 'Therefore, the expression is: \\[x(x(1+x)+2x)-3(x^2-x+2) = x^3+3x-6\\]';
    expect(verifyAnswer('x^3+3x-6', simplified).verdict).toBe('equal');
    expect(verifyAnswer('x^3+3x-7', simplified).verdict).not.toBe('equal');
  });
  it('leaves equations and chains that do not hold to the other rules', () => {
    // Not an identity: an equation, no value.
    expect(verifyAnswer('x^2+2x+2', 'Expanding: \\[(x+1)^2 = x^2+2x+2\\]').verdict).toBe('not_equal');
    expect(verifyAnswer('2', 'We solve \\[x + 1 = 2\\]').verdict).toBe('not_equal');
    expect(verifyAnswer('x+1', 'We get \\[x + 1 = 2\\]').verdict).toBe('not_equal');
  });
});
