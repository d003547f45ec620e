import { describe, expect, it } from 'vitest';
import { lastNumberAnswer } from './last-number.js';
import { statesComputedResult, trailingCodeStart } from './trailing-code.js';

const FENCE = '```';
const PROSE = 'Revenue per week = 42 x 7 = 294 dollars.\n\nLet us verify this with Python code.\n';
const CODE = `${FENCE}python\neggs_per_day = 252\ndozens = eggs_per_day / 12\nprint(dozens * 2 * 7)\n${FENCE}`;

describe('trailingCodeStart', () => {
  it('finds code that ends the response without a printed number (GRPO rollouts, real outputs round 18)', () => {
    expect(trailingCodeStart(`${PROSE}${CODE}`)).toBe(PROSE.length);
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\nnamespaces: a discussion\n${FENCE}\n`)).toBe(
      PROSE.length,
    );
    // Cut off inside its output block, or inside the code.
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\n \\ \\ weeds \\`)).toBe(PROSE.length);
    expect(trailingCodeStart(`${PROSE}${FENCE}python\nx = 252 / 12`)).toBe(PROSE.length);
  });

  it('leaves output with a number, a block without a language, text after the code', () => {
    expect(trailingCodeStart(`${PROSE}${CODE}\n${FENCE}output\n294.0\n${FENCE}`)).toBeUndefined();
    expect(trailingCodeStart(`${PROSE}${FENCE}\n294\n${FENCE}`)).toBeUndefined();
    expect(trailingCodeStart(`${PROSE}${CODE}\nSo the total is 294.`)).toBeUndefined();
    expect(trailingCodeStart(PROSE)).toBeUndefined();
  });

  it('leaves code that shows its result, and blocks of a shell, a REPL or a notebook (red team of stop 43)', () => {
    for (const code of [
      `${FENCE}python\nx = (16 - 3 - 4) * 2\n# Output: 18\n${FENCE}`,
      `${FENCE}python\n>>> (16 - 3 - 4) * 2\n18\n${FENCE}`,
      `${FENCE}python\nprint(18)\n${FENCE}`,
      `${FENCE}python\nresult = 18\n${FENCE}`,
      `${FENCE}bash\n$ python solve.py\n18\n${FENCE}`,
      `${FENCE}ipython\nOut[1]: 18\n${FENCE}`,
    ])
      expect(trailingCodeStart(`${PROSE}${code}`), code).toBeUndefined();
  });
});

describe('statesComputedResult', () => {
  it('wants a computed result the prose stands by up to the code', () => {
    expect(statesComputedResult(PROSE, PROSE.indexOf('294') + 3, '294')).toBe(true);
    const doubted = 'Total = 12. Hmm, that seems off; let me recompute.\n';
    expect(statesComputedResult(doubted, 10, '12')).toBe(false);
    const data = "Janet's ducks lay 16 eggs. Let us compute with code.\n";
    expect(statesComputedResult(data, data.indexOf('16') + 2, '16')).toBe(false);
  });
});

describe('lastNumberAnswer before trailing code', () => {
  it('reads the result stated before the code, else the code as before', () => {
    expect(lastNumberAnswer(`${PROSE}${CODE}`)?.text).toBe('294');
    expect(lastNumberAnswer(`Is the answer 18? Let us check.\n${CODE}`)?.text).toBe('7');
    expect(lastNumberAnswer(`Janet's ducks lay 16 eggs.\n${CODE}`)?.text).toBe('7');
  });
});
