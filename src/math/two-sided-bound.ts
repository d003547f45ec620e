import { escapeRegex } from '../core/text.js';

/**
 * A bound read as the answer ("the answer is at most $2017^{98}$") whose opposite bound the
 * response also states for the same value ("the answer is at least $2017^{98}$"): the two sides of
 * a proof of equality, so the answer is the value. A proof written "we show it is at least X ...
 * then at most X" read the last bound and was undecidable against a gold X (KbsdJames/Omni-MATH
 * GPT_eval/examples, InternLM2-Math-Plus, found by a held-out suite of real outputs). A lone bound
 * stays a qualified answer (hedged-answer.ts).
 */
const BOUND =
  /^(at\s+least|at\s+most|no\s+less\s+than|no\s+more\s+than|not\s+less\s+than|not\s+more\s+than)\s+(.+)$/i;

const UPPER = 'at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than';
const LOWER = 'at\\s+least|no\\s+less\\s+than|not\\s+less\\s+than';
const OPPOSITE: Record<string, string> = {
  'at least': UPPER,
  'no less than': UPPER,
  'not less than': UPPER,
  'at most': LOWER,
  'no more than': LOWER,
  'not more than': LOWER,
};

/** Words that deny what their sentence goes on to say. */
const DENIAL = /\b(?:false|not|never|wrong|incorrect|untrue|impossible)\b|n't\b/i;

function lastSentenceBreak(text: string): number {
  return Math.max(
    text.lastIndexOf('.'),
    text.lastIndexOf('!'),
    text.lastIndexOf('?'),
    text.lastIndexOf('\n'),
  );
}

/** The value without the dollars of its math span. */
function unwrapped(value: string): string {
  return value
    .trim()
    .replace(/^\$(.*)\$$/, '$1')
    .trim();
}

/**
 * Whether the response states the bound opposite to `qualifier` ("at most", "no less than" ...) for
 * the same value, as written (`$2017^{98}$` or `2017^{98}`), as "is at most X" ending a sentence
 * that does not deny it.
 */
export function opposedBoundStated(qualifier: string, value: string, response: string): boolean {
  const opposite = OPPOSITE[qualifier.trim().toLowerCase().replace(/\s+/g, ' ')];
  const bare = unwrapped(value);
  if (opposite === undefined || bare === '' || bare.length > 200) return false;
  // "... is at most $X$." ending its sentence: the same quantity's bound, not "at most X people fit",
  // "at most 5.5", "at most $5\\sqrt{2}$", "is not at most 5" or "at most 5 only if n is odd".
  const written = `\\$?${escapeRegex(bare)}\\$?`;
  const pattern = new RegExp(`\\bis\\s+(?:${opposite})\\s+${written}[.,;]?(?:\\n|\\s+[A-Z]|\\s*$)`, 'g');
  for (const match of response.matchAll(pattern)) {
    // "It is false that the answer is at most 5": the sentence denies the bound.
    const sentence = response.slice(Math.max(0, match.index - 120), match.index);
    if (!DENIAL.test(sentence.slice(lastSentenceBreak(sentence) + 1))) return true;
  }
  return false;
}

/** The value of a bound read as the answer whose opposite bound the response states too. */
export function twoSidedBound<T extends { text: string }>(
  extraction: T | undefined,
  response: string,
): T | undefined {
  if (extraction === undefined || extraction.text.length > 200) return undefined;
  const bound = BOUND.exec(extraction.text.trim());
  if (bound === null || !opposedBoundStated(bound[1] ?? '', bound[2] ?? '', response)) return undefined;
  return { ...extraction, text: unwrapped(bound[2] ?? '') };
}
