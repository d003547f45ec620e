import { bareVariable } from './compare-interval.js';
import type { MathJson, MathValue } from './value.js';

/**
 * A sum of named quantities as the left side of a stated answer: `m + n = 7`, `a + b + c = 12`,
 * `p+q = 40`. Contest problems ask for such a sum ("... where m and n are relatively prime
 * positive integers. Find m + n.", AIME; "find a + b + c"), and a response states the value under
 * the name the question used. Read by statedValue (compare-relation.ts) against a gold value only:
 * the left side is two or more distinct bare symbols (`a_1` counts as one), each with coefficient
 * 1 and no constant term. Anything else (`2m + n = 7`, `x + 1 = 7`, `m - n = 7`, `mn = 12`) states
 * an equation of the question and gives no value; a gold relation `x + y = 1` (a line) is compared
 * as an equation, never through this rule.
 */
export function namesAskedSum(value: MathValue): boolean {
  if (value.kind !== 'expression' || !value.text.includes('+')) return false;
  const terms = addends(value.json);
  if (terms.length < 2) return false;
  const names = new Set<string>();
  for (const term of terms) {
    const name = bareVariable({ kind: 'expression', json: term, text: '' });
    if (name === undefined || names.has(name)) return false;
    names.add(name);
  }
  return true;
}

/** The operands of a sum, nested sums flattened (`a+b+c` parses as `(a+b)+c`); [] for no sum. */
function addends(json: MathJson): MathJson[] {
  if (!Array.isArray(json) || json[0] !== 'Add') return [];
  return json.slice(1).flatMap((term) => {
    const inner = addends(term as MathJson);
    return inner.length > 0 ? inner : [term as MathJson];
  });
}
