import { z } from 'zod';
import { hasTextAfter, isWhiteSpaceCode, lastNonSpaceBefore } from '../core/text.js';
import { endOfStatedFirstSentence } from './answer-first.js';
import { beyondAscii } from './ascii-text.js';
import { findClosingBrace, readArgument } from './braces.js';
import { replyAfterPrompt, stripChatTokens } from './chat-tokens.js';
import { chineseQualifier } from './chinese-qualifier.js';
import { comparesStatedAnswer } from './comparison-clause.js';
import { endBeforeCondition } from './condition-clause.js';
import { conditionedValueEnd } from './condition-span.js';
import { endsInDanglingOperator } from './dangling-operator.js';
import { dashesAsMinus, mayHoldDashMinus } from './dash-minus.js';
import { isDividerMarker } from './gsm8k-divider.js';
import { isIdentifierAfterQuantity } from './identifier-number.js';
import { jsonAnswer } from './json-answer.js';
import { lastIndexIn } from './last-index.js';
import { isLeadIn } from './lead-in-clause.js';
import { repairEscapedCommands } from './normalize.js';
import { parseNumberWords } from './number-words.js';
import { endBeforeOfferedValue } from './offered-value.js';
import { GLUED_OR } from './or-separator.js';
import { withoutParentheticalRemark } from './parenthetical-remark.js';
import { withoutFunctionCalls, withoutGreekNames } from './plain-text-math.js';
import { isPrecisionNote } from './precision-note.js';
import { splitRestatement } from './restatement.js';
import {
  endBeforeRejectedValue,
  endBeforeRuledOut,
  isDiscardedValue,
  isRejectedSpan,
} from './ruled-out-value.js';
import { scientificNotationAround } from './scientific-notation.js';
import { hasShortProseWords } from './short-prose.js';
import { isLabelNumber } from './step-label.js';
import { breakerTable, lastMatchInTail } from './tail-scan.js';
import { withoutTrailingRemark } from './trailing-remark.js';
import { unbracedBoxNumber } from './unbraced-box.js';
import { isUnitWord } from './unit-words.js';
import { valueBeforeVerb } from './value-before-verb.js';

/**
 * Answer extraction from free-form model output. Each extractor finds at most one candidate;
 * `extractAnswer` tries them in priority order. The two weak extractors (`latex`, `last_number`)
 * compete by position when both are enabled and reached: the one that ends later in the text
 * wins, so "... $3 \times 6 = 18$ ... so 20 in total." yields 20.
 * All scans are linear (indexOf loops or regexes without nested quantifiers).
 */
export const ExtractorNameSchema = z.enum([
  'json_answer',
  'boxed',
  'answer_tag',
  'gsm8k',
  'final_answer',
  'answer_colon',
  'whole_expression',
  'latex',
  'last_number',
]);
export type ExtractorName = z.infer<typeof ExtractorNameSchema>;

/** The extractors in the order they are declared above. */
export const DEFAULT_EXTRACTION_PRIORITY: readonly ExtractorName[] = ExtractorNameSchema.options;

/** Extractors that read an unmarked answer (the last math, the last number): a guess, not a statement. */
export const WEAK_EXTRACTORS: ReadonlySet<ExtractorName> = new Set(['latex', 'last_number']);

export interface Extraction {
  text: string;
  extractor: ExtractorName;
  /** Where the candidate ends in the (possibly truncated) text. */
  end: number;
  /** Where its marker ("The final answer is", `####` ...) starts, when it has one. */
  start?: number;
  /**
   * Where its values start in the text when `text` is not there verbatim: numbers joined by words
   * or spaced otherwise ("not 2 and 3" read as `2, 3`), a tuple the fallback rebuilt (`(2,3)`). The
   * hedge checks read the words before the values from here ("not", "at least").
   */
  valueStart?: number;
  /** An alternative the phrase offers in parentheses ("5 (or possibly 6)"): `6`. */
  alternative?: string;
  /**
   * Where the text this candidate answers for ends, when that is after `end`: the end of the
   * condition span after it ("$5$ when $x = 2$", condition-span.ts). A later number inside that
   * condition is no rival answer.
   */
  coversTo?: number;
  /** That condition's content (`k = 4` of "$0$ when $k = 4$"), read when the gold names its letter. */
  condition?: string;
}

/** Only the tail of very long responses is searched: answers sit at the end. */
export const MAX_SCANNED_CHARS = 32_000;
/** Boxed answers separated by at most this much text form one list (`\boxed{2}, \boxed{3}`). */
const BOXED_GROUP_GAP = 60;

/**
 * Words in the text between two boxed answers that make the earlier one a discarded attempt: a
 * retraction or self-correction ("wait", "on reflection", "correcting that", "or rather"), or an
 * order ("and later", "finally") that makes the later box the one that stands.
 */
const RETRACTION =
  /\b(?:wait|actually|no|not|instead|correct(?:ion|ed|ing)?|recheck|but|however|mistake|error|wrong|hmm|oops|earlier|previous|later|finally|eventually|ultimately|revised|updated|so|thus|therefore|hence|then|answers?|final|total|overall|result|reflection|reflecting|reconsider(?:ing|ed)?|rethinking|rather|scratch|recalculat(?:ing|ed|ion)|recomput(?:ing|ed))\b/i;

/** Words between two boxes that offer the later one beside the earlier. */
const OFFERS_ANOTHER_BOX =
  /\b(?:or|alternatively|alternative|maybe|perhaps|possibly|another\s+(?:possible\s+)?(?:answer|option|possibility|candidate)|second\s+(?:answer|option|possibility|candidate)|vs|versus)\b/i;
/** Words between two boxes that take the earlier one back ("Or rather", "Wait, no"). */
const TAKES_BOX_BACK =
  /\b(?:wait|actually|no|not|instead|correct(?:ion|ed|ing)?|mistake|error|wrong|oops|rather|scratch|revised|updated|recheck|recalculat\w*|recomput\w*|reconsider\w*)\b/i;
/** An HTML line break (`<br>`, `<br/>`), a mark and no word. */
const LINE_BREAK_TAG = /<\/?br\s*\/?>/gi;
/** A markdown horizontal rule on its own line (`---`, `***`, `___`). */
const HORIZONTAL_RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm;
/** A sentence's end between two boxes; not the full stop of "vs.", "approx.", "i.e." and kin. */
const SENTENCE_END_IN_GAP = /(?<!\b(?:vs|approx|alt|resp|cf|viz|i\.e|e\.g))[.!?](?:\s|$)/i;

/**
 * Whether the text between two boxed answers joins them into one answer: only separators
 * (`,` `;` `\quad` `$` "and" "or"), or a short aside that ends in "and"/"or"
 * (`\text{ for part (a) and }`), never a sentence end or a retraction ("no", "wait").
 */
function joinsBoxedAnswers(gap: string): boolean {
  if (gap.length > BOXED_GROUP_GAP) return false;
  // "\boxed{17}\n\nAlternatively, \boxed{18}", "Or: ", "Maybe: ", "vs. ": a word that offers another
  // joins the boxes across a paragraph or a full stop, unless the gap takes the first one back (a
  // red team of stop 35: the later box alone was paid).
  if (OFFERS_ANOTHER_BOX.test(gap) && !TAKES_BOX_BACK.test(gap)) return true;
  // `\boxed{17}. \boxed{18}`, `\boxed{17}\n\n---\n\n\boxed{18}`, `<br>`: nothing but marks between
  // two boxes, no word that revises the first: two answers side by side.
  // An operator between them is arithmetic on the boxes (`\boxed{35} + \boxed{4}`), read below.
  if (!/[A-Za-z+\-*/=<>^]/.test(gap.replace(LINE_BREAK_TAG, '').replace(HORIZONTAL_RULE, ''))) return true;
  if (gap.includes('\n\n') || SENTENCE_END_IN_GAP.test(gap)) return false;
  const words = gap
    .replace(/\\text\s*\{([^{}]*)\}/g, ' $1 ')
    .replace(/\\(?:q?quad|[,;: !()[\]])|\\\\|[$&,;]|\+{2,}/g, ' ')
    .replace(/(?:^|\s)[A-Za-z](?:_\{?\w{1,3}\}?)?\s*=/g, ' ')
    // Part labels between the answers of a multi-part question: `(a) \boxed{3} (b) \boxed{5}`.
    .replace(/(?:^|\s)(?:part\s*)?\(?(?:[a-h]|i{1,3}|iv|vi?)\)(?=\s|$)/gi, ' ')
    .trim();
  if (words === '' || /^(?:and|or)$/i.test(words)) return true;
  if (RETRACTION.test(words)) return false;
  // `\boxed{1}###Response\boxed{42}`, "Assistant:" opening a line: a new turn between the boxes;
  // the later one stands (THUDM/slime#2116 grades the last `###Response` segment). A `#` inside a
  // line ("Problem #2", "option #1") joins.
  if (TURN_MARKER.test(gap)) return false;
  // An operator alone (`\boxed{35} + \boxed{4}`) is arithmetic on the boxes, not a list.
  if (/^[-+*=<>^]$/.test(words)) return false;
  // Any other words in the same sentence (`\boxed{3} vs \boxed{5}`, "maybe", "Case 1: ...\nCase 2:",
  // "the first root is ... and the second root is"): the boxes stand side by side as several
  // answers, never the last one alone (a hedge between boxes must not score as the last box).
  return true;
}

/**
 * A new turn between two boxes: a `###Response` heading (glued to the box or opening a line), a
 * role label opening a line ("Assistant:", "User:"), a chat template token (`<|...|>`). A bare
 * heading or a role word inside the line joins: "\boxed{3}\n### \boxed{5}" and "\boxed{3} Human:
 * \boxed{5}" offer two values (red team of stop 24).
 */
const TURN_MARKER =
  /(?:^|\n)[ \t]*#{1,6}[ \t]*(?:response|assistant|answer)\b|\n[ \t]*(?:response|assistant|user|human)[ \t]*:|<\|[A-Za-z_]+\|>/i;

/** The gap between two boxes when it rules the second one out: ", not ", " rather than ", " instead of ". */
const RULES_OUT_NEXT_BOX =
  /^[\s$)\]]*,?\s*(?:(?:and|but)\s+)?(?:not|rather\s+than|instead\s+of)\s*[$([]*\s*$/i;

/** Boxes read per response, the last ones: each unclosed box costs a scan to the end of the text. */
const MAX_BOXES = 64;

/**
 * What a closing JSON object with two answer fields that differ extracts: nothing, and no other
 * extractor is tried (they would read one of the fields as text). Compared by identity.
 */
const CONFLICTING_FIELDS: Extraction = { text: '', extractor: 'json_answer', end: 0 };

/** The answer field of a JSON object that ends the response (json-answer.ts). */
function jsonAnswerField(text: string): Extraction | undefined {
  const found = jsonAnswer(text);
  if (found === 'conflicting') return CONFLICTING_FIELDS;
  return found === undefined
    ? undefined
    : { text: found.text, extractor: 'json_answer', start: found.start, end: found.end };
}

function boxed(text: string): Extraction | undefined {
  const found: { content: string; start: number; end: number }[] = [];
  for (const command of ['\\boxed', '\\fbox']) {
    // Only the last MAX_BOXES occurrences (50,000 unclosed `\boxed{` would cost n^2); found with
    // `indexOf` (V8's `lastIndexOf` is several times slower).
    const starts: number[] = [];
    for (let at = text.indexOf(command); at >= 0; at = text.indexOf(command, at + command.length)) {
      starts.push(at);
    }
    let index = starts.length > MAX_BOXES ? (starts[starts.length - MAX_BOXES] as number) : (starts[0] ?? -1);
    while (index >= 0) {
      const argument =
        unbracedBoxNumber(text, index + command.length) ?? readArgument(text, index + command.length);
      if (argument !== undefined && argument.content.trim() !== '') {
        found.push({ content: argument.content.trim(), start: index, end: argument.end });
        index = text.indexOf(command, argument.end);
      } else {
        index = text.indexOf(command, index + command.length);
      }
    }
  }
  if (found.length === 0) return undefined;
  found.sort((left, right) => left.start - right.start);
  let last = found[found.length - 1] as (typeof found)[number];
  // `\boxed{18} rather than \boxed{17}`, `\boxed{18}, not \boxed{17}`: the last box is ruled out,
  // the one before it stands (a red team of stop 35 read the rejected box).
  const ruledOutAfter = found[found.length - 2];
  if (ruledOutAfter !== undefined && RULES_OUT_NEXT_BOX.test(text.slice(ruledOutAfter.end, last.start))) {
    found.pop();
    last = ruledOutAfter;
  }
  // The group of boxes joined to the last one, its text built as it grows (no array, no `map`).
  let first = last;
  let joined = last.content;
  for (let index = found.length - 2; index >= 0; index--) {
    const previous = found[index] as (typeof found)[number];
    const gap = text.slice(previous.end, first.start);
    if (previous.end > first.start) break;
    if (!joinsBoxedAnswers(gap)) break;
    first = previous;
    // The same box written twice (`\(\boxed{6}\). \[\boxed{6}\]`) is one answer.
    if (previous.content !== last.content) joined = `${previous.content}, ${joined}`;
  }
  return { text: joined, extractor: 'boxed', end: last.end };
}

/**
 * A gold whose last `\boxed{` is never closed (a dataset typo: `\boxed{W(n) = 1 \text{ and } W(n)
 * = -1`): the rest of the text, without closing math delimiters. Used for golds only: a response
 * cut off inside its box (`\boxed{12` of a longer answer) is no answer.
 */
export function unclosedBoxed(gold: string): Extraction | undefined {
  const text = cleanResponse(gold);
  const index = Math.max(text.lastIndexOf('\\boxed{'), text.lastIndexOf('\\fbox{'));
  if (index < 0) return undefined;
  const open = text.indexOf('{', index);
  if (findClosingBrace(text, open) >= 0) return undefined;
  // Closing math delimiters and a full stop after the answer (a loop: no regex backtracking).
  let content = text.slice(open + 1).trimEnd();
  for (let previous = ''; previous !== content; ) {
    previous = content;
    if (/[$.]$/.test(content)) content = content.slice(0, -1).trimEnd();
    else if (/\\[\])]$/.test(content)) content = content.slice(0, -2).trimEnd();
  }
  content = content.trimStart();
  return content === '' ? undefined : { text: content, extractor: 'boxed', end: text.length };
}

/**
 * Whether the response ends inside its last `\boxed{` (or `\fbox{`): cut off while writing its
 * answer (`\boxed{3` of `\boxed{35}`), so it states none, whatever came before.
 */
export function endsInsideBox(text: string): boolean {
  const boxedAt = lastIndexIn(text, '\\boxed');
  const fboxAt = lastIndexIn(text, '\\fbox');
  if (boxedAt < 0 && fboxAt < 0) return false;
  let cursor = boxedAt > fboxAt ? boxedAt + 6 : fboxAt + 5;
  while (text[cursor] === ' ') cursor++;
  return text[cursor] === '{' && findClosingBrace(text, cursor) < 0;
}

function answerTag(text: string): Extraction | undefined {
  const close = mentionsAnswer(text) ? text.lastIndexOf('</answer>') : -1;
  if (close < 0) return undefined;
  const open = text.lastIndexOf('<answer>', close);
  if (open < 0) return undefined;
  const content = text.slice(open + '<answer>'.length, close).trim();
  return content === '' ? undefined : { text: content, extractor: 'answer_tag', end: close };
}

/** The rest of the line after `index`, or the next non-empty line when that rest is empty. */
function restOfLine(text: string, index: number): { content: string; end: number } {
  let start = index;
  let newline = text.indexOf('\n', start);
  let content = text.slice(start, newline < 0 ? text.length : newline).trim();
  while (content.replace(/[*_:\s]/g, '') === '' && newline >= 0) {
    start = newline + 1;
    newline = text.indexOf('\n', start);
    content = text.slice(start, newline < 0 ? text.length : newline).trim();
  }
  const end = newline < 0 ? text.length : newline;
  return FIRST_STEP.test(content) ? lastStep(text, content, end) : { content, end };
}

/** A line that opens a list of steps: `Step 1:`. */
const FIRST_STEP = /^\**\s*step\s*1\s*\**\s*[:.]/i;
/** The steps that follow it, each on its own line (blank lines between): the text after the label. */
const NEXT_STEP = /^\n(?:[ \t]*\n)*[ \t]*\**\s*step\s*\d+\s*\**\s*[:.]([^\n]*)/i;

/**
 * "Answer:\n\nStep 1: 20 ÷ 4 = 5\n\nStep 2: Each seat can hold 5 people.": steps after an answer
 * marker end in the answer; the last step's text is the marker's line (Plan-and-Solve's outputs,
 * stop 29). Without a later step the first line stays as it is.
 */
function lastStep(text: string, content: string, end: number): { content: string; end: number } {
  let last = { content, end };
  for (let count = 0; count < 20; count++) {
    const next = NEXT_STEP.exec(text.slice(last.end, last.end + 2000));
    if (next === null) break;
    last = { content: (next[1] as string).trim(), end: last.end + next[0].length };
  }
  return last;
}

/** Cleans a phrase that follows "answer is": markdown, one math span, a closing period (`.` or `。`). */
function cleanPhrase(phrase: string): string {
  let content = phrase
    // A leading `}` closes the `\text{The answer is }` the marker was read in.
    .replace(/^[*_\s:}]+/, '')
    .replace(/[*_\s.;,]+$/, '')
    .replace(/^(?:\\?["“”`])+|(?:\\?["“”`])+$/g, '')
    .replace(/[*_\s.;,]+$/, '');
  // A Chinese sentence's full stop, semicolon or comma (`分层抽样。`).
  if (beyondAscii(content)) content = content.replace(/[\s。；，]+$/, '');
  const math = /\$|\\[([]/.test(content) ? lastLatex(content) : undefined;
  // A few characters around one math span are wrapping (`$A$ 城市`), unless they qualify it (`$5$ 以上`).
  if (
    math !== undefined &&
    content.replace(/\s/g, '').length - math.text.length <= 4 &&
    chineseQualifier(content) === undefined &&
    // "Answer: C) $45^\circ$": an option's letter before its text is the answer (stop 36's examiner pairs).
    !OPTION_LETTER_BEFORE_SPAN.test(content)
  )
    content = math.text;
  // A closing emoticon is no part of the answer ("The answer is 18 :)": a red team of stop 35).
  if (content.includes(':') || content.includes(';')) content = content.replace(/\s+[:;]-?[)D(P]$/, '');
  // In prose, "The answer is 18!" ends with an exclamation, not a factorial (LaTeX keeps `$4!$`).
  else if (math === undefined && !content.includes('\\')) content = content.replace(/\s*!+$/, '');
  content = content.replace(/\s*[.;]\s*$/, '');
  // A display-math closer whose opener came before the marker: `\[Answer: 009\]`.
  if (/\\[\])]$/.test(content) && !/\\[[(]/.test(content)) content = content.slice(0, -2);
  return content.trim();
}

function gsm8k(text: string): Extraction | undefined {
  const index = lastIndexIn(text, '####');
  if (index < 0 || isDividerMarker(text, index)) return undefined;
  const line = restOfLine(text, index + 4);
  const content = cleanPhrase(line.content);
  return content === '' ? undefined : { text: content, extractor: 'gsm8k', end: line.end };
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    last = match;
    if (match[0] === '') pattern.lastIndex++;
  }
  return last;
}

/**
 * Where the answer phrase stops: a reason or a new clause after the value ("18, because 9 x 2 =
 * 18", "18; she sells ...", "18 since ...", "18 rather than 16"), a clause whose subject is a
 * number ("19; 18 is not the answer", "19, 18 isn't": the red team of stop 34 read 18; "2; 3; 5"
 * stays a list).
 */
const CLAUSE_BREAK =
  /(?:[,;]\s*|\s+)(?:because|since|as(?!\s+well\s+as\b)(?<!\bwell\s+as)|which|where|while|given|but|unless|thus|hence|so|after|when|i\.e\.|e\.g\.)\b|;\s+(?=[A-Za-z]{2,}\b(?!\s*=))|;\s+(?=-?\d[\d.,]*\s+(?:is|are|was|were)\b)|,\s+(?=-?\d[\d.,]*\s+(?:is|are|was|were)(?:\s+not|n['’]t)\b)|,\s+(?:she|he|they|we|i|it|this|that|there|the|you|so|then)\b|,\s+and\s+(?![-\d$\\(])|,\s*(?:not|rather than|instead of)\s|\s+(?:rather\s+than|instead\s+of)\s+(?=[-\d$\\(])|\s+(?:and|but)\s+not\s|\s*\((?=\s*(?:not|i\.e\.|e\.g\.|which|since|because|or|and|that)\b)/i;

/**
 * A parenthesis after the answer that offers another ("5 (or possibly 6)", "(or equivalently
 * 0.5)"): its value. The verifier wants it equal to the gold too: a different one is a hedge.
 */
const ALTERNATIVE =
  /^\s*\(\s*or\s+(?:(?:possibly|maybe|perhaps|equivalently|alternatively|rather|even|just|about|approximately|roughly)\s+|else\s+)*([^()]{1,80})\)/i;

/** A choice letter with its closing mark right before a math span: `C) $45^\circ$`, `(B) \(12\)`. */
const OPTION_LETTER_BEFORE_SPAN = /^\s*\(?[A-E][).:]\s*(?:\$|\\[([])/;

/** A phrase that judges an answer instead of giving one ("the answer is correct"). */
const JUDGEMENT =
  /^(?:correct|right|wrong|incorrect|consistent|confirmed|verified|valid|indeed|not|reasonable|plausible|accurate|sound|complete|well-explained)\b/i;

/** The answer phrase after one marker match, or undefined when it is empty or only a judgement. */
/** A code fence right after an answer marker (its language tag, its body up to the closing fence or the end). */
const FENCE_AFTER_MARKER = /^[\s:*]*```[A-Za-z]*[ \t]*\n([\s\S]{0,2000}?)(?:\n[ \t]*```|\s*$)/;

/** An "answer" key of a JSON object (counted: JSON.parse keeps only the last of repeated keys). */
const ANSWER_KEY = /"answer"\s*:/g;

/**
 * The answer a code fence after the marker holds: a JSON object's `answer` (or `final_answer`),
 * else a one-line body. "The final answer is:\n```json\n{"reasoning": ..., "answer": "6"}\n```"
 * read the language tag `json` (ZeroEval's JSON answer format: yuchenlin/ZeroEval result_dirs,
 * Llama-3.1 on GSM8K and MATH level 5). Two answer fields that differ, or one written twice, give
 * none.
 */
function fencedAnswer(body: string): string | undefined {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) return trimmed === '' || trimmed.includes('\n') ? undefined : trimmed;
  if ((trimmed.match(ANSWER_KEY) ?? []).length > 1) return undefined;
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed === null || typeof parsed !== 'object') return undefined;
    record = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const answer = record['answer'] ?? undefined;
  const final = record['final_answer'] ?? undefined;
  if (answer !== undefined && final !== undefined && answer !== final) return undefined;
  const value = answer ?? final;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * The Chinese copula of an answer phrase (为, 是, 等于 after a word), when it has exactly one and no
 * qualifier (`结果不是 $5$`, `大约是 5`): "最小值为 5，最大值为 7" names two values, and a qualified
 * phrase is read whole so that its qualifier is seen (phraseHedge).
 */
function hanCopula(sentence: string): RegExpExecArray | undefined {
  if (!beyondAscii(sentence) || !HAN_CHARACTER.test(sentence) || chineseQualifier(sentence) !== undefined)
    return undefined;
  HAN_COPULA.lastIndex = 0;
  const first = HAN_COPULA.exec(sentence);
  if (first === null) return undefined;
  return HAN_COPULA.exec(sentence) === null ? first : undefined;
}

/** The verb of an answer phrase whose subject names the answer: "is", "equals"; in Chinese 为, 是, 等于. */
const COPULA = /\s(?:is|are|was|equals)\s+(?=\S)/gi;
const HAN_COPULA = /(?<=[\u4e00-\u9fff])(?:为|是|等于)\s*(?=\S)/g;
const HAN_CHARACTER = /[\u4e00-\u9fff]/;

/**
 * A full stop that ends a sentence: before a capital, not an escaped `\.`, nor a title's (`Mrs.`);
 * or after a value (a digit, a closing `$`, brace or bracket) and before a number, "19. 18 is not
 * the answer" (a decimal has no space after its point; "No. 5", "approx. 3" end no sentence), or
 * after a word of three letters or more and before a number ("The answer is unknown. 18 might also
 * work." read its last number: a red team of stop 35), unless the word is an abbreviation.
 */
const SENTENCE_END =
  /(?<!\\)(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Mt|vs))\.\s+(?=[A-Z])|(?<=[\d$})\]])\.\s+(?=-?\d)|(?<=[a-z]{3})(?<!\b(?:approx|nos|fig|eqn|vol|sec|est|art|par|ref|tab|thm|lem|prop|cor|def|resp|viz|etc|incl|excl|min|max|avg|tot|ans))\.\s+(?=-?\d)/;

function phraseAt(text: string, match: RegExpExecArray, extractor: ExtractorName): Extraction | undefined {
  const markerEnd = match.index + match[0].length;
  const fence = text.includes('```', markerEnd)
    ? FENCE_AFTER_MARKER.exec(text.slice(markerEnd, markerEnd + 2100))
    : null;
  if (fence !== null) {
    const answer = fencedAnswer(fence[1] ?? '');
    if (answer !== undefined) {
      const content = cleanPhrase(answer);
      if (content !== '')
        return { text: content, extractor, end: markerEnd + fence[0].length, start: match.index };
    }
  }
  const line = restOfLine(text, markerEnd);
  // Stop at the end of the sentence: "The answer is 5. Next we ..." keeps "5".
  // ("Mrs. Rylan used $3200": a title's full stop ends no sentence.)
  let sentence = line.content.split(SENTENCE_END)[0] ?? '';
  // "$x \equiv 3 \pmod 7$, or equivalently $x \equiv 10 \pmod 7$": the answer, then its restatement.
  const restatement = splitRestatement(sentence);
  if (restatement !== undefined) sentence = restatement.answer;
  const lead = sentence.length - sentence.replace(/^[*_\s:]+/, '').length;
  const clause = CLAUSE_BREAK.exec(sentence.slice(lead));
  let alternative: string | undefined = restatement?.restated;
  if (clause !== null && clause.index > 0 && !isLeadIn(sentence.slice(lead, lead + clause.index))) {
    const tail = sentence.slice(lead + clause.index);
    const offered = ALTERNATIVE.exec(tail);
    if (offered !== null) {
      alternative = (offered[1] as string).trim();
      // "17 hours (or 1020 minutes), or 19 hours": a value after the parenthesis offers more (stop
      // 36's red team: a restatement in the parenthesis hid the second value).
      const rest = tail.slice(offered[0].length);
      if (/\d/.test(rest)) alternative = `${alternative} ${rest.trim()}`;
    }
    sentence = sentence.slice(0, lead + clause.index);
  }
  // "4 (Thursday is the fourth day of the week)": the remark's own "is" is not the answer's.
  sentence = withoutParentheticalRemark(sentence);
  // "5, obviously": a comment word after a comma is no second item.
  sentence = withoutTrailingRemark(sentence);
  // "The largest $n$ is 34" keeps what follows the last "is"; so does a Chinese answer's
  // "切线方程为 $y=2x-2$" ("the tangent is"; 为, 是, 等于 after a word).
  const verb = lastMatch(sentence, COPULA) ?? hanCopula(sentence);
  const before = verb === undefined ? '' : sentence.slice(0, verb.index);
  const afterVerb = verb === undefined ? '' : sentence.slice(verb.index + verb[0].length);
  const content = cleanPhrase(
    verb !== undefined && (/[A-Za-z]{3,}/.test(before) || HAN_CHARACTER.test(before))
      ? (valueBeforeVerb(before, afterVerb) ?? afterVerb)
      : sentence,
  );
  // A phrase that ends in a colon leads into working ("【答案】\n首先，我们解这个方程组：" then the
  // equations): no answer.
  if (content === '' || JUDGEMENT.test(content) || /[:：]$/.test(content)) return undefined;
  const found: Extraction = { text: content, extractor, end: line.end, start: match.index };
  if (alternative !== undefined && alternative !== '') found.alternative = cleanPhrase(alternative);
  return found;
}

/**
 * Words before an answer marker that deny it is the answer: "Wrong answer: 43", "The incorrect
 * answer is 43", "Not the final answer: 43", "One might think the answer is 43".
 */
const DISOWNED_MARKER =
  /(?:\b(?:wrong|incorrect|rejected|false|mistaken|tempting|naive|invalid|not\s+the)\s+(?:final\s+)?|\b(?:might|would|could|may)\s+think\s+(?:that\s+)?(?:the\s+)?(?:final\s+)?)$/i;

/** Literal words one of which every DISOWNED_MARKER phrase holds: a cheap test before the pattern. */
const DISOWNING_MARKER_WORDS =
  /wrong|incorrect|rejected|false|mistaken|tempting|naive|invalid|not the|think/i;

/** The last marker match whose phrase is an answer (a later "the answer is correct" is skipped). */
function phraseAfter(
  text: string,
  pattern: RegExp,
  extractor: ExtractorName,
  isMarker?: (text: string, match: RegExpExecArray) => boolean,
): Extraction | undefined {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (isMarker === undefined || isMarker(text, match)) matches.push(match);
    if (match[0] === '') pattern.lastIndex++;
  }
  for (let index = matches.length - 1; index >= 0 && index >= matches.length - 4; index--) {
    const match = matches[index] as RegExpExecArray;
    const found = phraseAt(text, match, extractor);
    // A marker labelled wrong ("Wrong answer: 43") is no answer: the one before it may be.
    if (found === undefined) continue;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (!DISOWNING_MARKER_WORDS.test(before) || !DISOWNED_MARKER.test(before)) return found;
  }
  return undefined;
}

/** "Final answer", "The final answer is", "the answer is", "answer =" (not a bare "the answer", nor "the answer isn't"). */
const FINAL_ANSWER =
  /final answers?(?:\s*(?:(?:is|are|would be|will be)(?![A-Za-z'’])|:|=))?\s*(?:[:=])?|\banswers?\s*(?:(?:is|are|would be|will be|should be)(?![A-Za-z'’])|=)\s*(?:[:=])?/gi;
/**
 * "Answer:", or a line that is only the word as a heading: `# Answer` (PRM800K's and PRMBench's
 * ending), `## Answers`, `**Answer**`, a bare `Answer` line; the answer is on the next non-empty line.
 */
const ANSWER_COLON =
  /\banswer\s*\**\s*[:：]|(?<![^\n])[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?answers?(?:\*\*|__)?[ \t]*(?=\r?\n)/gi;
/**
 * "Answer:" in French and Chinese (multilingual benchmarks), and the bracketed heading `【答案】` of
 * Chinese exam solutions (GAOKAO-Bench's `【解析】...【答案】2\sqrt{3}`), tried second, after a native scan.
 */
const FOREIGN_ANSWER_COLON = /(?:\bréponse|答案)\s*\**\s*[:：]|[【[]\s*答案\s*[】\]]\s*[:：]?/gi;

/**
 * Whether the text holds "answer" in any letter case (what `/answer/i` tests), looked for from its
 * rarest letter with `indexOf`: most word-problem solutions have none, and the two marker regexes
 * above (each a case-blind scan of the whole text) then need not run.
 */
export function mentionsAnswer(text: string): boolean {
  // The extractors of one response ask in turn (answer tag, final answer, answer colon): one walk.
  if (text !== lastAsked) {
    lastAsked = text;
    lastMentions = answerAround(text, 'w') || answerAround(text, 'W');
  }
  return lastMentions;
}
let lastAsked: string | undefined;
let lastMentions = false;

function answerAround(text: string, letter: 'w' | 'W'): boolean {
  for (let index = text.indexOf(letter, 3); index >= 0 && index + 2 < text.length; ) {
    let word = true;
    for (let offset = 0; offset < 6 && word; offset++) {
      // `| 32` folds an ASCII capital to its small letter; nothing else folds to a small letter.
      word = (text.charCodeAt(index - 3 + offset) | 32) === ANSWER_CODES[offset];
    }
    if (word) return true;
    index = text.indexOf(letter, index + 1);
  }
  return false;
}
const ANSWER_CODES: readonly number[] = [97, 110, 115, 119, 101, 114];

function finalAnswer(text: string): Extraction | undefined {
  return mentionsAnswer(text) ? phraseAfter(text, FINAL_ANSWER, 'final_answer') : undefined;
}

/** Words that may stand before "answer:" on its line when it marks the answer ("Final answer:"). */
const MARKER_LEAD_WORDS = new Set(
  'final the my our correct short numerical numeric exact so thus therefore hence and step part'.split(' '),
);

/**
 * Whether an ANSWER_COLON match marks the answer. "answer:" does unless it ends a bold heading about
 * something else: "1. **Pairs with a common answer:** ... = 120" read 120 against gold 120 where the
 * solution went on to m <= 5 (found while probing a held-out suite of real outputs). Not a marker: a
 * phrase opened by a bold mark (`**`) with two or more words before "answer" outside
 * MARKER_LEAD_WORDS. Any other phrase marks ("we get the answer: 12", "A different valid answer: 7").
 * An `Answer` heading does when its line below states a value (answerBelowHeading).
 */
function marksAnswer(text: string, match: RegExpExecArray): boolean {
  if (!match[0].endsWith(':') && !match[0].endsWith('：')) return answerBelowHeading(text, match);
  const at = match.index;
  const before = text.slice(Math.max(0, at - 80), at);
  const opening = lastPhraseBreak(before);
  if (opening < 0 || before[opening] !== '*') return true;
  let others = 0;
  for (const word of before.slice(opening + 1).matchAll(/[A-Za-z]+/g)) {
    if (!MARKER_LEAD_WORDS.has(word[0].toLowerCase()) && ++others > 1) return false;
  }
  return true;
}

/** A word of four letters or more that is no LaTeX command (`sqrt` of `\sqrt` is not one). */
const PROSE_WORD = /(?<![\\A-Za-z])[A-Za-z]{4}/;

/**
 * Whether the line below an `Answer` heading is the answer: it is the last line of the response, and
 * a value ("11\sqrt{2}", "-2 + 7i", "$18$": no word of four letters or more) or one sentence ("The
 * total is 18."). A heading over the working ("## Answer\n\n3 + 4 = 7\n7 + 5 = 12") or followed by a
 * correction ("Answer\n42\n\nThus 43.") is no marker (a red team of stop 26). Held-out QwQ
 * solutions of PRMBench ending "# Answer\n\n 11\sqrt{2}" had read the last number, 2.
 */
function answerBelowHeading(text: string, match: RegExpExecArray): boolean {
  const line = restOfLine(text, match.index + match[0].length);
  // Nothing below, or another heading: no answer.
  if (line.content === '' || line.content.startsWith('#')) return false;
  if (hasTextAfter(text, line.end)) return false;
  return !PROSE_WORD.test(line.content) || !SENTENCE_BREAK.test(line.content);
}
const SENTENCE_BREAK = /[.!?]\s+\S/;

/** The index of the last sentence break, comma, colon, bracket or bold mark (`*`) in the text, else -1. */
function lastPhraseBreak(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) {
    if ('.!?:;,\n*[('.includes(text[index] as string)) return index;
  }
  return -1;
}

function answerColon(text: string): Extraction | undefined {
  const found = mentionsAnswer(text)
    ? phraseAfter(text, ANSWER_COLON, 'answer_colon', marksAnswer)
    : undefined;
  if (found !== undefined || !(text.includes('答案') || text.includes('éponse'))) return found;
  return phraseAfter(text, FOREIGN_ANSWER_COLON, 'answer_colon');
}

/** Inline `$...$` follows pandoc's rule: no space inside either dollar, no digit right after the closing one. */
function isInlineMath(text: string, open: number, close: number): boolean {
  // A digit right after the closing dollar: currency ("$5 and $10").
  // (In bounds only: a read past the end would deoptimise the callers' optimised code.)
  const after = close + 1 < text.length ? text.charCodeAt(close + 1) : -1;
  if (after >= 48 && after <= 57) return false;
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '') return false;
  // Currency: "$5 and then $" opens on a digit and closes after a space.
  if (/^\s*\d/.test(inner) && /\s$/.test(inner)) return false;
  if (/^\s/.test(inner) && !/[\\^_=]/.test(inner)) return false;
  // Prose between two currency signs is not math: "costs $5 and then $".
  return !/\b[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(inner.replace(/\\[A-Za-z]+(\{[^{}]*\})?/g, ''));
}

/**
 * Text between two math spans that joins them into one answer: `$x=-3$ or $x=2$`; with LaTeX
 * spacing (`$3$ \quad or \quad $5$`, `~`) or a word of doubt after "or" (`$3$ or maybe $5$`: two
 * values offered, red team of stop 24); in any letter case, "and/or", `\text{or}`, "or even", "or
 * else", ", maybe" (red team of stop 27), ", or maybe", "— or", "/", 或 and 还是 ("or"; red team of stop
 * 29).
 */
const SPAN_JOINER =
  /^(?:\s|~|\\q?quad\b|\\[,;:! ])*(?:[,;]\s*(?:maybe|perhaps|possibly)|,|;|and\/or|and|(?:,\s*)?or(?:\s*,)?(?:\s+(?:maybe|perhaps|possibly|probably|likely|even|else|rather))?,?|,\s*(?:and|or)|\\text\{\s*(?:and|or)\s*\}|(?:—|–|-{1,2})\s*or(?:\s+(?:maybe|perhaps|possibly|probably|likely|even|else|rather))?|\/|或者?|还是)(?:\s|~|\\q?quad\b|\\[,;:! ])*$/i;

/** The later of two candidates (no closure in this hot path). */
function later(best: Extraction | undefined, content: string, end: number): Extraction | undefined {
  const trimmed = content.trim();
  if (trimmed === '' || (best !== undefined && end <= best.end)) return best;
  if (joinedSpansStart < 0) return { text: trimmed, extractor: 'latex', end };
  return { text: trimmed, extractor: 'latex', end, valueStart: joinedSpansStart };
}

/** Display and parenthesised math delimiters, read before the single dollars. */
const MATH_DELIMITERS: readonly (readonly [open: string, close: string])[] = [
  ['\\(', '\\)'],
  ['\\[', '\\]'],
  ['$$', '$$'],
];

/**
 * A math span set aside: ruled out by the words before it ("$40$, not $50$", "\(40\), not
 * \(50\)", ruled-out-value.ts) or rejected by those after it ("since $x=-3$ is rejected"), offered beside the value before it ("$17$ (or $19$)": that value,
 * with this one as its alternative, offered-value.ts), or the condition of the value before it
 * ("$5$ when $x = 2$", condition-span.ts). No candidate; the answer is read from the text before
 * the span (`before`). Undefined when the span is none of these.
 */
function setAsideSpan(
  text: string,
  open: number,
  contentStart: number,
  content: string,
  end: number,
  depth: number,
): { before: Extraction | undefined } | undefined {
  // Each level reads the text before the span again: a chain of such spans is read three deep.
  if (depth >= MAX_SET_ASIDE_DEPTH) return undefined;
  if (endBeforeRuledOut(text, contentStart) !== undefined)
    return { before: lastLatex(text.slice(0, open), depth + 1) };
  // "$x = 18$ is the answer, since $x=-3$ is rejected.": the span is a root the reason discards.
  if (isRejectedSpan(text, open, end)) {
    const before = lastLatex(text.slice(0, open), depth + 1);
    // The rejected span's numbers (`-3` of `x=-3`) are no later answer for the fallback.
    if (before !== undefined) before.coversTo = end;
    return { before };
  }
  // "$17$ (or $19$)": the value stated before, with this one as its alternative (offered-value.ts).
  // The stated value may be a plain number ("So 1/2 (or $\frac12$)").
  const statedEnd = endBeforeOfferedValue(text, contentStart, end);
  if (statedEnd !== undefined) {
    const before = lastLatex(text.slice(0, open), depth + 1) ?? lastNumber(text.slice(0, statedEnd));
    if (before !== undefined) {
      if (before.alternative === undefined) before.alternative = content.trim();
      // The offered span's numbers (`12` of `\frac12`) are no later answer for the fallback.
      before.coversTo = end;
    }
    return { before };
  }
  // "$5$ when $x = 2$", "$f(x) = 0$ for all $x > 0$": the span is the condition of the value before it.
  const valueEnd = conditionedValueEnd(text, open, content);
  if (valueEnd === undefined) return undefined;
  const valued = text.slice(0, valueEnd);
  const before = isDigitCode(text.charCodeAt(valueEnd - 1))
    ? lastNumber(valued)
    : lastLatex(valued, depth + 1);
  // The value must be the span or number that ends right before the condition (not any earlier one).
  if (before === undefined || before.end !== valueEnd) return undefined;
  before.coversTo = end;
  before.condition = content.trim();
  return { before };
}
/** How many spans set aside (ruled out, or a condition) are read through, one before the other. */
const MAX_SET_ASIDE_DEPTH = 3;

/** A math span: its content (trimmed), where its opening delimiter starts and its closing one ends. */
interface MathSpan {
  content: string;
  open: number;
  end: number;
}

/**
 * Words that open a condition right before a span, at the start of a sentence ("Since
 * $x>0$, $x = 5$", "For $n = 3$, $f(n) = 5$"): joined to the next span by punctuation only, the
 * span is that condition, not an item of a list. Inside a clause the same words introduce a list
 * ("The function is zero at $x=1$, $x=2$, and $x=3$", "Equality holds when $x = 2$, $x = 3$").
 */
const OPENS_CONDITION =
  /(?:^|[.!?;:\n]\s*)(?:since|for|if|when|whenever|with|given|because|assuming|substituting|plugging\s+in|using|setting|letting|putting|taking|at)\s*$/i;

/**
 * Where the first span of the last `joinedSpans` call opens when it joined more than one (its text
 * is then not in the response verbatim: Extraction.valueStart), else -1. A second result kept
 * beside the returned text, not an object per call: this runs for every response with a `$`.
 */
let joinedSpansStart = -1;

/** Spans joined to the last one (SPAN_JOINER), the last one included (a list of answers is shorter). */
const MAX_JOINED_SPANS = 64;

/**
 * The last span and the spans before it that SPAN_JOINER joins to it, as one text: `$x=-3$ or $x=2$`
 * reads `x=-3 or x=2`, `\(n = 5\) and \(n = 15\)` reads `n = 5, n = 15`. `previousOf` gives the span
 * right before a span (or none); the walk stops at the first gap that does not join, so a response
 * pays only for the spans that end it. The text is built as the group grows (as in boxed).
 */
function joinedSpans(
  text: string,
  last: MathSpan,
  previousOf: (span: MathSpan) => MathSpan | undefined,
): string {
  let first = last;
  let joined = last.content;
  for (let count = 1; count < MAX_JOINED_SPANS; count++) {
    const previous = previousOf(first);
    if (previous === undefined) break;
    const joiner = text.slice(previous.end, first.open);
    if (!SPAN_JOINER.test(joiner)) break;
    // "Since $x>0$, $x = 5$.": a span opened by a condition word, then a comma, is that condition.
    if (
      !/[a-z]/i.test(joiner) &&
      OPENS_CONDITION.test(text.slice(Math.max(0, previous.open - 28), previous.open))
    )
      break;
    first = previous;
    // "or" is kept: `a = 0` or `b = 0` are alternatives, `a = 0`, `b = 0` a point (equation-disjunction.ts).
    joined = `${previous.content}${/or|或|还是/.test(joiner) ? ' or ' : ', '}${joined}`;
  }
  joinedSpansStart = first === last ? -1 : first.open;
  return joined;
}

/** The span of one delimiter pair (`\(...\)`, `\[...\]`, `$$...$$`) that closes last before `before`. */
function delimitedSpanBefore(
  text: string,
  [open, close]: readonly [open: string, close: string],
  before: number,
): MathSpan | undefined {
  const closeIndex = text.lastIndexOf(close, before - 1);
  if (closeIndex < 0) return undefined;
  const openIndex = text.lastIndexOf(open, closeIndex - 1);
  if (openIndex < 0 || openIndex + open.length > closeIndex) return undefined;
  return {
    content: text.slice(openIndex + open.length, closeIndex).trim(),
    open: openIndex,
    end: closeIndex + close.length,
  };
}

function lastLatex(text: string, depth = 0): Extraction | undefined {
  // Every delimiter holds a `$` or a backslash: prose without either has no math span.
  if (!text.includes('$') && !text.includes('\\')) return undefined;
  const spans = inlineDollarSpans(text);
  /**
   * The span of any kind that ends last at or before `at`: spans of different delimiters join as
   * spans of one do ("So we get $5$ or \(6\)." offers two values, as `$5$ or $6$` does).
   */
  const spanBefore = (at: number): MathSpan | undefined => {
    let found: MathSpan | undefined;
    for (const delimiters of MATH_DELIMITERS) {
      const span = delimitedSpanBefore(text, delimiters, at);
      if (span !== undefined && (found === undefined || span.end > found.end)) found = span;
    }
    for (let index = spans.length - 1; index >= 0; index--) {
      const span = spans[index] as MathSpan;
      if (span.end > at) continue;
      if (found === undefined || span.end > found.end) found = span;
      break;
    }
    return found;
  };
  let best: Extraction | undefined;
  for (const delimiters of MATH_DELIMITERS) {
    const [open, close] = delimiters;
    const closeIndex = lastIndexIn(text, close);
    if (closeIndex < 0) continue;
    const openIndex = text.lastIndexOf(open, closeIndex - 1);
    if (openIndex >= 0 && openIndex + open.length <= closeIndex) {
      const setAside = setAsideSpan(
        text,
        openIndex,
        openIndex + open.length,
        text.slice(openIndex + open.length, closeIndex),
        closeIndex + close.length,
        depth,
      );
      if (setAside === undefined) {
        const last: MathSpan = {
          content: text.slice(openIndex + open.length, closeIndex).trim(),
          open: openIndex,
          end: closeIndex + close.length,
        };
        best = later(
          best,
          joinedSpans(text, last, (span) => spanBefore(span.open)),
          last.end,
        );
      } else if (setAside.before !== undefined && (best === undefined || setAside.before.end > best.end)) {
        best = setAside.before;
      }
    }
  }
  const last = spans[spans.length - 1];
  if (last !== undefined && (best === undefined || best.end <= last.end)) {
    const setAside = setAsideSpan(text, last.open, last.open + 1, last.content, last.end, depth);
    if (setAside !== undefined) return setAside.before;
  }
  if (last !== undefined) {
    best = later(
      best,
      joinedSpans(text, last, (span) => spanBefore(span.open)),
      last.end,
    );
  }
  return best;
}

/** The text's inline `$...$` spans in order: dollars paired from the left, skipping escaped `\$` and `$$`. */
function inlineDollarSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let open = -1;
  for (let index = text.indexOf('$'); index >= 0; index = text.indexOf('$', index + 1)) {
    let backslashes = 0;
    while (text[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) continue;
    if (text[index + 1] === '$') {
      index++;
      open = -1;
      continue;
    }
    if (open < 0) {
      open = index;
    } else if (isInlineMath(text, open, index)) {
      spans.push({ content: text.slice(open + 1, index).trim(), open, end: index + 1 });
      open = -1;
    } else {
      open = index;
    }
  }
  return spans;
}

/** A letter of a script other than Latin and Greek: prose in Chinese, Arabic, Hindi ... */
const OTHER_SCRIPT_LETTER = /(?=\p{L})[^\p{Script=Latin}\p{Script=Greek}]/u;
/**
 * A word of two Latin letters or more with a precomposed accented one: prose in Vietnamese,
 * French, Spanish ("Vậy quãng đường là 120 km.", "51 đô la"), whose words have no run of three
 * ASCII letters for the English test to find. Mathematics writes no such words (a bar or a dot
 * over a variable is a combining mark or a command).
 */
const ACCENTED_LATIN_WORD =
  /(?<!\p{Script=Latin})(?=\p{Script=Latin}{2})\p{Script=Latin}*(?=[^\x00-\x7f])\p{Script=Latin}/u;

/** Longest response read whole as one expression (a bare answer is short). */
const MAX_WHOLE_EXPRESSION_CHARS = 300;
/**
 * Longest response read whole when it is one LaTeX expression (a backslash, no `=`): a product of
 * roots of unity runs to 409 characters (MARIO_EVAL demo.py). The parser's own limit
 * (MAX_LATEX_CHARS). A long derivation (`\sum ... = ... + \cdots = 1`) is left to the fallbacks.
 */
const MAX_WHOLE_LATEX_CHARS = 600;

/** Whether trimmed text may end in `$`, `\]` or `\)` (then a full stop): a cheap test before the regex. */
function mayEndInMathDelimiter(content: string): boolean {
  const body = content.endsWith('.') ? content.slice(0, -1).trimEnd() : content;
  const last = body[body.length - 1];
  return last === '$' || last === ']' || last === ')';
}

/**
 * Whether "and" or "or" may follow a digit or a closing bracket, spaces between (`2 and 3`,
 * `(1) or`): a pre-check, true when unsure (a character beyond ASCII before it), false only when
 * no such word can. An `indexOf` walk over the words: a regex scan stops at every digit.
 */
function mayFollowValue(text: string): boolean {
  for (const word of JOINING_WORDS) {
    for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + 1)) {
      let before = index - 1;
      let code = before >= 0 ? text.charCodeAt(before) : -1;
      while (code === 32 || (code >= 9 && code <= 13)) code = --before >= 0 ? text.charCodeAt(before) : -1;
      if ((code >= 48 && code <= 57) || code === 41 || code === 93 || code === 125 || code >= 128)
        return true;
    }
  }
  return false;
}
const JOINING_WORDS: readonly string[] = ['and', 'or'];

/**
 * The whole response when it is itself one mathematical expression (`\dfrac{1}{3}`,
 * `-\frac{10}{9}`, `x = 5`, `(1, 2)`): no prose words outside `\text{}`, no sentence, no
 * paragraph. Tried before the last-number fallback, which would read `\frac{10}{9}` as 9.
 */
/** A closing `\)` or `\]`, the text up to the next opening `\(` or `\[`, and that opening. */
const NEXT_SPAN = /\\[)\]]([\s\S]*?)\\[([]/;

/** Whether the text holds two math spans joined by SPAN_JOINER (not side by side). */
function joinsSpans(content: string): boolean {
  const gap = NEXT_SPAN.exec(content)?.[1];
  return gap !== undefined && gap.trim() !== '' && SPAN_JOINER.test(gap);
}

function wholeExpression(text: string): Extraction | undefined {
  if (text.length > 2 * MAX_WHOLE_LATEX_CHARS) return undefined;
  let content = text.trim();
  if (
    content === '' ||
    (content.length > MAX_WHOLE_EXPRESSION_CHARS &&
      (content.length > MAX_WHOLE_LATEX_CHARS || !content.includes('\\') || content.includes('='))) ||
    content.includes('\n\n')
  )
    return undefined;
  content = content.replace(/^(?:\$\$?|\\\[|\\\()\s*/, '');
  if (mayEndInMathDelimiter(content)) content = content.replace(/\s*(?:\$\$?|\\\]|\\\))\s*\.?$/, '');
  content = content.trim();
  // A closing delimiter, a joining word and an opening one: several spans (`\(x=2\) or \(x =
  // 3\)`), which lastLatex joins into a list. (Spans side by side, `\(5\) \(6\)`, stay one text
  // that names several values.)
  if (content === '' || content.includes('$') || joinsSpans(content)) return undefined;
  // "x ≡ 3 (mod 7), or equivalently x ≡ 10 (mod 7)": one answer and its restatement (restatement.ts).
  const restatement = splitRestatement(content);
  if (restatement !== undefined) {
    const answer = wholeExpression(restatement.answer);
    const restated = wholeExpression(restatement.restated);
    if (answer === undefined || restated === undefined) return undefined;
    return { text: answer.text, extractor: 'whole_expression', end: text.length, alternative: restated.text };
  }
  // Each replacement only where its pattern can match (a command needs `\`, a call `(`): the
  // function-name scan alone cost about 1.5 µs on a prose response.
  let bare = content;
  if (bare.includes('\\'))
    bare = bare
      .replace(/\\(?:text|begin|end|mathrm|mathbf|operatorname)\s*\{[^{}]*\}/g, ' ')
      // A subscript names (`S_{\triangle ABC}`, `a_{max}`): its letters are no prose word.
      .replace(/_\{[^{}]*\}/g, ' ')
      .replace(/\\[A-Za-z]+/g, ' ');
  // `x ≡ 3 (mod 7)`: "mod" is notation, not a prose word.
  if (bare.includes('mod')) bare = bare.replace(/\bmod\b/g, ' ');
  // Python-style function calls (`exp(16)`, `sqrt(2)`) are mathematics, not prose.
  // The first word of three letters, found once: the function-name scan runs only when it is a
  // function name, and the prose test below reuses it while the text is unchanged.
  const firstWord = /[A-Za-z]{3,}/.exec(bare)?.[0];
  const uncalled = withoutFunctionCalls(bare, firstWord);
  // `x+zeta`, `beta+gamma`: Greek letters by name are symbols, not prose words.
  const called = withoutGreekNames(uncalled, uncalled === bare ? firstWord : undefined);
  let hasWord = called === bare ? firstWord !== undefined : /[A-Za-z]{3,}/.test(called);
  bare = called;
  // A sentence break or a question makes the text prose whatever words join its values (the
  // replacement below never makes or breaks either): tested first, so that prose skips the walk
  // over every "and" and "or" it holds.
  const sentence = /\.\s+[A-Za-z]{2}/.test(bare) || bare.includes('?');
  // Answers joined by words (`1728 and 1331`, `x = 2 or x = 3`) are still one list of answers.
  // The word first, then the lookbehind (the same matches; a lookbehind with `\s*` tried at every
  // position cost about a microsecond a response).
  const joinedByWord = !sentence && mayFollowValue(bare);
  if (joinedByWord) {
    bare = bare.replace(/(?:and|or)(?<=[\d)}\]]\s*(?:and|or))(?=\s*[-\d(\\A-Za-z])/g, ' ');
    hasWord = /[A-Za-z]{3,}/.test(bare);
  }
  if (
    (hasWord &&
      !(joinedByWord && /\d(?:or|and)/.test(bare) && !/[A-Za-z]{3,}/.test(bare.replace(GLUED_OR, ' ')))) ||
    sentence ||
    hasShortProseWords(bare) ||
    (/[^\x00-\x7f]/.test(bare) && (OTHER_SCRIPT_LETTER.test(bare) || ACCENTED_LATIN_WORD.test(bare)))
  ) {
    // A response that is only a number in words ("six", "twenty-one") or with a scale word
    // ("1 million", "2.5 billion") is that number.
    // A closing `.` or `!` read by hand: an unanchored `/[.!]$/` is tried at every position.
    const lastCode = content.charCodeAt(content.length - 1);
    const phrase = (lastCode === 46 || lastCode === 33 ? content.slice(0, -1) : content).trim();
    if (/^-?\d[\d,.]*\s+(?:hundred|thousand|million|billion|trillion|dozen)$/i.test(phrase))
      return { text: phrase, extractor: 'whole_expression', end: text.length };
    return parseNumberWords(phrase) === undefined
      ? undefined
      : { text: phrase, extractor: 'whole_expression', end: text.length };
  }
  return { text: content, extractor: 'whole_expression', end: text.length };
}

/**
 * Digits glued to a word (`AZYUK2A`, `H2O`) are not a number; after a command (`\cdot5`) they are.
 * The lookahead first: the lookbehinds then run only where a number can start.
 */
export const NUMBER =
  /(?=[-\d.√\\])(?:(?:(?<![A-Za-z])|(?<=\\[A-Za-z]+))(?:-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d\w-])|√?-?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?(?:\s*(?:\\?%|percent|pct(?![A-Za-z]))|\s?π)?|-?\.\d+)|-?\\[dt]?frac\{-?\d+(?:\.\d+)?\}\{\d+(?:\.\d+)?\})/g;

/**
 * A number that joins the last one: "x = 2 or x = 5", "-3 or 2", "1/4 or 1/2", "17或18", "120 ou
 * 130", "120 km hoặc 130 km" (not
 * "between 3 and 5"); a whole number, never the tail of one (`4` of `1/4`, `5` of `2.5`); a
 * currency sign before the last one still joins (`$3 or $5` is a hedge, not 5), and so does a
 * unit word (or two, accented letters too: `51 đô la or 71`; with a power, `3 cm^2 or 9 cm^2`) after the earlier one when they are
 * joined by "or" (`50 dollars or 40 dollars`, `2 hours or 120 minutes`: two values offered, never
 * the last one alone);
 * a comma list ends the response ("We get 17, 18, 19."): several answers, not the last one; "as
 * well as" lists like "and"; "to" joins only a range ("ranges from 2 to 3", RANGE_LEAD). An
 * earlier number may be written in scientific notation (`x = 2 x 10^5 or x = 3 x 10^5`,
 * scientific-notation.ts). A joiner is a word of its own: "neither 2 nor 3" is no unit `n` and "or".
 */
const JOINED_NUMBER =
  /(?:([A-Za-z])\s*=\s*)?(?<![\d./])(-?\d+(?:\.\d+)?(?:\/\d+)?(?:\s*(?:[x×*·]|\\times|\\cdot)\s*10\^(?:-?\d+|\{-?\d+\}|\(-?\d+\)))?)(\s+[A-Za-zÀ-ɏḀ-ỿ]{1,12}(?:\s+[A-Za-zÀ-ɏḀ-ỿ]{1,12})?(?:\^\{?\d\}?|[²³])?|\s*\(\s*[A-Za-z]{1,12}(?:\/[A-Za-z]{1,12})?(?:\^\{?\d\}?)?\s*\))?\s*,?\s*(?<![A-Za-zÀ-ɏḀ-ỿ])(or|and|as\s+well\s+as|to|ou|oder|hoặc|или|,|或者|或|、)\s*(?:([A-Za-z])\s*=\s*)?(?:\\?[$€£])?$/;
/** "or" in the languages whose prose the fallback reads (French, German, Vietnamese, Russian, Chinese). */
const OR_WORDS: ReadonlySet<string | undefined> = new Set(['or', 'ou', 'oder', 'hoặc', 'или', '或', '或者']);

/**
 * Characters no NUMBER match contains (see tail-scan.ts): a scan for the last number may start
 * right after one. Keep in step with NUMBER: its matches hold digits, signs, `.,/%\{}`, spaces,
 * `√`, `π` and the letters of `percent`, `pct` and `\dfrac`/`\tfrac`, never one of these.
 */
export const NUMBER_BREAKERS = breakerTable(
  '!"#$&\'()*+:;<=>?@[]^_`|~bghijklmoqsuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
);
/** An e-notation exponent right after a number's digits: `e8`, `E-19`, not a word (`3eggs`). */
const E_EXPONENT = /^[eE][-+]?\d+(?!\w|\.\d)/;
/** A mantissa and its `e`, right before an exponent's digits (`1.6e-` of `1.6e-19`). */
const E_MANTISSA = /(?<![\w.])-?\d+(?:\.\d+)?[eE][-+]?$/;

/**
 * `3e8`, `1.6e-19` read whole: NUMBER takes no digits right after a letter, so it matched the
 * mantissa (`3` of `3e8`) or, after a sign, the exponent (`19` of `1.6e-19`).
 */
function eNotationAround(
  text: string,
  match: RegExpExecArray,
): { text: string; start: number; end: number } | undefined {
  const end = match.index + match[0].length;
  if (end < text.length && (text.charCodeAt(end) | 32) === 101) {
    const exponent = E_EXPONENT.exec(text.slice(end, end + 12));
    if (exponent !== null)
      return { text: `${match[0]}${exponent[0]}`, start: match.index, end: end + exponent[0].length };
  }
  const before = match.index > 0 ? text[match.index - 1] : '';
  if ((before === '-' || before === '+' || before === 'e' || before === 'E') && /^\d+$/.test(match[0])) {
    const mantissa = E_MANTISSA.exec(text.slice(Math.max(0, match.index - 24), match.index));
    if (mantissa !== null && !/^(?:\w|\.\d)/.test(text.slice(end, end + 2)))
      return { text: `${mantissa[0]}${match[0]}`, start: match.index - mantissa[0].length, end };
  }
  return undefined;
}
/** The last number is looked for in this tail first (answers sit at the end), then further back. */
const NUMBER_TAIL_CHARS = 16;

function lastNumberMatch(text: string): RegExpExecArray | undefined {
  return lastMatchInTail(text, NUMBER, NUMBER_BREAKERS, NUMBER_TAIL_CHARS);
}

/**
 * Words before the first of two numbers joined by "to" that make them a range ("ranges from 2 to
 * 3", "anywhere from 40 to 45", "between 3 to 5", "roughly 3 to 5"): neither end is the answer.
 * "It went from 2 to 3" keeps 3, and "The ratio is 2 to 3" is left to the ratio rules.
 */
const RANGE_LEAD =
  /\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere|somewhere|between|roughly|about|approximately|around)\s+(?:from\s+|between\s+)?$/i;
/** A joiner JOINED_NUMBER knows that ends in a letter JOINER_ENDINGS leaves out ("as well as", "to"): read in place. */
function endsInWordJoiner(text: string, last: number): boolean {
  const code = text.charCodeAt(last) | 32;
  if (code === 111) {
    const before = text.charCodeAt(last - 2) | 32;
    return (text.charCodeAt(last - 1) | 32) === 116 && !(before >= 97 && before <= 122);
  }
  // "as" after a space ("is", "was" end in `s` too: rejected by their letters, no slice).
  return (
    code === 115 &&
    (text.charCodeAt(last - 1) | 32) === 97 &&
    isWhiteSpaceCode(text.charCodeAt(last - 2)) &&
    /\bas\s+well\s+as$/i.test(text.slice(Math.max(0, last - 16), last + 1))
  );
}
/** Last characters (after trailing spaces) of a window JOINED_NUMBER can match: its joiner, a label's `=` or a currency sign. */
const JOINER_ENDINGS: ReadonlySet<string> = new Set([
  'r',
  'd',
  'u',
  'c',
  'и',
  ',',
  '者',
  '或',
  '、',
  '=',
  '$',
  '€',
  '£',
]);

/**
 * A word of doubt between two numbers, with "or", "but" or a comma before it or alone ("3, or
 * maybe 9", "3, perhaps 9", "3 but possibly 9"): the earlier number is offered as much as the
 * later one. "probably" commits ("3 apples each, probably 12 in total" states 12). `DOUBT_ENDINGS` holds the last letters of those words (`e`, `s`, `y`), lower case.
 */
const DOUBT_WORDS = 'maybe|perhaps|possibly';
const DOUBTED_JOINER = new RegExp(String.raw`(?:(?:,|\bor\b|\bbut\b)\s*)?\b(?:${DOUBT_WORDS})\s*$`, 'i');
const DOUBT_ENDINGS: ReadonlySet<number> = new Set([101, 115, 121]);
const DOUBT_WORD_END = new RegExp(`(?:${DOUBT_WORDS})$`, 'i');

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A number, at most one space, a unit (or a rate of two; in parentheses too) and a caret: what stands before a unit's exponent. */
const NUMBER_UNIT_CARET = /\d\s?(?:\(\s*)?([A-Za-z]{1,12})(?:\/([A-Za-z]{1,12}))?\^\{?$/;

/**
 * The number before a unit when the number at `exponentAt` is that unit's power in plain text
 * (`25 cm^2`, `5 m^3`, `9.8 m/s^2`, `1,250 ft^{2}`): the value, where the last number was the 2.
 * Only units (`unit-words.ts`): `5 x^2` keeps its power.
 */
function unitExponentValue(text: string, exponentAt: number): RegExpExecArray | undefined {
  const before = text.charCodeAt(exponentAt - 1);
  if (before !== 94 && before !== 123) return undefined; // `^`, `{`
  const unit = NUMBER_UNIT_CARET.exec(text.slice(Math.max(0, exponentAt - 30), exponentAt));
  if (unit === null || !isUnitWord(unit[1] as string) || (unit[2] !== undefined && !isUnitWord(unit[2])))
    return undefined;
  const valueEnd = exponentAt - unit[0].length + 1;
  const value = lastNumberMatch(text.slice(0, valueEnd));
  return value !== undefined && value.index + value[0].length === valueEnd ? value : undefined;
}

/** The last-number fallback: "There are 10 objects. Here is the breakdown: ..." reads the first sentence (answer-first.ts). */
function lastNumberAnswer(text: string): Extraction | undefined {
  const stated = endOfStatedFirstSentence(text);
  return (stated === undefined ? undefined : lastNumber(text.slice(0, stated))) ?? lastNumber(text);
}

/** How many ruled-out, conditioned or offered values the last-number fallback reads back through ("40, not 50"). */
const MAX_RULED_OUT_DEPTH = 8;

function lastNumber(text: string, depth = 0): Extraction | undefined {
  let match = lastNumberMatch(text);
  if (match === undefined) return undefined;
  // "16 people think that horse #12 will win.": the identifier names, the quantity answers.
  if (match.index > 0 && text.charCodeAt(match.index - 1) === 35) {
    const earlier = lastNumberMatch(text.slice(0, match.index - 1));
    if (
      earlier !== undefined &&
      isIdentifierAfterQuantity(text, match.index, earlier.index + earlier[0].length)
    )
      match = earlier;
  }
  // "Step 4: days = 6\nStep 5: print(total_days)", "(2) Now ...", `a_{10}`: numbering, not a value;
  // "5.9 (3 sig. fig.)": a count of places (precision-note.ts).
  for (
    let skipped = 0;
    skipped < 4 && isLabelNumber(text, match.index, match.index + match[0].length);
    skipped++
  ) {
    const earlier = lastNumberMatch(text.slice(0, match.index));
    if (earlier === undefined) return undefined;
    match = earlier;
  }
  if (isPrecisionNote(text, match.index, match.index + match[0].length)) {
    // ("Rounded to 3 dp." with no value before it: the count is all there is.)
    match = lastNumberMatch(text.slice(0, match.index)) ?? match;
  }
  // "The area is 25 cm^2.": the last number is the unit's exponent; the value stands before the unit.
  const beforeUnit = unitExponentValue(text, match.index);
  if (beforeUnit !== undefined) match = beforeUnit;
  // A match that starts inside a digit run is the tail of digits glued to a word (`AZYUK999999`
  // would read 99999): no number.
  if (match.index > 0 && isDigitCode(text.charCodeAt(match.index - 1)) && isDigitCode(match[0].charCodeAt(0)))
    return undefined;
  // A response cut off inside an expression (`... + 1/71 + 1/`) arrived at no value.
  if (endsInDanglingOperator(text, match.index + match[0].length)) return undefined;
  const numbers = [match[0].endsWith(',') ? match[0].replace(/,+$/, '') : match[0]];
  // `3e8`, `1.6e-19`: the exponent is part of the number.
  // `4.65 x 10^-34`: the exponent's number in scientific notation (scientific-notation.ts).
  const whole = eNotationAround(text, match) ?? scientificNotationAround(text, match.index, match[0]);
  if (whole !== undefined) numbers[0] = whole.text;
  let start = whole?.start ?? match.index;
  let endsList: boolean | undefined;
  for (let count = 0; count < 8; count++) {
    const from = Math.max(0, start - 60);
    // The window's last character before trailing spaces, read in place (no slice, no trimEnd).
    const last = lastNonSpaceBefore(text, start, from);
    if (last < from) break;
    let window = text.slice(from, start);
    // "3, or maybe 9", "3, perhaps 9", "3 but maybe 9": a value offered with a word of doubt.
    const doubt =
      DOUBT_ENDINGS.has(text.charCodeAt(last) | 32) &&
      DOUBT_WORD_END.test(text.slice(Math.max(0, last - 7), last + 1))
        ? DOUBTED_JOINER.exec(window)
        : null;
    if (doubt !== null) window = `${window.slice(0, doubt.index)} or`;
    else if (!JOINER_ENDINGS.has(text[last] as string) && !endsInWordJoiner(text, last)) break;
    const joined = JOINED_NUMBER.exec(window);
    if (joined === null) break;
    const [, label, , unit, joinerWords, lastLabel] = joined;
    const joiner = joinerWords?.startsWith('as') ? 'and' : joinerWords;
    // "ranges from 2 to 3": a range, neither end an answer; any other "2 to 3" keeps the last.
    if (joiner === 'to') {
      if (numbers.length > 1 || unit !== undefined || !RANGE_LEAD.test(window.slice(0, joined.index))) break;
      const end = whole?.end ?? match.index + match[0].length;
      return { text: `from ${joined[2]} to ${numbers[0]}`, extractor: 'last_number', end };
    }
    const offered = OR_WORDS.has(joiner);
    // A word after the earlier number ("5 apples and 3") joins only as an alternative offered.
    if (unit !== undefined && !offered) break;
    const labelled = label !== undefined && lastLabel !== undefined;
    endsList ??= /^[)\]]?[\s.!。]*$/.test(text.slice(match.index + match[0].length));
    // "We get 17, 18, 19.", "Possible values: 42 and 43.", "between 42 and 43": several values end the response.
    // "Both 3 and 5 work": "both" opens a list wherever it ends.
    const listed =
      (endsList || (joiner === 'and' && /\bboth\s*$/i.test(window.slice(0, joined.index)))) &&
      (joiner === ',' || joiner === '、' || joiner === 'and');
    // A comma list's items are all labelled or none: "x > 2, x = 3" is a condition, then the answer.
    if (!offered && !labelled && !(listed && lastLabel === undefined)) break;
    numbers.unshift(joined[2] ?? '');
    start = from + joined.index;
    // "The root lies between 1 and 2.": a range, neither end nor both ends an answer.
    if (joiner === 'and' && numbers.length === 2 && /\bbetween\s*$/i.test(window.slice(0, joined.index))) {
      const end = whole?.end ?? match.index + match[0].length;
      return { text: `between ${numbers[0]} and ${numbers[1]}`, extractor: 'last_number', end };
    }
  }
  // "40, not 50", "40, not 50 or 60": the value stated before the ones ruled out (ruled-out-value.ts).
  const statedEnd =
    endBeforeRuledOut(text, start) ??
    endBeforeCondition(text, start) ??
    (numbers.length === 1
      ? endBeforeRejectedValue(text, start, whole?.end ?? match.index + match[0].length)
      : undefined);
  if (statedEnd !== undefined)
    return depth < MAX_RULED_OUT_DEPTH ? lastNumber(text.slice(0, statedEnd), depth + 1) : undefined;
  const end = whole?.end ?? match.index + match[0].length;
  // "x = 3 or x = 5. Checking, x = 3 is extraneous.": the discarded value is no answer.
  if (numbers.length === 1 && isDiscardedValue(text, end)) {
    const before = depth < MAX_RULED_OUT_DEPTH ? lastNumber(text.slice(0, start), depth + 1) : undefined;
    // A list before it ("x = 3 or x = 5. x = 3 is extraneous.") is no answer either (stop 36's red
    // team: a tuple gold was paid when both roots were discarded).
    return before === undefined || before.text.includes(',') ? undefined : before;
  }
  // "So 17 (or 19) apples.", "17, unless it is 19": the stated value, the other offered beside it.
  const offeredEnd = numbers.length === 1 ? endBeforeOfferedValue(text, start, end) : undefined;
  if (offeredEnd !== undefined) return statedBeside(text, offeredEnd, numbers[0] as string, depth);
  const closer = text[end];
  if (numbers.length > 1 && (closer === ')' || closer === ']')) {
    // `M[0][1] = (3, 6).`, "the shortest path is [0, 3, 5]": a tuple or a bracketed list that ends
    // the response is one answer, not its last item; a comma list that only closes some other
    // bracket keeps its last number alone.
    const opener = closer === ')' ? '(' : '[';
    if (text[start - 1] === opener && (opener === '(' || isBracketedList(text, start - 1, numbers.length))) {
      const tuple = `${opener}${numbers.join(', ')}${closer}`;
      // "(3, 2), unless it is (2, 3)": the tuple offered beside the one stated.
      const tupleOfferedEnd = endBeforeOfferedValue(text, start - 1, end + 1);
      if (tupleOfferedEnd !== undefined) return statedBeside(text, tupleOfferedEnd, tuple, depth);
      return { text: tuple, extractor: 'last_number', end: end + 1, valueStart: start - 1 };
    }
    return { text: numbers[numbers.length - 1] as string, extractor: 'last_number', end };
  }
  if (numbers.length === 1) return { text: numbers[0] as string, extractor: 'last_number', end };
  return { text: numbers.join(', '), extractor: 'last_number', end, valueStart: start };
}

/** The value stated before `statedEnd`, with the value offered beside it as its alternative (offered-value.ts). */
function statedBeside(
  text: string,
  statedEnd: number,
  offered: string,
  depth: number,
): Extraction | undefined {
  if (depth >= MAX_RULED_OUT_DEPTH) return undefined;
  const stated = lastNumber(text.slice(0, statedEnd), depth + 1);
  if (stated !== undefined && stated.alternative === undefined) stated.alternative = offered;
  return stated;
}

/**
 * Whether the `[` at `open` opens a list answer (`[0, 3, 5]`): three items or more, not an index
 * (`A[0, 5]`). A pair stays its last number: `[0, 5]` may be an interval as well as a list, and
 * read as either it paid a list gold and an interval gold alike (red teams of stop 29).
 */
function isBracketedList(text: string, open: number, items: number): boolean {
  return items > 2 && !/[A-Za-z]/.test(text[open - 1] ?? '');
}

const EXTRACTORS: Record<ExtractorName, (text: string) => Extraction | undefined> = {
  json_answer: jsonAnswerField,
  boxed,
  answer_tag: answerTag,
  gsm8k,
  final_answer: finalAnswer,
  answer_colon: answerColon,
  whole_expression: wholeExpression,
  latex: lastLatex,
  last_number: lastNumberAnswer,
};

/**
 * Words that say something about an answer without being one: "No other answer is possible.",
 * "My answer is final.", "The answer is correct.", "the final answer is unchanged", "is still the
 * same" after a box or a `####` line judge it, they state no value.
 */
const JUDGES_THE_ANSWER =
  /^(?:(?:not|also|still|indeed|now|thus|therefore|definitely|clearly|see|as)\s+)?(?:the\s+)?(?:unchanged|unaffected|possible|impossible|final|correct|incorrect|right|wrong|unique|clear|obvious|above|below|shown|given|same|valid|verified|confirmed|consistent|reasonable|complete|certain)\W*$/i;

/** A phrase that states a value (not "written in \boxed{}", "as shown above" or "possible"). */
function isStatedValue(phrase: string): boolean {
  if (phrase.includes('boxed')) return false;
  if (/[\d\\]/.test(phrase)) return true;
  return phrase.split(/\s+/).length <= 2 && !JUDGES_THE_ANSWER.test(phrase.trim());
}

const NEW_QUESTION = /\n\s*(?:#+\s*)?(?:question|problem|q)\s*\d*\s*[:.]/i;
const HYPOTHETICAL = /\b(?:would|could|might|if|unless|were)\b/i;

/** Markers whose answer, when stated after the last boxed one, is the final word. */
const LATER_STATEMENTS: readonly ExtractorName[] = ['final_answer', 'answer_colon'];

/**
 * An answer stated after a box or a `####` line (which ends at `after`) that states a value: the
 * response's final word. "\boxed{42} ... The answer is 41." and "#### 42\nThe answer is 41 or 42."
 * read the later statement (the second was paid 42: a soup_cli test of a grader's issue 1226,
 * round 7 of stop 35); "the answer would be 3 if we counted ..." is a hypothetical, not a new answer.
 */
function laterStatement(
  text: string,
  after: number,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  for (const later of LATER_STATEMENTS) {
    if (!priority.includes(later)) continue;
    const statement = EXTRACTORS[later](text);
    if (
      statement?.start !== undefined &&
      statement.start >= after &&
      isStatedValue(statement.text) &&
      !HYPOTHETICAL.test(text.slice(statement.start, statement.end))
    )
      return statement;
  }
  return finalAnswerBefore(text, after);
}

/**
 * A math span the words right after it call the final answer: "... $$(x + 2)^2 + y^2 = 4$$ This
 * is the final answer, describing a circle ..." after a box that held a parameter (a real output
 * of round 9 of stop 36: the box `a = 2` was read). The span must close right before the words.
 */
const FINAL_ANSWER_AFTER_SPAN =
  /(\$\$|\\\]|\$|\\\))\s*[.,]?\s*(?:this|that|which)\s+is\s+(?:the|my|our)\s+final\s+answer\b/gi;

function finalAnswerBefore(text: string, after: number): Extraction | undefined {
  if (!/final\s+answer/i.test(text.slice(after))) return undefined;
  FINAL_ANSWER_AFTER_SPAN.lastIndex = after;
  let last: RegExpExecArray | null = null;
  for (
    let match = FINAL_ANSWER_AFTER_SPAN.exec(text);
    match !== null;
    match = FINAL_ANSWER_AFTER_SPAN.exec(text)
  )
    last = match;
  if (last === null) return undefined;
  const spanEnd = last.index + (last[1] as string).length;
  const span = lastLatex(text.slice(0, spanEnd));
  if (span === undefined || span.end !== spanEnd || (span.valueStart ?? spanEnd) < after) return undefined;
  return { ...span, extractor: 'final_answer', end: last.index + last[0].length };
}

/**
 * Repairs transport damage before extraction: a unicode minus (U+2212, same length) becomes `-`,
 * JSON-escaped commands (`\\boxed{...}`, `\\frac`) get one backslash back, chat-template tokens
 * end the response.
 */
/** One scan that tells whether any repair may apply (the common response needs none). */
const MAY_NEED_REPAIR = /\u2212|<\||<\/?s>|<eo[ase]>|<｜|_of_turn>|INST\]|\\\\[A-Za-z]/;

/** MAY_NEED_REPAIR, after single-character searches (each of its patterns holds one of them). */
function mayNeedRepair(text: string): boolean {
  return (
    (text.includes('\\') ||
      text.includes('|') ||
      text.includes('_') ||
      text.includes(']') ||
      text.includes('s>') ||
      text.includes('<eo') ||
      text.includes('｜') ||
      text.includes('\u2212')) &&
    MAY_NEED_REPAIR.test(text)
  );
}

/** The response as the extractors read it (positions of an `Extraction` refer to this text). */
export function cleanResponse(response: string): string {
  // The verifier asks again for the text it extracted from (one-entry memo, as `mentionsAnswer`).
  if (response === lastCleaned.input) return lastCleaned.output;
  lastCleaned.input = response;
  lastCleaned.output = cleanedText(response);
  return lastCleaned.output;
}
const lastCleaned = { input: '', output: '' };

function cleanedText(response: string): string {
  // The reply of an echoed prompt, found in the whole text (its opening may lie before the tail).
  const reply = replyAfterPrompt(response);
  const tail = reply.length > MAX_SCANNED_CHARS ? reply.slice(-MAX_SCANNED_CHARS) : reply;
  const signed = mayHoldDashMinus(tail) ? dashesAsMinus(tail) : tail;
  if (!mayNeedRepair(signed)) return signed;
  const text = stripChatTokens(signed.includes('\u2212') ? signed.replace(/\u2212/g, '-') : signed);
  return repairEscapedCommands(text);
}

/** A GSM8K answer line's value: a number first, and no word of four letters or more. */
const ANSWER_LINE = /^(?![\s\S]*[A-Za-z]{4})[-+$\\({\s]*\d/;

/** A GSM8K `####` line or an `<answer>` tag that opens after `after` (a box's end), when those extractors are on. */
function markedAfter(
  text: string,
  after: number,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  if (priority.includes('gsm8k') && text.indexOf('####', after) >= 0) {
    const line = gsm8k(text);
    // A value (`#### 43`, `#### $43$`), not a markdown heading (`#### Verification`, `#### 1. Check`).
    if (line !== undefined && lastIndexIn(text, '####') >= after && ANSWER_LINE.test(line.text)) return line;
  }
  if (priority.includes('answer_tag') && text.indexOf('<answer>', after) >= 0) return answerTag(text);
  return undefined;
}

/** The first candidate found by the extractors in `priority` order (see the module comment). */
export function extractAnswer(response: string, priority: readonly ExtractorName[]): Extraction | undefined {
  const text = cleanResponse(response);
  for (let index = 0; index < priority.length; index++) {
    const name = priority[index] as ExtractorName;
    const found = EXTRACTORS[name](text);
    if (found === undefined) continue;
    if (found === CONFLICTING_FIELDS) return undefined;
    if (name === 'boxed') {
      // `\boxed{42} ... #### 43`, `\boxed{42} ... <answer>43</answer>`: a later explicit marker is the answer.
      const marked = markedAfter(text, found.end, priority);
      if (marked !== undefined) return marked;
    }
    if ((name === 'boxed' || name === 'gsm8k') && mentionsAnswer(text.slice(found.end))) {
      // "... \boxed{200} ... \boxed{255} ... Final Answer: The final answer is $10,455$."
      const statement = laterStatement(text, found.end, priority);
      if (statement !== undefined) return statement;
    }
    if (name === 'final_answer' && priority.includes('answer_colon')) {
      // "Final Answer: ... are:\n\[Answer: 009\]": the later statement is the answer.
      const colon = answerColon(text);
      if (
        colon?.start !== undefined &&
        found.start !== undefined &&
        colon.start > found.start &&
        // Not across a new question the model wrote itself ("Question 2: ... Answer: 12").
        !NEW_QUESTION.test(text.slice(found.start, colon.start))
      )
        return colon;
    }
    const next = priority[index + 1];
    if (WEAK_EXTRACTORS.has(name) && next !== undefined && WEAK_EXTRACTORS.has(next)) {
      const rival = EXTRACTORS[next](text);
      // "$\$125$, which is 25 more than ...": the later number compares the answer (comparison-clause.ts).
      if (
        rival !== undefined &&
        rival.end > (found.coversTo ?? found.end) &&
        !comparesStatedAnswer(text, found.end, rival.text, rival.end)
      )
        return rival;
    }
    return found;
  }
  return undefined;
}

/** Runs one extractor alone (for tests and for callers with their own policy). */
export function runExtractor(name: ExtractorName, text: string): Extraction | undefined {
  const found = EXTRACTORS[name](text);
  return found === CONFLICTING_FIELDS ? undefined : found;
}
