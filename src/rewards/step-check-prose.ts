import type { EquationVerdict } from './equation-check.js';
import { equal, evaluateExact, literalDecimals, type Rational, roundsTo } from './exact-arithmetic.js';

/**
 * Equations written in plain prose (`16 - 3 - 4 = 9 eggs`) and GSM8K annotations: found, cut from
 * the words around them, and checked exactly.
 */

/** A chain of at least two arithmetic sides joined by '=': `16 - 3 - 4 = 9`, `a = b = c`. */
const SIDE = String.raw`[-−–(]*[ \t]*[$€£]?[ \t]*(?:\d|\.\d)[\d \t.,+\-−–*/×÷^()%$€£·]*`;
const CHAIN = new RegExp(String.raw`${SIDE}(?:=[ \t]*${SIDE})+`, 'g');
/** `10 x 1.2`, `$12 x 5`: a lone x between numbers is a multiplication sign. */
const TIMES_X = /([\d%)])([ \t]*)[xX]([ \t]*)(?=[$€£]?[\d(.])/g;
/**
 * Text before a chain that shows its left side goes on: an operator (also one the problem defines:
 * `4@7 = 14`, `11 # 5 = 61`, a ratio `2:5 = 4:10`, a root `2√2 = ...`), a letter, superscript or
 * formula glued to it (`f⁻¹(6) = 2`), a LaTeX command, or an operator word (`1 mod 4 = 1`,
 * `6 choose 5 = 6`).
 */
const CONTINUES_LEFT =
  /(?:[*/×÷+\-−–^(=]\s*(?:[A-Za-z'’]+\s+){0,3}|[@#§:√∛∜⊕⊗⋆☆♦♣♠♥△□○∗∘]\s*|[A-Za-z_}\]^!|⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]|\\(?:[A-Za-z]+|[,;:!])\s*|(?:^|\s)[xX]\s*|\b(?:mod|modulo|choose|times|plus|minus|over|divided by|multiplied by|to the power of|power of)\s+)$/i;
/**
 * Text before a chain that opens with `(`: a name before it applies or multiplies it: glued
 * (`f(6)`), subscripted (`c_v (4) = 1.60`) or a one-letter name (`x (3)`; not the words a, A, I).
 */
const NAME_BEFORE_PARENTHESIS = /(?:[A-Za-z_]\w*|[A-Za-z]\w*_\w+\s+|(?:^|[^\w])[B-HJ-Zb-z]\s+)$/;
/**
 * Text after a chain that shows its last side goes on: a unit followed by an operator (`240g/5`),
 * a parenthesis, a letter glued to the number (`= 40x`), a factorial, a LaTeX command
 * (`= 2 \\times 5`), or a function applied (`= 14 sin(θ)`).
 */
const CONTINUES_RIGHT = /^(?:[A-Za-z]+\s*[*/×÷^+\-−–]\s*[$€£]?[\d(.]|\(|\s*\\[A-Za-z]|\s*[A-Za-z]+\s*\()/;
/**
 * A chain whose first link is a definition (`I get n = (99 - 3)/3 + 1 = 31 + 1 = 32`): the name
 * alone (one letter, maybe subscripted) stands on the left of the first `=`, so the numbers after
 * it are a whole chain of their own, checked as one.
 */
const DEFINITION_BEFORE = /(?:^|[\s(,;:])[A-Za-z](?:_\{?\w+\}?)?\s*=\s*$/;
/** Text right after a chain (no space between) that glues a name or a factorial to its last number. */
const GLUED_RIGHT = /^[A-Za-z_!√∛∜π°′″@#§:]/;
/** `3 1/2` is three and a half: a mixed number becomes (3 + 1/2) before white space goes. */
const MIXED_NUMBER = /(\d+)[ \t]+(\d+)[ \t]*\/[ \t]*(\d+)/g;

/**
 * `x / 1/2`: a fraction written with a slash and no spaces is also read as one number, so that `1 1/2 / 1/2 = 3`
 * (one and a half divided by a half) holds as its writer means it; the left-to-right reading
 * ((1 1/2) / 1) / 2 stays the other reading.
 */
const FRACTION_LITERAL = /(?<![\d.)])(\d+)\/(\d+)(?![\d.(^])/g;

/**
 * Values a side may stand for: its value; when it ends in %, the bare number too (`x 100 = 4%`);
 * when it divides by a written fraction, the value with that fraction as one number.
 */
function readings(side: string): Rational[] {
  const withMixed = side.replace(MIXED_NUMBER, '($1+$2/$3)');
  const values = [evaluateExact(withMixed)];
  const asFractions = withMixed.replace(FRACTION_LITERAL, '($1/$2)');
  if (asFractions !== withMixed) values.push(evaluateExact(asFractions));
  const bare = side.trimEnd();
  if (bare.endsWith('%')) values.push(evaluateExact(bare.slice(0, -1).replace(MIXED_NUMBER, '($1+$2/$3)')));
  return values;
}

/** The first term of a sum or difference at the top level (`1.50+3.00` -> `1.50`), if it is one. */
function firstTerm(side: string): string | undefined {
  let depth = 0;
  for (let index = 1; index < side.length; index++) {
    const char = side[index] as string;
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (depth === 0 && '+-−–'.includes(char) && !/[*/×÷^(+\-−–]\s*$/.test(side.slice(0, index)))
      return side.slice(0, index);
  }
  return undefined;
}

/**
 * A running computation (`$3/2 = $1.50+$3.00 = $4.50`): the writer states a result and goes on from
 * it in the same chain, so a middle side that starts with the previous side's value and adds to it
 * is the next computation, not a claim that the two are equal. The next link is still checked.
 */
function continuesFrom(previous: Rational[], side: string): boolean {
  const term = firstTerm(side);
  if (term === undefined) return false;
  try {
    return readings(term).some((value) => previous.some((left) => equal(left, value)));
  } catch {
    return false;
  }
}

export function checkChain(text: string, allowRounding: boolean): EquationVerdict {
  const sides = text.split('=').map((side) => side.trim().replace(/[.,]$/, ''));
  try {
    const values = sides.map((side) => readings(side));
    for (let index = 1; index < values.length; index++) {
      const lefts = values[index - 1]!;
      const rights = values[index]!;
      if (lefts.some((left) => rights.some((right) => equal(left, right)))) continue;
      const left = lefts[0]!;
      const right = rights[0]!;
      const decimals = literalDecimals(sides[index] as string);
      if (allowRounding && decimals !== undefined && roundsTo(left, right, decimals)) continue;
      if (index + 1 < sides.length && continuesFrom(lefts, sides[index] as string)) continue;
      return { text, verdict: 'wrong', reason: `'${sides[index - 1]}' is not equal to '${sides[index]}'` };
    }
    return { text, verdict: 'correct' };
  } catch (error) {
    return { text, verdict: 'unparseable', reason: (error as Error).message };
  }
}

/** Checks the equation chains of one sentence (a line is split at sentence ends first). */
export function checkSentence(sentence: string, allowRounding: boolean): EquationVerdict[] {
  const verdicts: EquationVerdict[] = [];
  const normalized = sentence.replace(TIMES_X, '$1$2*$3');
  for (const match of normalized.matchAll(CHAIN)) {
    const text = match[0].trim();
    if (!text.split('=').every((side) => side.trim() !== '')) continue;
    const end = (match.index ?? 0) + match[0].length;
    const before = normalized.slice(0, end - match[0].trimStart().length);
    const after = normalized.slice(end);
    const binaryMinus = /^[-−–]/.test(text) && /[A-Za-z0-9|)\]}]$/.test(before.trimEnd());
    const glued =
      (/\)$/.test(match[0]) && /^[A-Za-z]/.test(after)) || (!/\s$/.test(match[0]) && GLUED_RIGHT.test(after));
    const applied = text.startsWith('(') && NAME_BEFORE_PARENTHESIS.test(before);
    const continuesLeft = CONTINUES_LEFT.test(before) && !DEFINITION_BEFORE.test(before);
    if (continuesLeft || CONTINUES_RIGHT.test(after) || binaryMinus || glued || applied) {
      verdicts.push({
        text,
        verdict: 'unparseable',
        reason: 'the expression goes on past the numbers (units or variables)',
      });
    } else {
      verdicts.push(checkChain(text, allowRounding));
    }
  }
  return verdicts;
}
