import { describe, expect, it } from 'vitest';
import { trailingCodeStart } from './trailing-code.js';

const FENCE = '```';
const PROSE = 'Revenue per week = 42 x 7 = 294 dollars.\n\nLet us verify this with Python code.\n';
const CODE = `${FENCE}python\neggs_per_day = 252\ndozens = eggs_per_day / 12\nprint(dozens * 2 * 7)\n${FENCE}`;

describe('trailingCodeStart', () => {
  it('finds code that ends the response without a printed number (GRPO rollouts, real outputs round 18)', () => {
    expect(trailingCodeStart(`${PROSE}${CODE}`)).toBe(PROSE.length);
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\nnamespaces: a discussion\n${FENCE}\n`)).toBe(
      PROSE.length,
    );
    // Cut off inside its output block.
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\n \\ \\ weeds \\`)).toBe(PROSE.length);
    // Cut off inside the code.
    expect(trailingCodeStart(`${PROSE}${FENCE}python\nx = 252 / 12`)).toBe(PROSE.length);
  });

  it('leaves output with a number, a block without a language, text after the code, and code alone', () => {
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\n294.0\n${FENCE}`)).toBeUndefined();
    expect(trailingCodeStart(`${PROSE}${FENCE}\n294\n${FENCE}`)).toBeUndefined();
    expect(trailingCodeStart(`${PROSE}${CODE}\nSo the total is 294.`)).toBeUndefined();
    expect(trailingCodeStart(`Let us write a program.\n${CODE}`)).toBeUndefined();
    expect(trailingCodeStart(PROSE)).toBeUndefined();
  });
});
