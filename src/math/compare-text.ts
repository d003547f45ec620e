import { byRange, type OptionRange } from './option-letters.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/** Case-, space- and punctuation-blind form of a word answer. */
export function canonicalText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\text\{([^{}]*)\}/g, '$1')
    .replace(/^the\s+/, '')
    .replace(/[\s.,;:!?'"`*()[\]{}\\]/g, '');
}

/**
 * The answers to a yes-or-no question as truth values: "yes" states that the claim is true, "no"
 * that it is false. Graders' round 15: two graders' tests (AdaptiveThink-RL's reward and
 * evaluator tests, a grader's convention kept since the sixth round as "synonyms") pay `yes`
 * against a gold `True` and `no` against `False`; so do we now. "correct" and "incorrect" are no
 * truth values here (prose around an answer says them of something else).
 */
const TRUTH_VALUE_OF: Readonly<Record<string, string>> = {
  yes: 'true',
  no: 'false',
  true: 'true',
  false: 'false',
};

/** The truth value a canonical word states, or undefined. */
function truthValue(form: string): string | undefined {
  return Object.hasOwn(TRUTH_VALUE_OF, form) ? TRUTH_VALUE_OF[form] : undefined;
}

/** Words and choice letters: equal when their canonical forms are, yes and true, no and false alike. */
export function compareTexts(gold: string, pred: string): Verdict {
  const goldForm = canonicalText(gold);
  const predForm = canonicalText(pred);
  if (goldForm !== '' && goldForm === predForm) return equal('text', `"${pred}" matches "${gold}"`);
  const goldTruth = truthValue(goldForm);
  if (goldTruth !== undefined && goldTruth === truthValue(predForm))
    return equal('text', `"${pred}" and "${gold}" state the same truth value (${goldTruth})`);
  return notEqual('text', `"${pred}" differs from "${gold}"`);
}

const CHOICE_LETTER = byRange(
  (letters, small) =>
    new RegExp(String.raw`^\s*(?:\\text\{\s*)?\(?\s*([${letters}${small}])\s*\)?\s*\}?\s*$`),
);
const LEADING_CHOICE_LETTER = byRange(
  (letters, small, capital) =>
    new RegExp(
      String.raw`^\s*(?:\\text\{\s*)?(?:\(\s*([${letters}${small}])\s*\)|(${capital})(?:\s*[).:]|\s*$|\s))`,
    ),
);

/** A multiple-choice letter written as `C`, `(C)`, `C)` or `\text{(C)}`, or undefined. */
export function choiceLetter(text: string, range: OptionRange = 'A-E'): string | undefined {
  return CHOICE_LETTER[range].exec(text)?.[1]?.toUpperCase();
}

/** The choice a prediction starts with: `(B)`, `B)`, `B.`, `B: 12`, `B`. */
export function leadingChoiceLetter(text: string, range: OptionRange = 'A-E'): string | undefined {
  const match = LEADING_CHOICE_LETTER[range].exec(text);
  return (match?.[1] ?? match?.[2])?.toUpperCase();
}
