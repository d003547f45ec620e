/**
 * An answer given as a multiple-choice option with its content, `(c) 18` or `(C) 18`, against a
 * gold that is the content (18), not a letter: the option's value is the answer. Models answer
 * this way when the question lists options and the dataset's gold is the option's value
 * (TheoremQA, wenhuchen/TheoremQA error_analysis/ChatGPT_errors.json, jianyu_xu/Ramsey_4: "the
 * answer is (c) 18", gold 18). Read only for a gold that is no choice letter (a letter gold is the
 * choice rule's), and only for one option: `(a) 5 (b) 6` lists options and states no answer.
 * AMC solutions set the label in bold: `\textbf{(B)}\ 12`, `\textbf{(B) }12` (stop 36's examiner
 * pairs read B as a variable).
 */
const OPTION_LABEL =
  /^\s*(?:\\(?:textbf|text|mathrm|mathbf|textrm|rm|bf)\s*\{\s*\(\s*[A-Ea-e]\s*\)\s*\}|\(\s*[A-Ea-e]\s*\)(?=\s))(?:\s|\\[ ,;:!]|~|\\q?quad(?![A-Za-z]))*(\S.*)$/;
const ANOTHER_OPTION = /\(\s*[A-Ea-e]\s*\)|\b[A-E][.)]\s/;

/** The value after a leading option label (`(c) 18` -> `18`), or undefined. */
export function valueAfterOptionLabel(answer: string | undefined): string | undefined {
  if (answer === undefined || !answer.includes('(')) return undefined;
  const match = OPTION_LABEL.exec(answer);
  const rest = match?.[1];
  if (rest === undefined || ANOTHER_OPTION.test(rest)) return undefined;
  return rest.trim();
}
