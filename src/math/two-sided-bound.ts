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

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
 * the same value, as written (`$2017^{98}$` or `2017^{98}`).
 */
export function opposedBoundStated(qualifier: string, value: string, response: string): boolean {
  const opposite = OPPOSITE[qualifier.trim().toLowerCase().replace(/\s+/g, ' ')];
  const bare = unwrapped(value);
  if (opposite === undefined || bare === '' || bare.length > 200) return false;
  return new RegExp(`\\b(?:${opposite})\\s+\\$?${escaped(bare)}(?![\\w^{])`, 'i').test(response);
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
