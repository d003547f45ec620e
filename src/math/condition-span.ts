/**
 * A math span that states the condition of the value right before it, not a value: "$5$ when
 * $x = 2$", "$f(x) = 0$ for all $x > 0$", "$f(x) = x^2$ for every real $x$", "$4$, where $k = 3$",
 * "\(7\) if \(n \ge 3\)". The answer is the value before it (the span-reading counterpart of
 * `condition-clause.ts`). Only when the condition words follow that value at once (a closing math
 * delimiter or a digit, then at most a comma) and the span is a relation on one letter name (or,
 * after "for all", the bare letter): "the minimum is reached when $x = 2$" keeps `x = 2`, and a
 * bare "at" is no condition ("$0$ at $t = 2$" answers when).
 */
const CONDITION_LEAD =
  /(?:\$|\\\)|\\\]|\d)\s*,?\s*(?:(for\s+(?:all|every|each|any))(?:\s+(?:real|positive|negative|non-?negative|non-?zero|integers?|natural|rational|complex))*(?:\s+(?:numbers?|values?(?:\s+of)?))?|for|when(?:ever)?|if|where|provided(?:\s+that)?|given(?:\s+that)?|(?:which\s+is\s+)?(?:achieved|attained|reached|obtained|taken)\s+(?:at|when))\s*$/i;

/** A relation on one letter name: `x = 2`, `n \ge 3`, `x > 0`, `k_1 = 4`, `x \in \mathbb{R}`. */
const CONDITION_CONTENT =
  /^[A-Za-z](?:_\{?\w+\}?)?\s*(?:=|<|>|\\[gl]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|\\in(?![A-Za-z])|≤|≥|≠|∈)/;
/** The words every CONDITION_LEAD holds one of: a cheap test before the pattern. */
const CONDITION_WORDS = /for|when|if|where|provided|given|achieved|attained|reached|obtained|taken/i;

/** Whether the span whose content starts at `open` (its delimiter) is the condition of the value before it. */
export function isConditionSpan(text: string, open: number, content: string): boolean {
  const before = text.slice(Math.max(0, open - 64), open);
  if (!CONDITION_WORDS.test(before)) return false;
  const lead = CONDITION_LEAD.exec(before);
  if (lead === null) return false;
  const trimmed = content.trim();
  return CONDITION_CONTENT.test(trimmed) || (lead[1] !== undefined && /^[A-Za-z]$/.test(trimmed));
}
