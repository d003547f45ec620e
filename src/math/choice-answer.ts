/**
 * Reading a response against a multiple-choice gold: which option letters it names, which it rules
 * out, and whether a closing statement or a named option is its answer. Used by `verify.ts`.
 */
import { Budget } from './budget.js';
import { choosesNoneInChinese, correctsInChinese, withoutDeniedOptions } from './chinese-choice.js';
import { SENTENCE_BREAK } from './closing-number-words.js';
import { compareValues } from './compare.js';
import { choiceLetter, leadingChoiceLetter } from './compare-text.js';
import { type Extraction, WEAK_EXTRACTORS } from './extraction.js';
import { byRange, type OptionRange, optionRangeOf } from './option-letters.js';
import type { MathVerifyOptions } from './options.js';
import { statedChoice } from './stated-choice.js';
import type { MathValue } from './value.js';
import { equal, notEqual, type Verdict, withMethod } from './verdict.js';

/** What the choice rules need of a prepared gold (a subset of verify.ts's PreparedAnswer). */
export interface ChoiceGold {
  /** The multiple-choice letter the gold is, if it is one. */
  choice?: string | undefined;
  /** For a gold option written with its text (`(B) 12`): that text's value. */
  option?: MathValue | undefined;
  trace: { normalized: string | undefined };
}

/** "or", "maybe", "perhaps", "possibly", "unless": a sentence with one does not commit. */
export const HEDGE = /\b(?:or|maybe|perhaps|possibly|unless)\b/i;

/**
 * A choice letter after a negation ("not A", "it can't be A or B", "不是 A") is ruled out, up to the
 * clause's end or a "but"/"rather"/"instead" that states the choice ("not A but B" is B).
 */
const NEGATED_CHOICES =
  /(?:\b(?:not|cannot|never|non|pas|nicht|nor)\b|n't\b|不是|不)(?:(?!\b(?:but|rather|instead)\b|而是)[^.,;。，\n])*/gi;

/** A choice ruled out after it is named ("B is not the correct answer", "Choice_B is wrong"). */
const REJECTED_CHOICES = byRange(
  (letters) =>
    new RegExp(
      String.raw`(?:(?:Choice|Option|choice|option)[\s_\\]*)?\(?[${letters}]\)?(?:_|\\_)*\s+(?:is|are|was)\s+(?:not|incorrect|wrong|false|invalid)\b|\(?[${letters}]\)?\s+isn't\b`,
      'g',
    ),
);

/** A small option letter in parentheses, `(b)`, not an argument (`f(b)`) or a power (`x^(b)`). */
const SMALL_CHOICE = byRange((_letters, small) => String.raw`(?<![\w\\^])\(([${small}])\)`);
const SMALL_CHOICES = byRange((letters) => new RegExp(SMALL_CHOICE[letters as OptionRange], 'g'));

/**
 * Choice letters named in a prediction: `(C)`, `(c)` (not an argument: `f(c)`; read as a capital by
 * `namedChoice`), or a capital A-E standing alone.
 */
const CHOICE_LETTERS = byRange(
  (letters, _small, capital) =>
    new RegExp(
      String.raw`\(([${letters}])\)|${SMALL_CHOICE[letters as OptionRange]}|(?<![A-Za-z])(${capital})(?![A-Za-z])`,
      'g',
    ),
);

/** An option's label with its punctuation, then the option's text: `B. ...`, `(B) ...`, `B) ...`, `B: ...`. */
const LABELLED_OPTION = byRange(
  (letters, _small, capital) =>
    new RegExp(String.raw`^\s*(?:\(\s*([${letters}])\s*\)|(${capital})\s*[.):])\s+(?=\S)([\s\S]*)$`),
);
/**
 * Another option named in the text after a label, outside its mathematics (`(B) 5 or (C) 6`, `B. 5,
 * or C`, "B. Both A and C"): no single label. Letters inside math (`$\langle H \rangle \ll \Delta
 * E$`) are the option's variables.
 */
const ANOTHER_OPTION = byRange(
  (letters, small) =>
    new RegExp(String.raw`\(\s*[${letters}${small}]\s*\)|(?<![A-Za-z\\])[${letters}](?![A-Za-z])`),
);
/** Inline and display math: a formula's letters are its variables. */
const MATH_IN_TEXT = /\$\$[\s\S]*?\$\$|\$[^$]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g;
/** Text inside math (`\text{or } C`, `\mathrm{(J)}`): prose. */
const TEXT_IN_MATH = /\\(?:text|mathrm|textrm|textbf|mbox|operatorname)\s*\{([^{}]*)\}/g;

/**
 * What a math span says in prose: its text commands' contents, and the span itself when it holds
 * nothing but a letter (`$C$`, `$(C)$`, `\(\mathrm{or}\ (C)\)`: an option written as math; a
 * red team of stop 40 was paid `The answer is B. 5 or $C$`).
 */
function mathAsProse(span: string): string {
  const texts = [...span.matchAll(TEXT_IN_MATH)].map((match) => match[1]).join(' ');
  const bare = span
    .replace(TEXT_IN_MATH, ' ')
    .replace(/^\$+|\$+$|^\\[([]|\\[)\]]$/g, '')
    .replace(/\\[ ,;:!]|~/g, ' ');
  return /^[\s()]*[A-Za-z][\s()]*$/.test(bare) ? ` ${texts} ${bare} ` : ` ${texts} `;
}

/** The letter of a prediction that is one option's label and its text, or undefined. */
function labelledOption(text: string, range: OptionRange): string | undefined {
  // Fullwidth letters (`Ｃ`) as ASCII, so that they name options too.
  const match = LABELLED_OPTION[range].exec(text.normalize('NFKC'));
  if (match === null) return undefined;
  const prose = (match[3] ?? '').replace(MATH_IN_TEXT, mathAsProse).replace(/\\[A-Za-z]+/g, ' ');
  return ANOTHER_OPTION[range].test(prose) ? undefined : (match[1] ?? match[2]);
}

/**
 * Any option letter A-J standing alone or in parentheses (any case): "I" too, unless a word of a
 * sentence follows it ("I think", "I'm"; "I or J", "I, J" and "I and II" count); a small letter
 * after "or", "vs", "maybe", "though", "otherwise", `∨` or a slash ("H. 7.5 or j").
 */
const ANY_OPTION_LETTER =
  /\(\s*([A-Ja-j])\s*\)|(?<![A-Za-z\\])([A-HJ]|I(?!['’][a-z]|\s+(?!(?:or|and|nor)\b)[a-z]))(?![A-Za-z])|(?:\b(?:or|vs|versus|maybe|perhaps|alternatively|though|otherwise)\b\.?|∨|\\lor\b|\/)(?:[\s,$]|\\q?quad\b)*([a-j])(?![A-Za-z])/g;

/**
 * Against a gold among ten options (F-J), a letter other than the gold's named in the answer or
 * after it (`H. $5$ or $J$`, "I or J", `(H) 5 or (j)`, `\text{or } J`): the answer hedges. Checked
 * after the choice is read, on the text from the answer on, as the ten-option range has more
 * letters that read as words (a red team of stop 40). Undefined when none is named.
 */
export function anotherOptionNamed(goldLetter: string, text: string): string | undefined {
  for (const match of text.normalize('NFKC').matchAll(ANY_OPTION_LETTER)) {
    const letter = (match[1] ?? match[2] ?? match[3] ?? '').toUpperCase();
    if (letter !== goldLetter) return letter;
  }
  return undefined;
}

/** A letter inside an expression (`E*2`, `A + B`, `C = 3`): no choice. */
const LETTER_IN_EXPRESSION = byRange(
  (letters) =>
    new RegExp(String.raw`(?<![A-Za-z])[${letters}]\s*[-*^/+=<>\d]|[-*^/+=<>\d]\s*[${letters}](?![A-Za-z])`),
);

/** The capital letter a CHOICE_LETTERS match names. */
export function namedChoice(match: RegExpMatchArray): string {
  return ((match[1] ?? match[2] ?? match[3]) as string).toUpperCase();
}

/**
 * The CHOICE_LETTERS matches of a text, of the style the first one has: after a capital a small
 * `(a)` labels a part of the solution ("B (from (a))", "C (statement (a) false)"); after a small
 * one a capital names something else ("(a) since the field B is uniform", "(b), as in Theorem A").
 */
export function choiceMatches(text: string, range: OptionRange = 'A-E'): RegExpMatchArray[] {
  const matches = [...text.matchAll(CHOICE_LETTERS[range])];
  const small = matches[0]?.[2] !== undefined;
  return matches.filter((match) => (match[2] !== undefined) === small);
}
/** "A" as the article in option text ("E: A polygenic score"), not as a choice ("A or B", "A is"). */
const ARTICLE_A =
  /(?<![A-Za-z(])A(?=\s+(?!(?:or|and|nor|is|was|would|could|should|seems?|looks?)\b)[a-z]{2,})/g;
/**
 * An option named in a sentence: `(B)`, "option B", "choice (C)", AQuA's `B) 10` and `A)272 minutes`
 * (a letter and a closing parenthesis: real outputs round 13, GPT-4 on AQuA).
 */
const NAMED_OPTION = byRange(
  (letters) =>
    new RegExp(String.raw`\(\s*[${letters}]\s*\)|\b(?:option|choice)\s+\(?[${letters}]\)?(?![A-Za-z])`, 'i'),
);
const LETTER_AND_PARENTHESIS = byRange((letters) => new RegExp(String.raw`(?<![A-Za-z(])[${letters}]\)`));

/** Whether the gold is a choice letter, by its parsed choice or its normalized text. */
function isChoiceGold(gold: ChoiceGold): boolean {
  return gold.choice !== undefined || choiceLetter(gold.trace.normalized ?? '') !== undefined;
}

/** The option letters a gold choice implies (option-letters.ts). */
function rangeOf(gold: ChoiceGold): OptionRange {
  return optionRangeOf(gold.choice);
}

/** An option letter and a list joiner right before a letter: `C and `, `B, `, `(A) & `, `A/`, `D as well as `, `A、`, `A，` (another letter: a list). */
const LISTED_BEFORE = byRange(
  (letters, small) =>
    new RegExp(
      String.raw`(?<![A-Za-z])\(?([${letters}])\)?\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+|&\s*|\/\s*|[、，和及]\s*)$|\(([${small}])\)\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\/\s*|[、，和及]\s*)$`,
    ),
);
const CAPITAL_CHOICES = byRange(
  (letters, _small, capital) =>
    new RegExp(
      String.raw`(?<![A-Za-z])\(([${letters}])\)(?![A-Za-z])|(?<![A-Za-z])(${capital})\)?(?![A-Za-z])`,
      'g',
    ),
);

/**
 * The letter of the last sentence that names a choice not ruled out ("D. It can't be A or B." is
 * D); undefined when none does, or when that sentence hedges ("Maybe B.", "A or B").
 */
export function lastChosenLetter(
  sentences: readonly string[],
  range: OptionRange = 'A-E',
): string | undefined {
  for (let index = sentences.length - 1; index >= 0; index--) {
    const kept = withoutDeniedOptions(sentences[index] ?? '')
      .replace(REJECTED_CHOICES[range], ' ')
      .replace(NEGATED_CHOICES, ' ');
    const capitals = [...kept.matchAll(CAPITAL_CHOICES[range])];
    // Small letters in parentheses (`(b)`) when one comes before any capital, which then names
    // something else ("(a) since the field B is uniform"), as in choiceMatches.
    const small = [...kept.matchAll(SMALL_CHOICES[range])];
    const letters =
      small.length > 0 && (capitals.length === 0 || (small[0]?.index ?? 0) < (capitals[0]?.index ?? 0))
        ? small
        : capitals;
    const last = letters[letters.length - 1];
    // "故选A。\n更正：应选第二个选项。": a later sentence in Chinese corrects the choice.
    if (last === undefined && correctsInChinese(sentences[index] ?? '')) return undefined;
    if (last === undefined) continue;
    const letter = (last[1] ?? last[2] ?? '').toUpperCase();
    // "C and D", "A, B, C and D are correct": the last of a list of options is not one chosen.
    const listed = LISTED_BEFORE[range].exec(kept.slice(Math.max(0, last.index - 20), last.index));
    if (listed !== null && (listed[1] ?? listed[2])?.toUpperCase() !== letter) return undefined;
    // A Chinese sentence that doubts, denies or names two options ("可能选A", "选A，选B也行") chooses nothing.
    return HEDGE.test(kept) || choosesNoneInChinese(kept, sentences[index]) ? undefined : letter;
  }
  return undefined;
}

/**
 * A closing statement of one option (`Solution: Choice_B`) against a choice gold
 * (stated-choice.ts), when it is the answer: nothing else was read, a weak extractor read it, the
 * statement comes after what was read, or what was read names no option (the option's content).
 */
export function statedChoiceAnswer(
  gold: ChoiceGold,
  text: string,
  read: Extraction | undefined,
): string | undefined {
  if (gold.choice === undefined) return undefined;
  const statement = statedChoice(text);
  if (statement === undefined) return undefined;
  const answers =
    read === undefined ||
    WEAK_EXTRACTORS.has(read.extractor) ||
    read.end <= statement.start ||
    // A later value ("Solution: Choice_D\nThe correct answer is 3.") names the option's content.
    (choiceLetter(read.text, rangeOf(gold)) ?? leadingChoiceLetter(read.text, rangeOf(gold))) === undefined;
  return answers ? statement.letter : undefined;
}

/**
 * A choice gold, and a response read by a weak extractor (a math span or a number) whose last
 * sentence names an option: "The correct option is (B) $\frac{1}{2}$." answers with the option, its
 * value is the option's text. The gold-guided choice reading decides (a hedge "(B) or (C)" still
 * names no single option).
 */
export function namesOptionBeforeValue(gold: ChoiceGold, extraction: Extraction, response: string): boolean {
  if (!WEAK_EXTRACTORS.has(extraction.extractor)) return false;
  if (!isChoiceGold(gold)) return false;
  const sentences = response.slice(-300).split(SENTENCE_BREAK);
  const last = sentences[sentences.length - 1] ?? '';
  const range = rangeOf(gold);
  return NAMED_OPTION[range].test(last) || LETTER_AND_PARENTHESIS[range].test(last);
}

/**
 * A response that ends by naming an option after its value: "The answer is 12, which is (B).",
 * `\boxed{12} (B)`, "x = 12, so B.", "... = 28.\n\nB" (a red team of stop 41: each refused against
 * the gold B, the value read alone). The letter stands after a connector ("which is", "i.e.", "so",
 * an arrow), in parentheses, or alone on the last line; a bare capital after a number is a unit
 * ("12 A.", amperes) and names nothing.
 */
const OPTION_AFTER_VALUE = byRange(
  (letters) =>
    new RegExp(
      String.raw`\d[^A-Za-z]{0,8}?(?:(?:,?\s*(?:which|that)\s+is|,?\s*i\.e\.?|,?\s*so(?:\s+the\s+answer\s+is)?|\s*(?:→|=>))\s*\(?(?:option\s+|choice\s+)?\(?[${letters}]\)?|\s*\((?:option\s+|choice\s+)?[${letters}]\)|\s*\n\s*\(?[${letters}]\)?)[\s.!*]*$`,
    ),
);

/** Whether the response ends by naming an option right after its value (OPTION_AFTER_VALUE). */
export function namesOptionAfterValue(gold: ChoiceGold, response: string): boolean {
  return isChoiceGold(gold) && OPTION_AFTER_VALUE[rangeOf(gold)].test(response.slice(-80));
}

/** A choice verdict, and whether the hedge rules may still turn it (several letters are final). */
export interface ChoiceVerdict {
  verdict: Verdict;
  hedgeable: boolean;
}

/**
 * The prediction against a single-letter gold: the letter it names (`(C)`, `C`, `C. 12`), several
 * letters (not equal), or, with no letter, the value of the gold's option text (`(B) 12` answered
 * `12`). Undefined when it names no choice and the option's value does not match: the values are
 * then compared as usual.
 */
export function compareChoiceAnswer(
  gold: ChoiceGold,
  pred: {
    trace: { normalized: string | undefined; extractor: unknown; extracted?: string | undefined };
    value: MathValue | undefined;
  },
  options: MathVerifyOptions,
  deadline: number,
): ChoiceVerdict | undefined {
  const goldChoice = gold.choice;
  if (goldChoice === undefined) return undefined;
  const predText = pred.trace.normalized ?? '';
  const range = rangeOf(gold);
  // `B. $\langle H \rangle \ll \Delta E$`, `A. \( E = ... \)`: an option's label, then its text,
  // whose letters and equations name no other option (GPQA outputs, real outputs round 14).
  const labelled = labelledOption(pred.trace.extracted ?? predText, range);
  if (labelled !== undefined) {
    const verdict =
      labelled === goldChoice
        ? equal('choice', `choice ${labelled}`)
        : notEqual('choice', `choice ${labelled}, gold ${goldChoice}`);
    return { verdict, hedgeable: true };
  }
  // `E*2`, `A + B`, `C = 3`: an expression in a letter, not a choice.
  const isExpression = LETTER_IN_EXPRESSION[range].test(predText);
  const choices = new Set(
    choiceMatches(predText.replace(NEGATED_CHOICES, ' ').replace(ARTICLE_A, ' '), range).map(namedChoice),
  );
  const onlyChoice = choices.size === 1 && predText.length <= 40 ? [...choices][0] : undefined;
  // `$a$` found by the math-span fallback is a variable, not option (A) ("the value we found for $a$").
  const mathVariable = pred.trace.extractor === 'latex' && /^[a-e]$/.test(predText);
  const predChoice =
    isExpression || mathVariable
      ? undefined
      : (choiceLetter(predText, range) ?? leadingChoiceLetter(predText, range) ?? onlyChoice);
  if (choices.size > 1 && !isExpression) {
    return {
      verdict: notEqual('choice', `several choices (${[...choices].join(', ')}) for one`),
      hedgeable: false,
    };
  }
  if (predChoice === undefined && gold.option !== undefined && pred.value !== undefined) {
    // `(B) 12` answered `12`: the option's value.
    const verdict = compareValues(gold.option, pred.value, { options, budget: new Budget(deadline) });
    if (verdict.verdict === 'equal')
      return { verdict: withMethod(verdict, `choice-text/${verdict.method}`), hedgeable: true };
  }
  if (predChoice === undefined) return undefined;
  const verdict =
    predChoice === goldChoice
      ? equal('choice', `choice ${predChoice}`)
      : notEqual('choice', `choice ${predChoice}, gold ${goldChoice}`);
  return { verdict, hedgeable: true };
}
