/**
 * An answer restated in another form: "x ≡ 3 (mod 7), or equivalently x ≡ 10 (mod 7)", "1/4
 * (i.e., 25%)", "\frac12, that is 0.5". The words "equivalently", "i.e.", "that is" say the second
 * form is the same answer, not a second one; so the first form is the answer and the second is an
 * alternative the verifier wants equal to the gold too (as "5 (or equivalently 5.0)"): a
 * restatement that names another value ("1/4, i.e. 30%") is a hedge and does not score, so this
 * never lets two different answers through. Plain "or" without "equivalently" stays two answers.
 */
const RESTATED =
  /^(.+?)\s*(,|;|\()\s*(?:\\text\{\s*)?(?:or\s+equivalently|equivalently|i\.\s?e\.|that\s+is|in\s+other\s+words)\s*,?\s*\}?\s*(.+?)\s*\.?\s*$/i;

/** What must follow one of RESTATED's separators (`,`, `;`, `(`), tried at each of them. */
const MARKER_AFTER_SEPARATOR =
  /\s*(?:\\text\{\s*)?(?:or\s+equivalently|equivalently|i\.\s?e\.|that\s+is|in\s+other\s+words)/iy;
const SEPARATORS: readonly string[] = [',', ';', '('];

/**
 * Whether a marker word follows a separator somewhere (RESTATED cannot match otherwise): the
 * sticky pattern tried after each separator. A scan of the whole text for the words alone cost
 * about 0.55 µs on a short word-problem solution (the words start with common letters), this 0.1 µs.
 */
function markerFollowsSeparator(text: string): boolean {
  for (const separator of SEPARATORS) {
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
      MARKER_AFTER_SEPARATOR.lastIndex = at + 1;
      if (MARKER_AFTER_SEPARATOR.test(text)) return true;
    }
  }
  return false;
}

/** The answer and its restatement, or undefined when the text restates nothing. */
export function splitRestatement(text: string): { answer: string; restated: string } | undefined {
  // The separator walk is the cheap test; the whole-text words stay the rule (`that  is` with two
  // spaces alone never restated, though RESTATED would match it).
  if (!markerFollowsSeparator(text) || !/equivalently|i\.\s?e\.|that is|other words/i.test(text))
    return undefined;
  const match = RESTATED.exec(text);
  if (match === null) return undefined;
  const answer = (match[1] as string).trim();
  let restated = (match[3] as string).trim();
  // "(i.e., 25%)": the parenthesis opened before the words closes after the restatement.
  if (match[2] === '(') {
    if (!restated.endsWith(')')) return undefined;
    restated = restated.slice(0, -1).trim();
  }
  return answer === '' || restated === '' ? undefined : { answer, restated };
}
