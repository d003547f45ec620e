import { ALTERNATIVE_WORDS } from './alternative-words.js';
import { withoutConditionNumbers } from './answer-phrase.js';
import { chineseQualifier, chineseQualifierAround } from './chinese-qualifier.js';
import { ATTAINED_AT } from './condition-span.js';
import { countsNamedObject, nounAfter } from './counted-noun.js';
import { isCutOffMethod } from './cut-off-method.js';
import { type Extraction, WEAK_EXTRACTORS } from './extraction.js';
import { parseFrenchNumberWords } from './french-number-words.js';
import { lastIndexIn } from './last-index.js';
import { NUMBER } from './last-number.js';
import { NUMBER_WORD, parseNumberWords } from './number-words.js';
import { statesInfinitelyMany, statesNoSolution } from './solution-count.js';
import { withoutStepReferences } from './step-label.js';
import { opposedBoundStated } from './two-sided-bound.js';
import type { MathValue } from './value.js';

/**
 * An answer that does not commit to one value. An RL policy optimises exactly the reward, so a
 * response that names a value *and* keeps another open must not score as if it had committed:
 *
 * - **an alternative after the answer** (`\boxed{40}. Or maybe 50.`, "The answer is 40. But it
 *   could also be 50.", `#### 40\nOr 50`, "\boxed{40}; otherwise 50.", "if ..., the answer would be
 *   50", "12. Twelve or thirteen would do"): a later sentence with a word of doubt or alternative
 *   and a value (in digits, or two numbers in words joined by "or"). Its last value is offered; the verifier wants it equal to the gold too (`\boxed{\frac12} or 0.5` stays right);
 * - **an alternative before a weak answer**: the last number's sentence opens with "Or", "Maybe",
 *   "Alternatively" ... ("... 40 dollars. Or perhaps 50."): the value before it is offered too; or
 *   it offers two values and then guesses between them ("5 or 6, probably 5"): the other is offered;
 * - **a qualified number**: a negation or a bound right before it ("not 40", "nor 40", "isn't
 *   $\boxed{40}$", "at least 40", "fewer than 40", `\ge 40`, `\pm 5`, `+/- 5`) or right after it
 *   ("40 or more", `40+`): the response states no value. "up to 40" is a bound, but "adds up
 *   to 40", "sums up to", "comes up to", "rounds up to" state the total (ToRA's GSM8K outputs: "add up
 *   to $\boxed{5.0}$ hours");
 * - **a phrase with several values** read for its number ("forty (50)", `\overset{50}{40}`,
 *   `40 \text{ (not 50)}`): two different numbers where one is wanted.
 *
 * A sentence that rejects a value ("x = -2 is extraneous", "does not satisfy") offers nothing.
 * Everything here runs on the tail of one response and only for an answer that would score 1.
 */

export { ALTERNATIVE_WORDS } from './alternative-words.js';
/**
 * Words that reject the values of their sentence (an extraneous root) or merely check the answer.
 * A "no" set off by punctuation ("Wait, no, it is 16.", "Wait, no: 16") is an interjection that
 * retracts the answer before it, not a rejection of its own sentence's value: that sentence
 * offers 16.
 */
export const REJECTION_WORDS =
  /\b(?:not(?!\s+(?:sure|certain|mistaken|confident)\b)|no(?!\s*(?:[,:;!\u2014\u2013]|wait\b|idea\b|doubt\b))|never|extraneous|reject(?:ed)?|invalid|impossible|discard(?:ed)?|fails?|isn't|doesn't|cannot|can't|instead\s+of|rather\s+than)\b|\\neq?(?![A-Za-z])|≠/i;
/** A sentence that opens by offering an alternative to what came before. */
const OPENS_WITH_ALTERNATIVE =
  /^[\s*_>(-]*(?:or|alternatively|otherwise|maybe|perhaps|possibly|probably|likely)\b/i;

/** A negation or bound right before a number (after its wrappers `\boxed{`, `$` ... are dropped). */
const QUALIFIER_BEFORE =
  /(?:\bnor\s+(?:is|was|are|were|can|could|will|would|does|did)\s+(?:it|that|this)\s+(?:be\s+)?|\b(?:not|never|nor|neither|cannot|can't|isn't|aren't|wasn't|won't|ain't)\s+(?:(?:possibly|really|even)\s+)?(?:be\s+|equal\s+to\s+|equals?\s+|exactly\s+|quite\s+|necessarily\s+|in\s+|within\s+)?|\b(?:at\s+least|at\s+most|no\s+longer|(?:no\s+)?(?:more|less|fewer|greater|smaller|larger|bigger|higher|lower)\s+than(?:\s+or\s+equal\s+to)?|in\s+excess\s+of|upwards\s+of|shy\s+of|(?<!\b(?:no|none|nothing)\s+|\b(?:cannot|can't|can\s+not|couldn't|not)\s+be\s+(?:anything\s+)?)(?:different\s+from|other\s+than)|rather\s+than|instead\s+of|far\s+from|differs?\s+from|except(?:\s+for)?|unlikely\s+to\s+be|within\s+\S{1,12}\s+of|(?<!\b(?:add(?:s|ed|ing)?|sum(?:s|med|ming)?|total(?:s|led|ling)?|come(?:s)?|came|coming|round(?:s|ed|ing)?)\s+)up\s+to|above|below|exceeds?|beyond|nearly|almost|hardly|(?:anything|everything)\s+but|under|over)\s+|(?:\\(?:geq?|leq?|geqslant|leqslant|lesssim|gtrsim|neq?|gt|lt|gg|ll|ngeq|nleq|ngtr|nless|not\s*\\equiv|neg|pm|mp)(?![A-Za-z])|[<>!]=|(?<![A-Za-z"'/-])>|<(?![A-Za-z/])|[≥≤≠±∓¬⩾⩽≪≫≯≮]|\+\s*\/\s*-|\+-)\s*)$/i;
/**
 * A bound or a doubt right after a number: "40 or more", `40+`, `40^+`, "40 at most", `40\text{ (at
 * least)}`, "40 minimum", "40-ish", "40, if not more", `\boxed{40?}` (a question mark inside the answer), and a bound after the
 * value's unit that ends the clause: "40 apples or more.", "40 apples at least." ("40 apples or more
 * precisely 40.0" and "40 apples and more pears" are no bound).
 */
const QUALIFIER_AFTER =
  /^(?:\+(?=\s*(?:$|[.,;:!?)}$]|[A-Za-z]{2,}))|\^\{?\+\}?|\s*\\?%?\s*(?:or|and)\s+(?:more|less|fewer|greater|higher|lower|above|below|over|under|up)\b(?![-\s]*(?:importantly|specifically|precisely|generally|interestingly|to|of|than|about|on)\b)|(?:\s+(?!(?:or|and|at)\b)[A-Za-z]{1,15}){1,2}\s+(or\s+(?:more|less|fewer|greater|higher|lower|above|below|over|under)|at\s+(?:least|most))(?=\s*(?:[.,;:!?)]|$))|\s*\(?\s*at\s+(?:most|least)\b|\s+(?:at\s+(?:a\s+|the\s+)?)?(?:minimum|maximum)\b|-ish\b|\s*\?+\s*(?:\}|$)|\s*\(\s*\?+\s*\)|,?\s*if\s+not\s+(?:more|less|fewer|higher|lower|greater|smaller)\b)/i;
/**
 * The same bounds after the closing `}`, `$`, `**` or `\)` of the value's wrappers, ending the
 * clause ("\boxed{42} or more.", "\boxed{42} ± 1"; "$12$ and higher values of n give larger sums" is
 * no bound).
 */
const BOUND_AFTER_WRAPPERS =
  /^(?:\}|\$|\*|\\\)|\\\])+(\s*(?:(?:or|and)\s+(?:more|less|fewer|greater|higher|lower|above|below|over|under|up)|\(?\s*at\s+(?:most|least)\)?|\+|(?:±|\\pm|\+\s*\/\s*-|\+-)\s*\d+(?:\.\d+)?|\s*\(\s*\?+\s*\)))(?=\s*(?:[.,;:!?)]|$))/i;
/** An answer that ends in a question mark (`5?`, `5\text{?}`, `5 (?)`). */
const ASKED = /\?\s*\)?\s*\}?\s*$/;
/** `\text{...}` and its kin, unwrapped to their words (`\text{ at most}` -> ` at most`). */
const TEXT_GROUP = /\\(?:text(?:bf|it|rm|sf|normal)?|mathrm|mbox)\s*\{([^{}]*)\}/g;

function unwrapTextGroups(text: string): string {
  return text.includes('\\') ? text.replace(TEXT_GROUP, '$1') : text;
}
/**
 * What may wrap an answer between a qualifier and the value: `\boxed{`, `$`, `\(`, bold, a `=`;
 * emphasis of one star or underscore too (`*not* 5`, `_not_ 5`: a red team of stop 41). One
 * character an alternative: `\$+` in the repeated group tried every split of a run of dollars, 2^n
 * steps on "$$$...$ not 5" (a red team of stop 42: 24 dollars took 0.2 s, 40 never ended).
 */
const WRAPPERS_AT_END =
  /(?:\\boxed\s*\{|\\fbox\s*\{|\\\(|\\\[|\$|\*|_|\{|\(|~|<[A-Za-z]+>|\\(?:displaystyle|textstyle|q?quad|[,;:! ])|\s)+$/;

/** The values of one sentence: boxed answers, math spans, numbers (the last one is the offered one). */
function lastValue(sentence: string): string | undefined {
  const boxed = lastIndexIn(sentence, '\\boxed{');
  if (boxed >= 0) {
    const close = sentence.indexOf('}', boxed);
    if (close > boxed) return sentence.slice(boxed + 7, close);
  }
  const spans = [...sentence.matchAll(/\$([^$]{1,200})\$|\\\((.{1,200}?)\\\)/g)];
  const span = spans[spans.length - 1];
  let last: string | undefined;
  NUMBER.lastIndex = 0;
  let lastIndex = -1;
  for (let match = NUMBER.exec(sentence); match !== null; match = NUMBER.exec(sentence)) {
    last = match[0];
    lastIndex = match.index;
    if (match[0] === '') NUMBER.lastIndex++;
  }
  if (span !== undefined && span.index >= lastIndex - 1) return (span[1] ?? span[2] ?? '').trim();
  return last?.replace(/,+$/, '').trim() || wordsOrWords(sentence) || offeredInWords(sentence);
}

/** Words of doubt: a sentence with one offers its values ("Could be 41 or 42"), a list of cases does not. */
const DOUBT = /\b(?:could|might|may|maybe|perhaps|possibly|probably|either|unsure|not\s+sure)\b/i;

/** `x = 1`, `\(y = 0.5\)`, `$k_1=2$`: a named unknown set to one value. */
const NAME_SET = String.raw`(?:\\\(|\$)?\s*[A-Za-z](?:_\{?\w+\}?)?\s*(?:\\\)|\$)?\s*=\s*(?:\\\(|\$)?\s*[^\s,;$]+`;

/**
 * A condition on named unknowns: "achieved when \(x = 1\) and \(y = 0.5\)", "if n = 3", "when a=0
 * or b=0". Its values say where, not what: none is another answer (real outputs round 28: a boxed
 * maximum 0.25 was refused for the 0.5 of "achieved when x = 1 and y = 0.5"). Only the condition
 * goes: ", or maybe the answer is 0" after it still offers 0.
 */
const CONDITION_ON_NAMES = new RegExp(
  String.raw`\b(?:${ATTAINED_AT}|when|where|if|for)\s+${NAME_SET}(?:\s*(?:,|and|or)\s+${NAME_SET})*`,
  'gi',
);

/** The sentence without its conditions on named unknowns. */
function withoutConditions(sentence: string): string {
  return sentence.replace(CONDITION_ON_NAMES, ' ');
}

/** A number, then "or", then the sentence's last value (`41 or 42`, `$41$ or $42$`). */
const NUMBER_BEFORE_OR = /(-?\d+(?:\.\d+)?)\$?\s*,?\s+or\s+\$?\s*(?:\\boxed\{)?\s*$/;

/** The number joined by "or" to the sentence's last value `value`, when another one. */
function valueBeforeOr(sentence: string, value: string): string | undefined {
  const at = sentence.lastIndexOf(value);
  const before = at < 0 ? undefined : NUMBER_BEFORE_OR.exec(sentence.slice(Math.max(0, at - 60), at))?.[1];
  return before === value ? undefined : before;
}

/**
 * A number in words offered at the end of a sentence ("Or maybe ten.", in French "Ou treize."): it,
 * in digits.
 */
const OFFERED_IN_WORDS =
  /\b(?:or|maybe|perhaps|possibly|ou(?:\s+peut-être)?)\s+([A-Za-zéè]+(?:-[A-Za-zéè]+)*)\s*[.!?]*\s*$/i;

function offeredInWords(sentence: string): string | undefined {
  const word = OFFERED_IN_WORDS.exec(sentence)?.[1];
  return word === undefined ? undefined : (parseNumberWords(word) ?? parseFrenchNumberWords(word));
}

/** Two numbers in words joined by "or" ("twelve or thirteen"): the second, in digits. */
const WORDS_OR = /\b([A-Za-z]+(?:-[A-Za-z]+)?)\s+or\s+([A-Za-z]+(?:-[A-Za-z]+)?)\b/g;

function wordsOrWords(sentence: string): string | undefined {
  if (!sentence.includes(' or ')) return undefined;
  for (const match of sentence.matchAll(WORDS_OR)) {
    const first = parseNumberWords(match[1] as string);
    const second = parseNumberWords(match[2] as string);
    if (first !== undefined && second !== undefined) return second === first ? undefined : second;
  }
  return undefined;
}

/**
 * A revision that names its value right away: "Correction: 43.", "Edit: the answer is 43", "On second
 * thought, it's 43", "Nope, 43.", "I meant 43", "Typo: 43" (the word, punctuation, the value); and
 * (a red team of stop 41, each paid the answer before it) "I think it's 43", "Hmm, 43?", "— no,
 * 43.", "Recomputing gives 43", "I made a mistake; it is 43", "Thus 43." or "Therefore the result
 * is 43." opening a paragraph after the answer. A
 * note that goes on about something else ("Edit: fixed a typo in step 3", "Update: verified for 10
 * inputs", "Edit 2: typo.") offers nothing.
 */
const REVISED_VALUE =
  /(?:\b(?:correction|update|edit|typo|my\s+bad|on\s+second\s+thought|on\s+reflection|upon\s+re-?examination|let\s+me\s+recheck|I\s+made\s+a\s+mistake|nope|hmm)\b\s*[:,;.!—–-]+(?:\s*I\s+think)?|(?:^|\n)\s*[—–]\s*no\s*,|\bI\s+meant\b|\bI\s+think\b|\brecomput\w*\s+(?:gives|yields)\b|(?:^|\n)\s*(?:(?:therefore|thus|so|hence)\b,?|(?=the\s+correct\s+(?:answer|result|value|total)\s+is\b)))\s*(?:(?:the\s+)?(?:final\s+|correct\s+)?(?:answer|result|value|total)\s+(?:is|should\s+be)\s+|it(?:'s|’s|\s+is|\s+should\s+be|\s+equals)\s+|make\s+(?:that|it)\s+)?(?:\$|\\\(|\\boxed\{)?\s*(-?\d[\d,]*(?:\.\d+)?)(?![\d.]*\s*(?:[-+*/^=]|[A-Za-z]{2}))/i;

/** Negations that doubt the writer, not a value: "not sure", "I can't tell", "cannot verify". */
const NEGATED_DOUBT =
  /\b(?:not\s+(?:\d+%\s+)?(?:sure|certain|confident|positive)|(?:can't|cannot|can\s+not|couldn't|don't|do\s+not)\s+(?:tell|verify|check|confirm|say|decide|be\s+sure|know))\b/gi;

/**
 * The sentence as the rejection test reads it: without the writer's doubts ("Or 43, not sure.")
 * and without "not <the answer>" ("Wait, it's 43, not 42." rejects the answer and offers 43).
 */
function withoutDoubtOrAnswer(sentence: string, answer: string): string {
  let read = sentence;
  // A doubt after the sentence's values ("Or 43, not sure."), not one about what follows ("I cannot
  // verify it for n = 5": that sentence still rejects).
  if (/n(?:o|['’])?t\b/i.test(read))
    read = read.replace(NEGATED_DOUBT, (doubt, at: number) =>
      /\d/.test(read.slice(at + doubt.length)) ? doubt : ' ',
    );
  const rejected = answer === '' ? -1 : read.lastIndexOf(answer);
  // The whole value, not the head of a longer number (`42` of `421` or `42.5`).
  if (rejected < 0 || /^\.?\d/.test(read.slice(rejected + answer.length, rejected + answer.length + 2)))
    return read;
  const not = NOT_BEFORE_VALUE.exec(read.slice(Math.max(0, rejected - 24), rejected));
  if (not === null) return read;
  return `${read.slice(0, rejected - not[0].length)} ${read.slice(rejected + answer.length)}`;
}

/** "not " right before a value, through its `$`, `\(` or `\boxed{`. */
const NOT_BEFORE_VALUE = /\bnot\s*(?:\$|\\\(|\\boxed\{)?\s*$/i;

/** The sentences of a passage (a full stop, question or exclamation mark, a line break, a semicolon). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/);
}

/** A yes-or-no answer, bare or in `\text{}` (each space run can match one way only). */
const YES_NO = /^\s*(?:\\text\{\s*)?(?:yes|no|true|false)\s*(?:\}\s*)?(?:[.!]\s*)?$/i;
/** A sentence that opens by offering an alternative ("or 35", "Maybe 7.", "Alternatively, ..."). */
const OFFERED_OUTRIGHT = /^[\s.,;:!*-]*(?:or|maybe|perhaps|possibly|alternatively|otherwise)\b/i;
/** A lone symbol (`y`, `x_1`, `\alpha`). */
const LONE_SYMBOL = /^\s*(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?\w{1,3}\}?)?\s*$/;
/** Two cases of one symbol joined by "or": `$p=2$ or $p=3$`, `$n = 1$, or $n = 4$`. */
const CASE_SPLIT = /\$\s*([A-Za-z](?:_\{?\w{1,3}\}?)?)\s*=[^$]{1,40}\$\s*(?:,\s*)?or\s*\$\s*\1\s*=/;
const SETS_SYMBOL = /^\s*([A-Za-z](?:_\{?\w{1,3}\}?)?)\s*=/;
/**
 * A sentence that says where a bound is attained ("Equality occurs when one of a, b, or c is 1 and
 * the other two are 0.", "The minimum is achieved at x = 2."): its values are the case, not answers.
 */
const EQUALITY_CASE =
  /^[\s*]*(?:(?:and|with|here|thus|so),?\s+)?(?:equality|(?:the|this)\s+(?:minimum|maximum|bound|extremum|value))\s+(?:occurs|holds|is\s+(?:attained|achieved|reached))\s+(?:when|if|iff|at|for|exactly|only)\b/i;
/** Words that offer a value outright wherever they stand in a sentence, or state one ("the maximum is 2"). */
const OFFERING_WORDS =
  /\b(?:maybe|perhaps|possibly|alternatively|otherwise|answer|instead|actually|rather|wait|(?:minimum|maximum|value|result)\s+(?:is|was|would\s+be))\b/i;

/** What `rivals` needs of the answer, worked out once per response. */
interface AnswerKind {
  text: string;
  yesNo: boolean;
  hasDigit: boolean;
}

function answerKind(answer: string): AnswerKind {
  return { text: answer, yesNo: answer.length <= 40 && YES_NO.test(answer), hasDigit: /\d/.test(answer) };
}

/**
 * Whether a value stated after the answer could be another answer to the same question. Not one:
 * a lone symbol, in a sentence with no digit, after an answer with digits ("Note that $x$ or $y$ is
 * even." after `\boxed{5}`); two cases of a symbol the answer does not set, in a sentence that does
 * not open by offering an alternative ("We may assume $p=2$ or $p=3$."); after a yes-or-no answer,
 * anything but another yes or no or a value offered outright ("Yes. or 35"). Omni-MATH
 * InternLM2-Math-Plus proofs scored 0 on each (found by a held-out suite of real outputs). Nor are
 * the values of a sentence that says where a bound is attained (EQUALITY_CASE) and offers nothing
 * in words (a NeMo-Skills fixture of real generations scored 0 on `\boxed{1}`). "Maybe 7
 * or $y$", "Alternatively, $n=6$ or $n=7$" and "$p = 5$. Or maybe $p = 3$." still offer one.
 */
function rivals(value: string, answer: AnswerKind, sentence: string): boolean {
  if (answer.yesNo) return YES_NO.test(value) || OFFERED_OUTRIGHT.test(sentence);
  // A symbol or an expression of symbols (`x - y` "is maximized") against an answer in digits: only
  // in a sentence that states a number (real outputs round 28).
  if (LONE_SYMBOL.test(value) || (answer.hasDigit && !/\d/.test(value) && /[A-Za-z]/.test(value)))
    return !answer.hasDigit || /\d/.test(sentence);
  if (OFFERED_OUTRIGHT.test(sentence)) return true;
  if (EQUALITY_CASE.test(sentence) && !OFFERING_WORDS.test(sentence)) return false;
  const split = CASE_SPLIT.exec(sentence)?.[1];
  return split === undefined || SETS_SYMBOL.exec(answer.text)?.[1] === split;
}

/**
 * The value a response offers besides its answer (see the module comment), or undefined. `text` is
 * the text the extractor read (positions of `extraction` refer to it).
 */
export function offeredAlternative(text: string, extraction: Extraction): string | undefined {
  // After the value itself: an answer phrase's extraction ends at its line's end.
  const at = answerStart(text, extraction);
  const tail = text.slice(answerEnd(text, extraction));
  // A second method cut off by the token limit offers nothing (cut-off-method.ts).
  const opening = tail.search(ALTERNATIVE_WORDS);
  if (
    opening >= 0 &&
    !isCutOffMethod(tail.slice(opening), text.slice(0, text.length - tail.length + opening))
  ) {
    // From the first sentence that offers an alternative to the end, the last value stated (an
    // alternative method that arrives at the answer again offers nothing new).
    let offered: string | undefined;
    let kind: AnswerKind | undefined;
    let opened = false;
    for (const sentence of sentencesOf(tail)) {
      opened ||= ALTERNATIVE_WORDS.test(sentence);
      if (!opened) continue;
      const read = withoutDoubtOrAnswer(sentence, extraction.text);
      if (REJECTION_WORDS.test(read)) continue;
      let value = lastValue(withoutConditions(read));
      if (value === undefined || value === '') continue;
      // "Could be 41 or 42.": ending on the answer does not take back the value offered before it.
      if (value === extraction.text && DOUBT.test(read)) value = valueBeforeOr(read, value) ?? value;
      kind ??= answerKind(extraction.text);
      if (rivals(value, kind, read)) offered = value;
    }
    if (offered !== undefined) return offered;
  }
  // "Correction: 43.", "Edit: it should be 43", "Nope, 43.": a revision that names a value at once.
  const revised = REVISED_VALUE.exec(tail);
  if (revised !== null && revised[1] !== extraction.text) return revised[1];
  const lone = loneClosingValue(text, text.length - tail.length) ?? DANGLING_VALUE.exec(tail)?.[1];
  if (lone !== undefined) return lone;
  // "The answer is 17 or \boxed{18}.", "$17$ or 18", "**17** or **18**": a value, then "or" right
  // before the answer's wrappers (a red team of stop 35: markup hid the plain "17 or 18" hedge).
  const before = at < 0 ? undefined : valueOrBefore(text, at);
  if (before !== undefined) return before;
  if (at < 0 || !WEAK_EXTRACTORS.has(extraction.extractor)) return undefined;
  // "forty (50)", "40 (50)": a value, then another in parentheses.
  const open = skipBack(text, at, SPACES);
  if (
    text[open] === '(' &&
    text
      .slice(at + extraction.text.length)
      .trimStart()
      .startsWith(')')
  ) {
    const glossed = GLOSSED_VALUE.exec(text.slice(Math.max(0, open - 40), open));
    const word = glossed?.[1];
    const value = word === undefined ? undefined : /\d/.test(word) ? word : parseNumberWords(word);
    if (value !== undefined) return value;
  }
  const sentenceStart = sentenceStartBefore(text, at);
  // "5 or 6, probably 5": two values offered, then a guess between them; the other one is offered.
  const picked = HEDGED_PICK.exec(text.slice(sentenceStart < 0 ? Math.max(0, at - 300) : sentenceStart, at));
  if (picked !== null) {
    if (picked[1] === extraction.text) return picked[3];
    // Values listed with "," or "and" offer the answer only when it is one of them.
    if (/^(?:or|\/)$/i.test(picked[2] as string) || picked[3] === extraction.text) return picked[1];
  }
  // "... 40 dollars. Or perhaps 50.": the answer's sentence opens by offering an alternative.
  if (sentenceStart <= 0 || !OPENS_WITH_ALTERNATIVE.test(text.slice(sentenceStart, at))) return undefined;
  return lastValue(text.slice(Math.max(0, sentenceStart - 400), sentenceStart));
}

/**
 * Whether `value` is (the start of) the next marker of a numbered list whose last line ends `before`
 * (`169. The answer is 25.` then `170`, or `1` cut off from `182`): a list marker, not a value.
 */
function continuesNumbering(before: string, value: string): boolean {
  const marker = /(?:^|\n)\s*(\d{1,6})[.)]\s[^\n]*$/.exec(before.trimEnd())?.[1];
  return marker !== undefined && String(Number(marker) + 1).startsWith(value);
}

/**
 * The text after the answer, when it is only another number, perhaps joined to it (`\boxed{18},
 * 17`, `\boxed{18} / 17`, `\boxed{18} and 17`, `vs 17`, `i.e. 19`, `except 17`, `if not 19`,
 * `<answer>18</answer> 17`): the response ends on a bare second value (a red team of stop 35).
 */
const DANGLING_VALUE =
  /^[\s}$*)\]]*(?:<\/answer>)?\s*(?:,|;|\/|&|~|—|–|and|vs\.?|versus|i\.e\.?|or|except|if\s+not|unless|else|hmm|failing\s+that|\(\s*typo\s*\))?\s*[$*]*\s*(-?\d[\d,]*(?:\.\d+)?)\s*[$*]*\s*[.!]?\s*$/i;

/** A line that is only a number, perhaps bulleted, quoted, bold or in parentheses: `- 6`, `> 6`, `(6)`. */
const LONE_VALUE_LINE = /^(?:[-*•>]\s+|\(\s*)?(?:\*\*)?\s*(-?\d+(?:\.\d+)?(?:\/\d+)?)\s*(?:\*\*)?\s*\)?\.?$/;

/**
 * A number alone on the last line after the answer, and the only number after it (`\boxed{5}\n\n6`,
 * `\boxed{5}\n\n(6)`): a bare value the response ends on besides its answer, offered like an
 * alternative (red team round 3). A tail with work in it (a verification cut off at `0.184`, a
 * numbered list looping until the token limit) is no bare offer.
 */
function loneClosingValue(text: string, tailStart: number): string | undefined {
  const tail = text.slice(tailStart);
  const lineBreak = tail.lastIndexOf('\n', tail.trimEnd().length - 1);
  if (lineBreak < 0) return undefined;
  const value = LONE_VALUE_LINE.exec(tail.slice(lineBreak + 1).trim())?.[1];
  if (
    value === undefined ||
    continuesNumbering(text.slice(Math.max(0, tailStart - 400), tailStart + lineBreak), value)
  )
    return undefined;
  NUMBER.lastIndex = 0;
  let numbers = 0;
  for (let match = NUMBER.exec(tail); match !== null && numbers < 2; match = NUMBER.exec(tail)) {
    if (match[0] === '') NUMBER.lastIndex++;
    else numbers++;
  }
  return numbers === 1 ? value : undefined;
}

/**
 * Two values joined by "or", "/", "," or "and" (also "could be 5, could be 6"), then a word of
 * guessing right before the answer: "5 or 6, probably 5", "5, 6, I'd guess 5", "between 5 and 6,
 * my best guess is 5", "5 (or 6), probably 5". Group 2 is the joiner.
 */
const HEDGED_PICK =
  /(-?\d+(?:\.\d+)?)\s*\(?\s*(or|\/|,|and)\s*(?:(?:it\s+)?(?:could|might|may)\s+be\s+)?(-?\d+(?:\.\d+)?)[^.\d]{0,40}?\b(?:probably|likely|maybe|perhaps|possibly|(?:my\s+)?(?:best\s+)?guess|I(?:\s+(?:think|guess|believe)|\s*['’]d\s+(?:say|guess)))\b[^.\d]{0,20}$/i;

/**
 * A number (in its math span or bold), then "or" (and a word of doubt), then only the answer's
 * wrappers: `17 or \boxed{`, `$17$ or `, `**17** or **`. Not after a comma ("1/4, or 25%" restates
 * a value) nor inside braces, a power or a subscript (`\frac{1}{4} or`).
 */
const VALUE_OR_BEFORE =
  /(?<![\d./{^_\\])(-?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?)\s*(?:\$|\\\)|\*{1,2}|_{1,2})?\s+or\s+(?:(?:maybe|perhaps|possibly|even|just)\s+)?(?:\\boxed\s*\{|\\fbox\s*\{|\$|\\\(|\*|_|\s)*$/i;

/** Up to three words, then "or" right before the answer's wrappers: "None or \\boxed{", "seventeen or ". */
const WORDS_OR_BEFORE =
  /(?<![A-Za-z-])([A-Za-z]+(?:[\s-]+[A-Za-z]+){0,2})\s*(?:\*{1,2}|_{1,2})?\s+or\s+(?:(?:maybe|perhaps|possibly|even|just)\s+)?(?:\\boxed\s*\{|\\fbox\s*\{|\$|\\\(|\*|_|\s)*$/i;

/**
 * The last one to three words before "or" that are an answer of their own: a number in words
 * ("seventeen or 5") or a count of solutions ("None or 5", "infinitely many or 3", solution-count.ts).
 */
function answerWordsBeforeOr(window: string): string | undefined {
  const words = WORDS_OR_BEFORE.exec(window)?.[1]?.split(/\s+/);
  if (words === undefined) return undefined;
  for (let count = 1; count <= words.length; count++) {
    const phrase = words.slice(-count).join(' ');
    const value: MathValue = { kind: 'text', text: phrase };
    if (parseNumberWords(phrase) !== undefined || statesNoSolution(value) || statesInfinitelyMany(value))
      return phrase;
  }
  return undefined;
}

/**
 * The value VALUE_OR_BEFORE finds in the 80 characters before the answer at `at`, or the answer
 * in words before the "or", or undefined.
 */
function valueOrBefore(text: string, at: number): string | undefined {
  const from = Math.max(0, at - 80);
  // " or" starting within [from, at]: looked for in those characters only (a `lastIndexOf` from
  // `at` walks back over the whole text when there is none, the common case).
  if (!text.slice(from, at + 3).includes(' or')) return undefined;
  const window = text.slice(from, at);
  return VALUE_OR_BEFORE.exec(window)?.[1]?.replace(/,+$/, '') ?? answerWordsBeforeOr(window);
}

/** A number or a number word right before an opening parenthesis. */
const GLOSSED_VALUE = /(?:^|[\s:=])(-?\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?)\s*$/;
const SPACES = ' \t\n\r';
/** What may wrap an answer between a qualifier and the value (`\boxed{`, `$`, `\(`, bold ...). */
const WRAPPER_CHARACTERS = ' \t\n\r$*_{([';

/** Commands between a qualifier and its value (`not \(\displaystyle\boxed{42}\)`, `not\,\boxed{42}`). */
const WRAPPER_COMMANDS = [
  '\\boxed',
  '\\fbox',
  '\\displaystyle',
  '\\textstyle',
  '\\qquad',
  '\\quad',
  '\\,',
  '\\;',
  '\\:',
  '\\!',
  '\\ ',
  '~',
  '\u00a0',
];

/**
 * The index of the last character of `prose` before the value's wrappers: spaces, `$`, `*`, `_`,
 * brackets, `\(`, `\[`, and the commands above (-1 when none).
 */
function skipWrappersBack(prose: string): number {
  let last = skipBack(prose, prose.length, WRAPPER_CHARACTERS);
  for (let guard = 0; guard < 8 && last >= 0; guard++) {
    // `\(` and `\[` whose bracket was skipped leave their backslash.
    if (prose.charCodeAt(last) === 92) {
      last = skipBack(prose, last, WRAPPER_CHARACTERS);
      continue;
    }
    const code = prose.charCodeAt(last);
    // A command ends here only when a backslash stands in the 13 characters before.
    const backslash = prose.indexOf('\\', Math.max(0, last - 13));
    if (code !== 126 && code !== 0xa0 && (backslash < 0 || backslash > last)) break;
    const command = WRAPPER_COMMANDS.find((name) => prose.endsWith(name, last + 1));
    if (command === undefined) break;
    last = skipBack(prose, last + 1 - command.length, WRAPPER_CHARACTERS);
  }
  return last;
}

/** The index of the last character before `index` that is not in `skipped` (-1 when none). */
function skipBack(text: string, index: number, skipped: string): number {
  let cursor = index - 1;
  while (cursor >= 0 && skipped.includes(text.charAt(cursor))) cursor--;
  return cursor;
}

/**
 * Where the sentence holding `index` starts (after `. `, `! `, `? ` or a line break), looked for at
 * most 300 characters back; -1 when it starts further back or at the start of the text.
 */
function sentenceStartBefore(text: string, index: number): number {
  const stop = Math.max(0, index - 300);
  for (let cursor = index - 1; cursor > stop; cursor--) {
    const code = text.charCodeAt(cursor);
    if (code === 10) return cursor + 1;
    if (code !== 32 && code !== 9) continue;
    const previous = text.charCodeAt(cursor - 1);
    if (previous === 46 || previous === 33 || previous === 63) return cursor + 1;
  }
  return -1;
}

/**
 * Where the extracted answer starts in `text`, or -1 when it is not there verbatim (a joined list):
 * right before its end, or before a closing `}`, `$` or `\)`, else searched in the 400 characters
 * before its end.
 */
function answerStart(text: string, extraction: Extraction): number {
  const { end } = extraction;
  const length = extraction.text.length;
  for (let closing = 0; closing <= 2; closing++) {
    if (end - closing - length >= 0 && text.startsWith(extraction.text, end - closing - length))
      return end - closing - length;
  }
  const from = Math.max(0, end - 400);
  const at = text.slice(from, end).lastIndexOf(extraction.text);
  return at < 0 ? -1 : from + at;
}

/** Where the extracted answer's own text ends in `text` (an answer phrase's extraction runs to its line's end). */
export function answerEnd(text: string, extraction: Extraction): number {
  const at = answerStart(text, extraction);
  return at < 0 ? extraction.end : Math.min(extraction.end, at + extraction.text.length);
}

/**
 * Literal words one of which every DISOWNING_LEAD phrase holds: a cheap test before the pattern
 * (mistake, might, may, error, pitfall, perhaps, possibly, wrong, would, incorrect, impossible, "if
 * the answer", "if it were", false, "far from", "not true", "not the", "no way", could, chance,
 * cannot, can't, "can not", reject, "rule out", doubt, discard, differ, distractor, suppos-, assum-),
 * grouped by first letter: each position of the text tries a dozen branches, not thirty.
 */
const DISOWNING_WORDS =
  /m(?:istake|ight|ay)|error|p(?:itfall|erhaps|ossibly)|w(?:rong|ould)|i(?:ncorrect|mpossible|f the answer|f it were)|f(?:alse|ar from)|n(?:ot true|ot the|o way)|c(?:ould|hance|annot|an't|an not)|r(?:eject|ul(?:e|ed|ing) out)|d(?:oubt|iscard|iffer|istractor)|suppos|assum/i;
/**
 * Words in the answer's own sentence, before it, that say it is not the answer: "A common mistake
 * is to answer 42", "A typical mistake: answering 42", "It is false that the answer is 42", "It is not the case that the roots are 2 and 3", "One might think it is 42", "mistakenly
 * answer", "Wrong answer: 42"; and (a red team of stop 35) "Common wrong answer: 42", "Distractor:
 * 42", "It is impossible for the answer to be 42", "I doubt the answer is 42", "There is no way
 * the answer is 42", "It would be wrong to say the answer is 42", "We can rule out 42", "I reject
 * 42" (right before the value), "The answer is far from 42", "the answer would have been 42", "If the answer were 42", "a 50% chance
 * the answer is 42"; and (a red team of stop 43) "Maybe a = 42." (a sentence that opens with
 * maybe, perhaps or possibly), "We cannot have a = 42." ("Suppose x = 2." alone states the value:
 * corpus extraction-129). Only when no clause turns between them and the value ("One might
 * expect more, but the answer is 42", "He wrongly thought he had 10; he has 12" keep it).
 */
const DISOWNING_LEAD =
  /\b(?:(?:a|the)\s+(?:common|typical|frequent|classic)\s+(?:mistake|error|pitfall)\s*(?:(?:is|was|would\s+be)\s+|[:\u2014\u2013]\s*|-\s+)(?:to\s+)?(?:answer(?:ing)?|say(?:ing)?|writ(?:e|ing)|giv(?:e|ing)|get(?:ting)?|conclud(?:e|ing)|think(?:ing)?|claim(?:ing)?)|(?:mistakenly|wrongly|incorrectly)\s+(?:answer|say|write|give|get|conclude|think|claim)s?|it(?:'s|’s|\s+is)\s+(?:false|wrong|incorrect|not\s+true|not\s+the\s+case)\s+that|(?:one|you|we|someone|a\s+student)\s+(?:might|may|could|would)\s+(?:think|say|guess|expect|conclude)|(?:^|[.!?]\s+|\n)[\s*_#>-]*(?:(?:the|an?)\s+)?(?:(?:common|typical|frequent|classic|tempting)\s+)?(?:wrong|incorrect|rejected|false)\s+(?:final\s+)?answer\s*\**\s*(?:is|:|=)|(?:^|[.!?]\s+|\n)[\s*_#>-]*(?:(?:the|a)\s+)?distractor\s*\**\s*(?:is|:|=)|impossible\s+for\s+(?:the\s+(?:final\s+)?answer|it)\s+to\s+be|\b(?:I|we)\s+(?:really\s+|strongly\s+)?doubt\s+(?:that\s+)?(?:the\s+(?:final\s+)?answer\s+is|it(?:'s|’s|\s+is))|no\s+way\s+(?:that\s+)?(?:the\s+(?:final\s+)?answer\s+(?:is|could\s+be|can\s+be)|it(?:'s|’s|\s+is))|(?:would\s+be|is)\s+(?:wrong|incorrect|a\s+mistake)\s+to\s+(?:say|answer|conclude|claim)\s+(?:that\s+)?(?:the\s+(?:final\s+)?answer\s+is|it(?:'s|\s+is))?|rul(?:e|ed|ing)\s+out(?=[\s$\\(*]*$)|(?:\b(?:I|we)\s+(?:reject|discard)|(?:^|[.!?]\s+|\n)[\s*]*(?:reject|discard))(?=[\s$\\(*]*(?:[A-Za-z]\s*=\s*)?$)|\b(?:suppose|assume|assuming|supposing)\s+(?:that\s+)?(?:the\s+)?(?:final\s+)?answer\s+is(?=[\s$\\(*]*$)|(?:^|[.!?]\s+|\n)[\s*_#>-]*(?:maybe|perhaps|possibly)\b|\b(?:cannot|can't|can\s+not)\s+(?:have|get)\s+(?:[A-Za-z](?:_\{?\w{1,3}\}?)?\s*=\s*)?(?=[\s$\\(*]*$)|\banswer\s+(?:is\s+)?(?:far\s+from|differs?\s+from)|\banswer\s+would\s+have\s+been|\bif\s+(?:the\s+(?:final\s+)?answer|it)\s+were|chance\s+(?:that\s+)?(?:the\s+(?:final\s+)?answer\s+is|it(?:'s|’s|\s+is))|(?:^|[.!?]\s+|\n)[\s*_#>-]*not\s+the\s+(?:final\s+)?answer\s*\**\s*(?:is|:|=))(?![\s\S]*?(?:[,;:.!?]\s|\n|\b(?:but|however|actually|instead|so|therefore|thus|hence|with|correct(?:ly)?)\b))/i;

function disowningLead(text: string, start: number): RegExpExecArray | null {
  const sentenceStart = sentenceStartBefore(text, start);
  return DISOWNING_LEAD.exec(text.slice(sentenceStart < 0 ? Math.max(0, start - 300) : sentenceStart, start));
}

/** A letter or an apostrophe (of "can't"). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39;
}

/** Last words (or command names) that may end a qualifier; the full pattern then decides. */
const QUALIFIER_ENDINGS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'nor',
  'neither',
  // "Nor is it 3."
  'it',
  'that',
  'this',
  'cannot',
  "can't",
  "isn't",
  "aren't",
  "wasn't",
  "won't",
  "ain't",
  'be',
  'to',
  'than',
  'least',
  'most',
  'above',
  'below',
  'exceed',
  'exceeds',
  'beyond',
  'nearly',
  'almost',
  'hardly',
  'but',
  'under',
  'over',
  'equal',
  'equals',
  'exactly',
  'ge',
  'geq',
  'le',
  'leq',
  'geqslant',
  'leqslant',
  'lesssim',
  'gtrsim',
  'ne',
  'neq',
  'gt',
  'lt',
  'neg',
  'pm',
  'mp',
  'longer',
  'of',
  'from',
  'except',
  'for',
  'quite',
  'necessarily',
  // "x is not in [0, 5]", "not within 5".
  'in',
  'within',
  'gg',
  'll',
  'ngeq',
  'nleq',
  'ngtr',
  'nless',
  'equiv',
]);
const QUALIFIER_SYMBOLS = '<>≥≤≠±∓¬-+⩾⩽≪≫≯≮';
/** A qualifier that denies membership ("not in", "not within"). */
const NOT_IN = /\b(?:in|within)\s*$/i;
/** A bound before a number, a domain before an interval or a set ("decreasing over (0, 5)"). */
const OVER_DOMAIN = /^(?:over|under)\s*$/i;
/** An answer that is an interval or a set: its first character. */
const SET_OPENING = /^\s*(?:[[({]|\\[{([]|\\left)/;
/** The first characters of `>=`, `<=` and `!=`. */
const ASCII_COMPARISON_OPENERS = '<>!';

/**
 * Why the number the extraction holds is not a committed value ("at least 40", "not 40", `40+`),
 * or undefined when nothing qualifies it. A backward look at the word before the answer first
 * (the common "is 18", "= 18" end at once), the full patterns only when it may qualify.
 */
export function qualifiedAnswer(text: string, extraction: Extraction): string | undefined {
  // `\boxed{5?}`: the answer is asked, not stated.
  if (ASKED.test(extraction.text)) return 'the answer is a question';
  // A list the fallback joined ("not 2 and 3" read as `2, 3`) is not there verbatim: it says where.
  const start = extraction.valueStart ?? answerStart(text, extraction);
  if (start < 0) return undefined;
  // "A common mistake is to answer \boxed{42}.": the value's own sentence disowns it. Its words are
  // looked for in the 120 characters before the value first; the sentence is found only then.
  const disowning = DISOWNING_WORDS.test(text.slice(Math.max(0, start - 120), start))
    ? disowningLead(text, start)
    : null;
  if (disowning !== null) return `the answer's sentence disowns it: "${disowning[0]}"`;
  // "所以结果不是5。", "结果至少 5", "5以上": a Chinese qualifier in the value's clause.
  const valueEnd = extraction.valueStart === undefined ? start + extraction.text.length : extraction.end;
  const chinese = chineseQualifierAround(text, start, valueEnd);
  if (chinese !== undefined) return chinese;
  // The words of a `\text{no more than }` right before the value are read as prose.
  const window = text.slice(Math.max(0, start - 96), start);
  const prose = window.endsWith('}') || window.endsWith('} ') ? unwrapTextGroups(window) : window;
  const last = skipWrappersBack(prose);
  let first = last;
  while (first >= 0 && first > last - 12 && isWordCode(prose.charCodeAt(first))) first--;
  const word = prose.slice(first + 1, last + 1);
  if (
    last >= 0 &&
    (QUALIFIER_SYMBOLS.includes(prose[last] as string) ||
      QUALIFIER_ENDINGS.has(word.toLowerCase()) ||
      // `N >= 40`, `<=`, `!=`: a bound or an inequality typed in ASCII (a red team of stop 31).
      (prose[last] === '=' && ASCII_COMPARISON_OPENERS.includes(prose[last - 1] as string)))
  ) {
    const before = prose.slice(-64).replace(WRAPPERS_AT_END, ' ');
    const qualifier = QUALIFIER_BEFORE.exec(before.endsWith(' ') ? before : `${before} `);
    // "at least X ... at most X": both sides of a proof of equality qualify nothing (two-sided-bound.ts).
    if (
      qualifier !== null &&
      !opposedBoundStated(qualifier[0], extraction.text, text) &&
      // "not in" / "not within" deny membership: of an interval or a set, not of a count ("not in 7").
      !(NOT_IN.test(qualifier[0]) && !SET_OPENING.test(extraction.text)) &&
      // "over" and "under" before an interval say where ("decreasing over (0, 5)": red team of stop 33).
      !(OVER_DOMAIN.test(qualifier[0]) && SET_OPENING.test(extraction.text))
    )
      return `the answer is qualified by "${qualifier[0].trim()}"`;
  }
  const afterStart = valueEnd;
  const next = text[afterStart];
  // `\boxed{42} or more`, `$42$ or fewer`, `**42** at most`: a bound after the value's closing wrappers.
  if (next === '}' || next === '$' || next === '*') {
    const closed = BOUND_AFTER_WRAPPERS.exec(text.slice(afterStart, afterStart + 48));
    return closed === null ? undefined : `the answer is qualified by "${(closed[1] as string).trim()}"`;
  }
  if (
    next !== '+' &&
    next !== '^' &&
    next !== ' ' &&
    next !== '\\' &&
    next !== '%' &&
    next !== '?' &&
    next !== '-' &&
    // "18, if not more" (a red team of stop 35).
    next !== ','
  )
    return undefined;
  const after = unwrapTextGroups(text.slice(afterStart, afterStart + 40));
  const bound = QUALIFIER_AFTER.exec(after);
  // The bound's own words, without the unit before it ("apples or more": "or more").
  return bound === null ? undefined : `the answer is qualified by "${(bound[1] ?? bound[0]).trim()}"`;
}

/** A subscript: `_{two}`, `_2`. */
const SUBSCRIPT = /_\{[^{}]*\}|_[A-Za-z0-9]+/g;

/** Words after a value in its phrase that doubt or bound it (a red team of stop 27). */
const DOUBT_AFTER_VALUE =
  /\b(?:maybe|perhaps|possibly|roughly|approx\w*|or\s+so|give\s+or\s+take|minimum|maximum|tops|ish|or\s+(?:more|less|fewer)|at\s+(?:least|most)|i\s+guess)\b/i;

/**
 * A judgement right after the value that disowns it: "0 is wrong", "0 is not right", "0 is
 * impossible", "0 cannot be the answer", "0 would be wrong", "0 is what I first thought", "0? No." (a red team of stop 38 was
 * paid for each after "Final Answer:").
 */
const DISOWNED_AFTER_VALUE =
  /^\s*(?:\?|(?:is|was|would\s+be|seems)\s+(?:not\s+(?:right|correct|possible|the\s+(?:final\s+)?answer)|wrong|incorrect|false|impossible|ruled\s+out|a\s+mistake)|(?:cannot|can't|could\s+not|couldn't)\s+be|is\s+what\s+I\s+(?:first\s+)?(?:thought|guessed))/i;

/** A calculation in parentheses, its operands and its result: `(12 gallons x 25 miles/gallon = 300 miles)`. */
const CALCULATION_NOTE = /\(([^()]*?)=\s*(-?[\d,]*\.?\d+)\s*[A-Za-z/%$ ]*\)/g;
/** Words that offer another value, which a calculation never holds. */
const OFFERING_WORD = /\b(?:or|maybe|perhaps|possibly|alternatively|either|not)\b/i;

/**
 * The phrase without a calculation in parentheses that ends in the answer: its operands are no
 * values offered ("Sophia can drive 300 miles (12 gallons x 25 miles/gallon = 300 miles)" read as
 * naming 300, 12 and 25; Plan-and-Solve's outputs, stop 29).
 */
function withoutAnswerCalculation(phrase: string, answer: string): string {
  if (!phrase.includes('=')) return phrase;
  const plain = answer.replace(/,/g, '');
  return phrase.replace(CALCULATION_NOTE, (whole, operands: string, result: string) =>
    result.replace(/,/g, '') === plain && !OFFERING_WORD.test(operands) ? ' ' : whole,
  );
}

/** A number written as an ordinal: `100th`, `2nd`, `21st`. */
const ORDINAL = /(?<![\d.])\d+(?:st|nd|rd|th)\b/g;

/**
 * Why a prose phrase read for its last number does not state one value: a qualified number, or
 * two different numbers (digits or number words; condition numbers such as "in 12 months" aside).
 */
export function phraseHedge(phrase: string, number: Extraction): string | undefined {
  const qualified = qualifiedAnswer(phrase, number) ?? chineseQualifier(phrase);
  if (qualified !== undefined) return qualified;
  // "40 maybe", `40 \text{ roughly}`, "40 or so": words after the value that doubt or bound it.
  const at = phrase.lastIndexOf(number.text);
  const after = at < 0 ? '' : phrase.slice(at + number.text.length);
  const doubted = at < 0 ? null : (DOUBT_AFTER_VALUE.exec(after) ?? DISOWNED_AFTER_VALUE.exec(after));
  if (doubted !== null) return `the answer is qualified: "${doubted[0].trim()}"`;
  // "402 is the 100th term": the number read is an ordinal beside another value, which states it
  // (a red team of stop 39); alone, the ordinal is the answer ("Finley finished in 6th place.").
  if (/^(?:st|nd|rd|th)\b/.test(after) && /\d/.test(phrase.replace(ORDINAL, ' ')))
    return `the number read is an ordinal ("${number.text}${after.slice(0, 2)}") beside another value`;
  // A subscript is a base or an index (`10101_{two}`, `x_2`), an ordinal a position ("the 100th
  // term is 402": real outputs round 12), never a value offered.
  // A step named ("48 (see step 3 above)") is no value either (step-label.ts).
  const named = withoutStepReferences(phrase);
  const unmasked = withoutAnswerCalculation(withoutConditionNumbers(named) ?? named, number.text)
    .replace(SUBSCRIPT, ' ')
    .replace(ORDINAL, ' ');
  const values = new Set<number>();
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(unmasked); match !== null; match = NUMBER.exec(unmasked)) {
    const [numerator, denominator] = match[0].replace(/[^\d.\-/]/g, '').split('/');
    const value = Number.parseFloat(numerator ?? '') / (denominator ? Number.parseFloat(denominator) : 1);
    if (!Number.isNaN(value)) values.add(value);
    if (match[0] === '') NUMBER.lastIndex++;
  }
  if (NUMBER_WORD.test(unmasked)) {
    const answerAt = unmasked.lastIndexOf(number.text);
    const answerNoun = answerAt < 0 ? undefined : nounAfter(unmasked, answerAt + number.text.length);
    for (const word of unmasked.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)?/g)) {
      if (/^(?:one|a|an|half)$/i.test(word[0])) continue;
      const value = parseNumberWords(word[0]);
      // "the three friends": a count of something the question named (counted-noun.ts).
      if (
        value === undefined ||
        countsNamedObject(unmasked, word.index, word.index + word[0].length, answerNoun)
      )
        continue;
      values.add(Number(value));
    }
  }
  return values.size > 1 ? `the answer names several values (${[...values].join(', ')})` : undefined;
}
