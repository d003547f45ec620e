/**
 * A value, then another offered beside it: "So 17 (or 19) apples.", "17 (or maybe 19)", "She has
 * 17 apples, unless it is 19." The last number in the text is the one offered; the response states
 * the number before it and keeps the other open. Read as the last number alone, "17 (or 19)" paid
 * a gold of 19 (a leftover of stop 31's red teams). The fallback now reads the stated value with
 * the offered one as its alternative, which the verifier wants equal to the gold too: "17 (or 19)"
 * is a hedge against either gold, "1/2 (or 0.5)" restates one value and stays equal. The answer
 * phrase does the same with its own ALTERNATIVE ("The answer is 5 (or possibly 6)."); "40 (not 50)"
 * rules a value out instead (ruled-out-value.ts). The words: "(or", "(maybe", "(perhaps",
 * "(possibly", "(unless" with the parenthesis closing after the value; "unless (it is)", "or else",
 * "otherwise", "alternatively". Either value may be a math span ("$17$ (or $19$)", "\(17\) (or
 * \(19\))"), in bold ("**17** (or **19**)") or a tuple ("(3, 2), unless it is (2, 3)"). A bare
 * "unless 2" reads 2 as offered: the fallback read it as the answer before, and either way the
 * response does not commit to one value.
 */
const OFFERED_BEFORE =
  /(?<![\d.])-?\d[\d,]*(?:\.\d+)?(?:\s*(?:\\?%|percent))?(?:\s*[)\]])?(?:\s*(?:\$|\\\)|\*{1,2}|_{1,2}))?(?:\s+[A-Za-z]{1,12}){0,2}\s*(?:(\(\s*(?:or|maybe|perhaps|possibly|unless))|,?\s*(?:unless|or\s+else|otherwise|alternatively)(?:\s+(?:it(?:'s|’s|\s+is|\s+was)|(?:that\s+)?(?:the\s+)?(?:answer|result|total|number)\s+is))?)\s+(?:(?:possibly|maybe|perhaps|rather|even|just|else)\s+)*(?:\$|\\\(|\*{1,2}|_{1,2}|[([])?\s*$/i;
/** What may follow a value offered in parentheses before the parenthesis closes: its math span's end, a unit, a percent sign. */
const CLOSES_PARENTHESIS = /^\s*(?:\$|\\\)|\*{1,2}|_{1,2})?\s*(?:%|[A-Za-z]{1,12})?\s*\)/;
/** The stated number at the start of an OFFERED_BEFORE match, with the bracket of its tuple that closes after it. */
const STATED_NUMBER = /^-?\d[\d,]*(?:\.\d+)?(?:\s*(?:\\?%|percent))?(?:\s*[)\]])?/i;

/**
 * When the number at `start` (ending at `end`) is offered beside a number stated before it, where
 * that stated number ends (the text to read the answer from), else undefined.
 */
export function endBeforeOfferedValue(text: string, start: number, end: number): number | undefined {
  const from = Math.max(0, start - 48);
  const window = text.slice(from, start);
  // Every match holds a `(` or one of the words (in any letter case): searches before the pattern.
  if (
    window.indexOf('(') < 0 &&
    window.indexOf('nless') < 0 &&
    window.indexOf('lse') < 0 &&
    window.indexOf('therwise') < 0 &&
    window.indexOf('lternativ') < 0
  )
    return undefined;
  const match = OFFERED_BEFORE.exec(window);
  if (match === null) return undefined;
  if (match[1] !== undefined && !CLOSES_PARENTHESIS.test(text.slice(end, end + 16))) return undefined;
  const number = STATED_NUMBER.exec(match[0]);
  return number === null ? undefined : from + match.index + number[0].replace(/,+$/, '').length;
}
