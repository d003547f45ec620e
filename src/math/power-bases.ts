import type { MathJson } from './value.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * `(x-a)^{6000}` against `(a-x)^{6000}`: at random points both sides overflow or vanish in doubles,
 * so the numeric identity test has no evidence and says undecidable. Two powers with the same
 * integer exponent are equal when their bases are, and, for an even exponent, when one base is
 * the other's negative; the bases are small and compared as usual. For an odd exponent, opposite bases (not equal, so not
 * identically 0) give opposite powers: not equal. Any other pair stays undecided: different bases
 * may still give equal powers (`i^4` and `1^4`).
 */
export function compareIntegerPowers(
  gold: MathJson,
  pred: MathJson,
  compareBases: (gold: MathJson, pred: MathJson) => Verdict,
): Verdict | undefined {
  const goldPower = integerPower(gold);
  const predPower = integerPower(pred);
  if (goldPower === undefined || predPower === undefined || goldPower.exponent !== predPower.exponent)
    return undefined;
  const exponent = goldPower.exponent;
  if (compareBases(goldPower.base, predPower.base).verdict === 'equal')
    return equal('power-bases', `the same power (${exponent}) of equal bases`);
  if (compareBases(goldPower.base, ['Negate', predPower.base]).verdict !== 'equal') return undefined;
  // Opposite bases that are not equal are not identically 0: an odd power keeps the sign apart.
  return exponent % 2 === 0
    ? equal('power-bases', `an even power (${exponent}) of opposite bases`)
    : notEqual('power-bases', `an odd power (${exponent}) of opposite bases: one is the other's negative`);
}

function integerPower(json: MathJson): { base: MathJson; exponent: number } | undefined {
  if (!Array.isArray(json) || json[0] !== 'Power' || json.length !== 3) return undefined;
  const exponent = json[2];
  if (typeof exponent !== 'number' || !Number.isSafeInteger(exponent)) return undefined;
  return { base: json[1] as MathJson, exponent };
}
