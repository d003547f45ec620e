import { describe, expect, it } from 'vitest';
import { OutputComparisonSchema, outputMatches } from './compare-output.js';

const whitespace = OutputComparisonSchema.parse({});
const exact = OutputComparisonSchema.parse({ mode: 'exact' });

describe('outputMatches', () => {
  it('compares byte for byte in exact mode', () => {
    expect(outputMatches('3\n', '3\n', exact)).toBe(true);
    expect(outputMatches('3\n', '3', exact)).toBe(false);
  });

  it('ignores spacing and trailing new lines in whitespace mode (the default)', () => {
    expect(outputMatches('1 2\n3\n', '1   2 3', whitespace)).toBe(true);
    expect(outputMatches('1 2 3', '1 2', whitespace)).toBe(false);
    expect(outputMatches('', '\n\n', whitespace)).toBe(true);
  });

  it('accepts numbers within the float tolerance, scaled by max(1, |gold|)', () => {
    const tolerant = OutputComparisonSchema.parse({ float_tolerance: 1e-6 });
    // gold 1000: allowed error 1e-6 * 1000 = 1e-3
    expect(outputMatches('1000', '1000.0009', tolerant)).toBe(true);
    expect(outputMatches('1000', '1000.002', tolerant)).toBe(false);
    // gold 0.5: allowed error 1e-6 * max(1, 0.5) = 1e-6
    expect(outputMatches('0.5', '0.5000009', tolerant)).toBe(true);
    expect(outputMatches('0.5', '0.50001', tolerant)).toBe(false);
    expect(outputMatches('abc', 'abd', tolerant)).toBe(false);
  });

  it('does not apply a tolerance unless one is given', () => {
    expect(outputMatches('0.5', '0.50', whitespace)).toBe(false);
  });
});
