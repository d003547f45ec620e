import { equal, notEqual, type Verdict } from './verdict.js';

/** A gold that is only "yes" or "no" (a closing full stop allowed). */
const YES_NO_GOLD = /^\s*(yes|no)\s*\.?\s*$/i;
/** "Yes, the equilibrium is stable.", "No: the series diverges": the word, a mark, an explanation. */
const EXPLAINED_ANSWER = /^\s*(yes|no)\s*[,.;:!—–-]\s*(\S[\s\S]*)$/i;
/**
 * Another yes or no in the explanation ("Yes, or maybe no", "No, wait, yes"), or words that take the
 * answer back or flip it ("Yes, scratch that.", "Yes, or rather the negation.", "Yes, wait,
 * negative.", "Yes, it is false."; stop 37's red team): no answer is read.
 */
const OTHER_YES_NO =
  /\b(?:yes|no|yep|yeah|nope|nah|oui|non|nein|ja|wait|scratch|actually|rather|i\s+mean|meant|wrong|incorrect|mistakes?|mistaken|errors?|false|true|negative|negation|affirmative|correction|ignore|kidding|joking|maybe|perhaps|probably|possibly|unless|not\s+sure|unsure)\b/i;

/**
 * An answer that says yes or no and then explains it, against a gold yes or no: the leading word
 * is the answer ("Yes, \(\frac{\partial y}{\partial \eta}\) is always positive." against "Yes";
 * o1-preview and GPT-4 JSON answers of odyssey-math, round 10 of real outputs). An explanation
 * that says yes or no again, in any sense, leaves the answer to the other rules (scored 0).
 */
export function compareExplainedYesNo(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  if (goldText === undefined || predText === undefined) return undefined;
  const gold = YES_NO_GOLD.exec(goldText);
  if (gold === null) return undefined;
  const answer = EXPLAINED_ANSWER.exec(predText);
  if (answer === null || OTHER_YES_NO.test(answer[2] as string)) return undefined;
  const said = (answer[1] as string).toLowerCase();
  return said === (gold[1] as string).toLowerCase()
    ? equal('text', `the answer says "${said}" and explains it`)
    : notEqual('text', `the answer says "${said}", the gold "${(gold[1] as string).toLowerCase()}"`);
}
