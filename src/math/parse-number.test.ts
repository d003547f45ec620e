import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parse-number.js';

/** The reduced rational of a decimal's text, computed with BigInt only (the reference). */
function reference(text: string): { numerator: bigint; denominator: bigint } {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  let numerator = BigInt(`${whole}${fraction}` || '0');
  let denominator = 10n ** BigInt(fraction.length);
  let a = numerator;
  let b = denominator;
  while (b !== 0n) [a, b] = [b, a % b];
  numerator /= a;
  denominator /= a;
  return { numerator: negative ? -numerator : numerator, denominator };
}

describe('parseDecimal', () => {
  it('reads short decimals as reduced rationals', () => {
    expect(parseDecimal('18.00')).toEqual({ numerator: 18n, denominator: 1n });
    expect(parseDecimal('-2.5')).toEqual({ numerator: -5n, denominator: 2n });
    expect(parseDecimal('0.05')).toEqual({ numerator: 1n, denominator: 20n });
    expect(parseDecimal('-0.0')).toEqual({ numerator: 0n, denominator: 1n });
    expect(parseDecimal('123456789.012345')).toEqual(reference('123456789.012345'));
  });

  it('gives the same rational on both sides of the 15-digit limit of the double path', () => {
    for (const text of [
      '999999999999999.9',
      '1234567890.123456',
      '0.0000000000000001',
      '99999999.99999999',
    ]) {
      expect(parseDecimal(text)).toEqual(reference(text));
    }
  });

  it('agrees with the BigInt reading on random decimals of 1 to 18 digits', () => {
    let seed = 7;
    const next = (bound: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
      return seed % bound;
    };
    for (let index = 0; index < 3000; index++) {
      const digits = (count: number) => Array.from({ length: count }, () => String(next(10))).join('');
      const text = `${next(3) === 0 ? '-' : ''}${digits(1 + next(9))}.${digits(1 + next(9))}`;
      expect(parseDecimal(text), text).toEqual(reference(text));
    }
  });
});
