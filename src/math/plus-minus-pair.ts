/**
 * A gold tuple of two values written X - Y and X + Y (in either order) is the two values of X ± Y,
 * as a solver prints the roots of a quadratic: `(-1-2.449i, -1+2.449i)`, `(117*x-sqrt(x/18875),
 * 117*x+sqrt(x/18875))` (xchuheng613/t2t-qwen-math's golds, real outputs round 26: responses that
 * listed the two roots in the other order were refused as a tuple out of order). Against a bare
 * list of values (or of one unknown's values) its items are compared in any order; a prediction in
 * brackets, or one that labels coordinates (`x = ..., y = ...`), keeps the tuple's order, and Y must be
 * a root or an imaginary part (a point `(a - b, a + b)` keeps its order too).
 */
import { describeValue, type MathValue } from './value.js';

/** Characters after which a sign is a sign of what follows, not a subtraction or an addition. */
const SIGN_OPENERS = new Set(['+', '-', '*', '/', '^', '(', '[', '{', ',', '=']);

/** The text split at its last sign outside brackets: [X, sign, Y], or undefined when it has none. */
function splitAtLastSign(text: string): [string, string, string] | undefined {
  let depth = 0;
  for (let index = text.length - 1; index > 0; index--) {
    const character = text[index] as string;
    if (character === ')' || character === ']' || character === '}') depth++;
    else if (character === '(' || character === '[' || character === '{') depth--;
    else if (depth === 0 && (character === '+' || character === '-')) {
      const before = text[index - 1] as string;
      if (SIGN_OPENERS.has(before)) continue;
      // `1e-5`: an exponent's sign.
      if ((before === 'e' || before === 'E') && /\d/.test(text[index - 2] ?? '')) continue;
      return [text.slice(0, index), character, text.slice(index + 1)];
    }
  }
  return undefined;
}

/** A root or an imaginary part: what Y is in a quadratic's two roots (`\sqrt{5}`, `sqrt(x/3)`, `2.449i`). */
const ROOT_OR_IMAGINARY = /sqrt|√|(?:^|[\d.*])i$/;

/**
 * Whether two items are X - Y and X + Y (either order), the same X and Y as written, Y a root or an
 * imaginary part: the two roots of a quadratic, not a point such as `(a - b, a + b)`.
 */
export function isPlusMinusPair(items: readonly MathValue[]): boolean {
  if (items.length !== 2) return false;
  const [first, second] = items.map((item) => splitAtLastSign(describeValue(item).replace(/\s+/g, '')));
  if (first === undefined || second === undefined || first[1] === second[1]) return false;
  return (
    first[0] === second[0] && first[2] === second[2] && first[0] !== '' && ROOT_OR_IMAGINARY.test(first[2])
  );
}

/** The letter a relation's left side names (`x` of `x_1 = 2`), or undefined. */
function nameOf(item: MathValue): string | undefined {
  if (item.kind !== 'relation' || item.operators.length !== 1 || item.operators[0] !== '=') return undefined;
  return /^([A-Za-z])(?:_\{?\w{1,3}\}?)?$/.exec(
    describeValue(item.sides[0] as MathValue).replace(/\s+/g, ''),
  )?.[1];
}

/**
 * Whether a list gives values that no label puts in an order: bare values, or each the value of one
 * unknown (`x = 3 + \sqrt{5}, x = 3 - \sqrt{5}`, `x_1 = ..., x_2 = ...`). `x = ..., y = ...` names
 * coordinates (the red team of stop 46).
 */
export function namesNoCoordinates(items: readonly MathValue[]): boolean {
  if (items.every((item) => item.kind !== 'relation')) return true;
  const names = items.map(nameOf);
  return names.every((name) => name !== undefined && name === names[0]);
}
