import { describe, expect, it } from 'vitest';
import { isExactZero, isVanishing } from './vanishing-values.js';
import { verifyAnswer } from './verify.js';

describe('vanishing values', () => {
  it('tells values below 1e-150 and exact zeros', () => {
    expect(isVanishing({ re: 1e-275, im: 0 })).toBe(true);
    expect(isVanishing({ re: 1e-20, im: 0 })).toBe(false);
    expect(isExactZero({ re: 0, im: 0 })).toBe(true);
    expect(isExactZero({ re: 1e-300, im: 0 })).toBe(false);
  });

  // maths/moodle-qtype_stack doc/en/Authoring/Answer_Tests/Results/AlgEquiv.md: 5999 against 59999.
  it('two underflows are no agreement', () => {
    expect(verifyAnswer('y=(x-a)^5999', 'y=(a-x)^59999').verdict).not.toBe('equal');
    expect(verifyAnswer('(x-a)^6', '(a-x)^6').verdict).toBe('equal');
    expect(verifyAnswer('0', 'x-x').verdict).toBe('equal');
  });
});
