/** "for all" (then the bare letter may stand alone), and with the kind of number it ranges over. */
const FOR_ALL = String.raw`(for\s+(?:all|every|each|any))(?:\s+(?:real|positive|negative|non-?negative|non-?zero|integers?|natural|rational|complex))*(?:\s+(?:numbers?|values?(?:\s+of)?))?`;
/** The condition words, "for all" aside. */
const CONDITION = String.raw`for|when(?:ever)?|if|where|provided(?:\s+that)?|given(?:\s+that)?`;
/**
 * Words that say where a value is attained, before a condition: "achieved at", "which is attained
 * when", "which occurs when", "with equality when", "and equality holds if" (realistic closings of
 * extremum problems; the condition's value is where, not what: "The minimum is 18, with equality
 * when x = y = 3"). Shared with condition-clause.ts, which reads plain numbers.
 */
export const ATTAINED_AT = String.raw`(?:which\s+is\s+)?(?:achieved|attained|reached|obtained|taken)\s+(?:at|when)|(?:which\s+)?occurs\s+(?:at|when|if)|(?:(?:and|with)\s+)?equality\s+(?:(?:holds|occurs)\s+)?(?:at|when|if|iff|for)`;
/** A math value's closing delimiter. */
const VALUE_CLOSE = String.raw`\$|\\\)|\\\]`;
const CONDITION_LEAD = new RegExp(
  String.raw`(?:${VALUE_CLOSE}|\d)\s*,?\s*\(?\s*(?:${FOR_ALL}|${CONDITION}|${ATTAINED_AT})\s*$`,
  'i',
);

/**
 * One relation on one letter name (or on letters set equal, `x = y = 3`: a red team of stop 35), and
 * nothing after its right side but letters, digits and arithmetic: `x = 2`, `n \ge 3`, `x > 0`,
 * `k_1 = 4`, `x \in \mathbb{R}`.
 */
const CONDITION_CONTENT =
  /^[A-Za-z](?:_\{?\w+\}?)?(?:\s*=\s*[A-Za-z](?:_\{?\w+\}?)?)*\s*(?:=|<|>|\\[gl]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|\\in(?![A-Za-z])|≤|≥|≠|∈)((?:[^=<>,;\\]|\\(?:frac|dfrac|sqrt|pi|mathbb|cdot|infty|mathbf|left|right)(?![A-Za-z]))*)$/;
/** The words every CONDITION_LEAD holds one of: a cheap test before the pattern. */
const CONDITION_WORDS = /for|when|if|where|provided|given|achieved|attained|reached|obtained|taken|occurs/i;
/** An earlier condition span in the passage: a case list ("$15$ when $x=1$, $12$ when ..."). */
const EARLIER_CONDITION = new RegExp(
  String.raw`(?:${VALUE_CLOSE}|\d)\s*,?\s*(?:for\s+(?:all|every|each|any)|${CONDITION})\s+(?:\$|\\\()`,
  'i',
);

/**
 * A math span that states the condition of the value right before it, not a value: "$5$ when
 * $x = 2$", "$f(x) = 0$ for all $x > 0$", "$f(x) = x^2$ for every real $x$", "$4$, where $k = 3$",
 * "\(7\) if \(n \ge 3\)". The answer is that value (the span-reading counterpart of
 * `condition-clause.ts`, which reads plain numbers). Only when:
 * - the value is a math span or a number that ends right before the condition word (at most a
 *   comma or an opening parenthesis between): "the minimum is reached when $x = 2$" keeps the span;
 *   "18, which occurs when $a=b=c=1$" (stop 36) reads 18;
 * - the span is one relation on one letter name (or, after "for all", the bare letter), with
 *   nothing after it that states something else (`n = 2 \Rightarrow \text{answer} = 3`, a second
 *   relation, a list);
 * - no other condition span comes before it in the passage: "$15$ when $x=1$, $12$ when $x=2$" is
 *   a list of cases, not an answer;
 * - a bare "at" is no condition ("$0$ at $t = 2$" answers when).
 * Red team of stop 24: any earlier span as the value let "We guess $12$. ... the value is 15, when
 * $x = 2$." score 12; a number value is read as the number itself (extract.ts, setAsideSpan).
 *
 * Where the value the span at `open` is the condition of ends (its closing delimiter's or last digit's end), or
 * undefined when the span is no such condition. `content` is the span's content.
 */
export function conditionedValueEnd(text: string, open: number, content: string): number | undefined {
  const from = Math.max(0, open - 64);
  const before = text.slice(from, open);
  if (!CONDITION_WORDS.test(before)) return undefined;
  const lead = CONDITION_LEAD.exec(before);
  if (lead === null) return undefined;
  const trimmed = content.trim();
  if (!CONDITION_CONTENT.test(trimmed) && !(lead[1] !== undefined && /^[A-Za-z]$/.test(trimmed)))
    return undefined;
  const valueEnd = from + lead.index + (lead[0].startsWith('\\') ? 2 : 1);
  const passage = text.slice(Math.max(0, valueEnd - 400), valueEnd);
  return EARLIER_CONDITION.test(passage) ? undefined : valueEnd;
}
