/** An equal verdict put through the hedge checks: a response that does not commit to the answer is not equal. */
import { Budget } from './budget.js';
import { anotherOptionNamed } from './choice-answer.js';
import { compareValues } from './compare.js';
import { choiceLetter } from './compare-text.js';
import { type Extraction, WEAK_EXTRACTORS } from './extraction.js';
import { answerEnd, offeredAlternative, qualifiedAnswer } from './hedged-answer.js';
import { wordHedge } from './offered-word.js';
import { optionRangeOf } from './option-letters.js';
import type { MathVerifyOptions } from './options.js';
import { type PreparedAnswer, prepare } from './prepared-answer.js';
import { disownedInAnswer, retractedAnswer } from './retracted-answer.js';
import { restatesInOtherUnits } from './unit-dimension.js';
import { notEqual, type Verdict } from './verdict.js';

/**
 * An equal verdict, unless the response does not commit to that answer (`hedged-answer.ts`): a
 * negation or bound qualifies it ("at least 40"), or it offers an alternative that is not the
 * gold too: "The answer is 5 (or possibly 6).", "\boxed{40}. Or maybe 50." name two answers, a
 * hedge, and are not equal; "1/2 (or 0.5)" restates the same value and stays equal.
 */
export function unlessHedged(
  verdict: Verdict,
  gold: PreparedAnswer,
  extraction: Extraction | undefined,
  /** The response as the extractors read it (cleanResponse), where `extraction`'s positions are. */
  read: string,
  options: MathVerifyOptions,
  deadline: number,
  /** How an offered alternative is compared with the gold when the gold has no value (a congruence). */
  sameAsGold?: (offered: string) => boolean,
): Verdict {
  if (verdict.verdict !== 'equal' || extraction === undefined) return verdict;
  if (gold.choice !== undefined && optionRangeOf(gold.choice) === 'A-J') {
    // A weak reading (a math span, a closing letter) is checked against the response's last 300
    // characters, where it was found (`(H) $\text{or } J$`, "H\n\n(J) is the last option listed.").
    const from = WEAK_EXTRACTORS.has(extraction.extractor)
      ? Math.max(0, read.length - 300)
      : (extraction.start ?? Math.max(0, extraction.end - extraction.text.length));
    const other = anotherOptionNamed(gold.choice, read.slice(from));
    if (other !== undefined) return notEqual('hedge', `the answer also names option ${other}`);
  }
  const end = answerEnd(read, extraction);
  const words = wordHedge(gold.trace.normalized ?? '', gold.choice, extraction.text, read.slice(end));
  if (words !== undefined) return notEqual('hedge', words);
  if (gold.value === undefined && sameAsGold === undefined) return verdict;
  const qualified =
    qualifiedAnswer(read, extraction) ??
    disownedInAnswer(extraction.text) ??
    retractedAnswer(read, end, extraction.text);
  if (qualified !== undefined) return notEqual('hedge', qualified);
  const inParentheses = extraction.alternative !== undefined;
  let alternative = extraction.alternative ?? offeredAlternative(read, extraction);
  if (alternative === undefined) return verdict;
  // "2 hours (or 120 minutes)": the answer restated in other units is no second answer (unit-dimension.ts);
  // a value offered after it still is ("... (or 1020 minutes). Or maybe 19 hours.": stop 36's red team).
  if (restatesInOtherUnits(extraction.text, alternative)) {
    const later = inParentheses ? offeredAlternative(read, extraction) : undefined;
    if (later === undefined || alternative.startsWith(later)) return verdict;
    alternative = later;
  }
  const offered = prepare({ text: alternative, extractor: extraction?.extractor ?? 'whole', end: 0 });
  const sameChoice =
    gold.choice !== undefined &&
    choiceLetter(offered.trace.normalized ?? '', optionRangeOf(gold.choice)) === gold.choice;
  const same =
    sameChoice ||
    sameAsGold?.(alternative) === true ||
    (gold.value !== undefined &&
      offered.value !== undefined &&
      compareValues(gold.value, offered.value, { options, budget: new Budget(deadline) }).verdict ===
        'equal');
  if (same || labelsClosingValue(read, gold.choice, alternative)) return verdict;
  return notEqual(
    'hedge',
    `the answer offers another${inParentheses ? ' in parentheses' : ''}: ${alternative}`,
  );
}

/**
 * Whether the response ends on the gold's option letter labelling the value offered (`... is: B) 10`,
 * AQuA's options as GPT-4 closes on them: real outputs round 13): the option's text, no second answer.
 */
function labelsClosingValue(read: string, choice: string | undefined, value: string): boolean {
  if (choice === undefined) return false;
  const tail = read.trimEnd().replace(/[.!]$/, '').trimEnd();
  if (!tail.endsWith(value)) return false;
  return new RegExp(`(?<![A-Za-z])\\(?${choice}[).:]\\s*$`).test(tail.slice(0, -value.length));
}
