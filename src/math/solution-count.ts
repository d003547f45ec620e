/**
 * An answer that counts the solutions in words instead of naming them: there is none (the empty
 * set, "no solution", "None") or there are infinitely many. Compared as the claim they make, read
 * from a closing sentence only when the gold makes the same kind of claim (gold-guided.ts), so a
 * number gold is never paid by "None" and "None or 5" names no answer of its own.
 */
import type { MathValue } from './value.js';
import { equal, type Verdict } from './verdict.js';

/** Words that state an empty solution set: "no solution", "no real roots", "none", "empty set". */
const NO_SOLUTION =
  /^(?:there\s+(?:is|are)\s+)?(?:no\s+(?:real\s+)?(?:solutions?|roots?|values?)(?:\s+exists?)?|none|(?:the\s+)?empty\s+set)$/i;

/**
 * Words that state infinitely many solutions: "infinitely many", "infinitely many real solutions",
 * "an infinite number of solutions", "there are infinitely many". Not "finitely many", and no
 * other word after the count (a joiner would offer another answer: "infinitely many or finitely").
 */
const INFINITELY_MANY =
  /^(?:there\s+(?:is|are|exist)\s+)?(?:infinitely\s+many|an\s+infinite\s+number(?:\s+of)?)(?:\s+(?:real|integer|integral|positive|negative|distinct|possible|such))?(?:\s+(?:solutions?|roots?|values?|answers?|(?:ordered\s+)?(?:pairs|triples)|integers|numbers|points|zeros|ways|choices|possibilities))?$/i;

function isEmptySet(value: MathValue): boolean {
  return value.kind === 'set' && value.items.length === 0;
}

function saysNoSolution(value: MathValue): boolean {
  return value.kind === 'text' && NO_SOLUTION.test(value.text.trim());
}

/** An answer in words that there are infinitely many solutions. */
export function statesInfinitelyMany(value: MathValue): boolean {
  return value.kind === 'text' && value.text.includes('nfinit') && INFINITELY_MANY.test(value.text.trim());
}

/** An answer that there is no solution: the empty set or the words saying so. */
export function statesNoSolution(value: MathValue): boolean {
  return isEmptySet(value) || saysNoSolution(value);
}

/**
 * Equal when both answers make the same claim about the count of solutions in different words
 * (`\varnothing` and "no real solutions", "infinitely many" and "There are infinitely many
 * solutions"), otherwise undefined: the other comparisons decide.
 */
export function compareSolutionCounts(gold: MathValue, pred: MathValue): Verdict | undefined {
  if (gold.kind !== 'text' && pred.kind !== 'text') return undefined;
  if ((isEmptySet(gold) && saysNoSolution(pred)) || (saysNoSolution(gold) && isEmptySet(pred)))
    return equal('empty-set', 'the empty set and "no solution" state the same answer');
  if (saysNoSolution(gold) && saysNoSolution(pred))
    return equal('empty-set', 'both state that there is no solution');
  if (statesInfinitelyMany(gold) && statesInfinitelyMany(pred))
    return equal('infinitely-many', 'both state that there are infinitely many');
  return undefined;
}

/** "no solution", "no real solutions", "no roots" inside a sentence. */
const NO_SOLUTION_PHRASE = /\bno\s+(?:real\s+)?(?:solutions?|roots?)\b/i;

/**
 * A sentence that is only the conclusion that there is none: "Hence there is no solution.",
 * "Therefore, the equation has no real roots." (not "Note the auxiliary quadratic has no real
 * roots.", "Apart from it, the equation has no solutions", "There is probably no solution": stop
 * 47's second red team was paid each against an empty-set gold after a value was found).
 */
const NO_SOLUTION_CONCLUSION =
  /^(?:(?:so|thus|hence|therefore|consequently)\s*,?\s*)?(?:there\s+(?:is|are|exists?)\s+no\s+(?:real\s+)?(?:solutions?|roots?)|the\s+(?:given\s+|original\s+)?(?:equation|system|inequality)\s+has\s+no\s+(?:real\s+)?(?:solutions?|roots?))\s*[.!]?$/i;

/** The words of a sentence that is only the conclusion that there is no solution, or undefined. */
export function noSolutionConcluded(sentence: string): string | undefined {
  return NO_SOLUTION_CONCLUSION.test(sentence) ? NO_SOLUTION_PHRASE.exec(sentence)?.[0] : undefined;
}
/** "None." as the whole closing sentence ("Therefore, none.", "**None**"); not "None of the above". */
const NONE_ALONE =
  /^[\s*_$]*(?:(?:so|thus|hence|therefore)\s*,?\s*)?(?:there\s+(?:is|are)\s+)?(none)[\s*_$.!]*$/i;

/** The words of a closing sentence that state there is no solution, or undefined. */
export function noSolutionIn(sentence: string): string | undefined {
  const phrase = NO_SOLUTION_PHRASE.exec(sentence);
  if (phrase !== null) return phrase[0];
  return sentence.length <= 40 ? NONE_ALONE.exec(sentence)?.[1] : undefined;
}

/** "infinitely many" in a sentence, and the words that deny it anywhere in the sentence. */
const INFINITELY_MANY_PHRASE = /\b(?:infinitely\s+many|an\s+infinite\s+number\s+of)\b/i;
const DENIAL = /\b(?:not|no|never|nor|neither|cannot|only|finitely)\b|n['’]t\b/i;

/**
 * "There are infinitely many solutions." as a closing sentence: "infinitely many". A sentence that
 * denies or bounds the count anywhere ("There are not infinitely many", "only finitely many, not
 * infinitely many") states nothing.
 */
export function infinitelyManyIn(sentence: string): string | undefined {
  if (!sentence.includes('nfinite') || DENIAL.test(sentence)) return undefined;
  return INFINITELY_MANY_PHRASE.test(sentence) ? 'infinitely many' : undefined;
}
