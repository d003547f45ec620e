import { hasTextAfter } from '../core/text.js';
import { beyondAscii } from './ascii-text.js';
import { chineseQualifier } from './chinese-qualifier.js';
import type { Extraction, ExtractorName } from './extraction.js';
import { holdsOtherScriptWord } from './foreign-prose.js';
import { isLeadIn } from './lead-in-clause.js';
import { lastLatex } from './math-span.js';
import { withoutParentheticalRemark } from './parenthetical-remark.js';
import { splitRestatement } from './restatement.js';
import { withoutTrailingRemark } from './trailing-remark.js';
import { valueBeforeVerb } from './value-before-verb.js';

/** The rest of the line after `index`, or the next non-empty line when that rest is empty. */
export function restOfLine(text: string, index: number): { content: string; end: number } {
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

/**
 * The answer to a question restated after a `Final Answer:` marker: the next line, when the
 * question is the rest of the marker's line ("Final Answer: How many Skittles does Juan have
 * left?"), opens with a question word, and the next line is the last of the response and states
 * its value without doubt, denial or condition. Anything else
 * ("... is this the final answer?\n12 is the subtotal.\nAdding tax gives 15.", a red team of stop
 * 38) is the question's line itself, which states no value.
 */
function restatedQuestionAnswer(
  text: string,
  marker: RegExpExecArray,
  question: { content: string; end: number },
): { content: string; end: number } {
  const markerEnd = marker.index + marker[0].length;
  if (!/[:：]\s*$/.test(marker[0]) || text.slice(markerEnd, question.end).includes('\n')) return question;
  if (!QUESTION_OPENING.test(question.content) || question.end >= text.length) return question;
  const next = restOfLine(text, question.end + 1);
  if (next.content === '' || hasTextAfter(text, next.end) || UNSURE_ANSWER_LINE.test(next.content))
    return question;
  return next;
}
/** An answer line that doubts, disowns or conditions its value ("Probably 0.", "0 is not right.", "If ..., 0."). */
const UNSURE_ANSWER_LINE =
  /\?|\b(?:not|no|wrong|incorrect|cannot|can't|probably|possibly|maybe|perhaps|might|if|unless|when|else|otherwise|either|sure|thought|guess\w*|would|could)\b/i;
/** A question word opening a restated question. */
const QUESTION_OPENING =
  /^[*_\s]*(?:what|how|which|who|whom|whose|when|where|why|is|are|was|were|does|do|did|can|could|will|would|should|find|calculate)\b/i;

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

/** A word between "answer is" and the value it leads into (a digit, a sign, `$`, `\`, a bracket). */
const LEADING_WORD =
  /^(?:therefore|thus|then|hence|clearly|obviously|simply|just|indeed|now|(?:calculated|computed|found|obtained)\s+as|given\s+by|equal\s+to)\s*,?\s+(?=[-\d$\\(])/i;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Cleans a phrase that follows "answer is": markdown, one math span, a closing period (`.` or `。`). */
export function cleanPhrase(phrase: string): string {
  let content = phrase
    // A leading `}` closes the `\text{The answer is }` the marker was read in.
    .replace(/^[*_\s:}]+/, '')
    .replace(/[*_\s.;,]+$/, '')
    .replace(/^(?:\\?["“”`])+|(?:\\?["“”`])+$/g, '')
    .replace(/[*_\s.;,]+$/, '')
    // A tag after the phrase ends it: "Answer: 10. <answer>." (real outputs round 12).
    .replace(/(?:[\s.]*<\/?(?:answer|think|solution)>)+[\s.]*$/i, '');
  // A word that leads into the value: "The answer is therefore 18 - 2 = 16", "is given by
  // $\frac{3}{4}$" (a red team of stop 41: read as a relation of prose and refused). Tried on a
  // phrase that opens with a letter (most open with the value).
  if (isAsciiLetter(content.charCodeAt(0))) content = content.replace(LEADING_WORD, '');
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
 * 18", "18; she sells ...", "18 since ...", "18 rather than 16"; "because" also in Spanish,
 * Portuguese, French, German, Italian, Russian and Swahili), a clause whose subject is a
 * number ("19; 18 is not the answer", "19, 18 isn't": the red team of stop 34 read 18; "2; 3; 5"
 * stays a list).
 */
const CLAUSE_BREAK =
  /(?:[,;]\s*|\s+)(?:потому\s+что|так\s+как|поскольку)(?=\s|$)|(?:[,;]\s*|\s+)(?:porque|parce\s+que|weil|denn|perché|kwa\s+sababu|because|since|as(?!\s+well\s+as\b)(?<!\bwell\s+as)|which|where|while|given|but|unless|thus|hence|so|after|when|i\.e\.|e\.g\.)\b|;\s+(?=[A-Za-z]{2,}\b(?!\s*=))|;\s+(?=-?\d[\d.,]*\s+(?:is|are|was|were)\b)|,\s+(?=-?\d[\d.,]*\s+(?:is|are|was|were)(?:\s+not|n['’]t)\b)|,\s+(?:she|he|they|we|i|it|this|that|there|the|you|so|then)\b|,\s+and\s+(?![-\d$\\(])|,\s*(?:not|rather than|instead of)\s|\s+(?:rather\s+than|instead\s+of)\s+(?=[-\d$\\(])|\s+(?:and|but)\s+not\s|\s*\((?=\s*(?:not|i\.e\.|e\.g\.|which|since|because|or|and|that)\b)/i;

/**
 * A parenthesis after the answer that offers another ("5 (or possibly 6)", "(or equivalently
 * 0.5)"): its value. The verifier wants it equal to the gold too: a different one is a hedge.
 */
const ALTERNATIVE =
  /^\s*\(\s*or\s+(?:(?:possibly|maybe|perhaps|equivalently|alternatively|rather|even|just|about|approximately|roughly)\s+|else\s+)*([^()]{1,80})\)/i;

/** A choice letter with its closing mark right before a math span: `C) $45^\circ$`, `(B) \(12\)`. */
const OPTION_LETTER_BEFORE_SPAN = /^\s*\(?[A-J][).:]\s*(?:\$|\\[([])/;

/**
 * A phrase that judges an answer instead of giving one ("the answer is correct"), or denies values
 * ("The answer is neither 4 nor 6; it is 5.": the fallback reads 5, where the phrase's last number,
 * 6, was read: an examiner's hard pairs of stop 47).
 */
const JUDGEMENT =
  /^(?:correct|right|wrong|incorrect|consistent|confirmed|verified|valid|indeed|not|reasonable|plausible|accurate|sound|complete|well-explained|neither(?=\s+\S*\d))\b/i;

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

/**
 * A sentence's end in text beyond ASCII that SENTENCE_END does not see (the comment in phraseAt),
 * and a full stop between a word of another script and a number ("18달러. 9 × 2 = 18").
 */
const FOREIGN_SENTENCE_END =
  /[.!?]\s+(?=[\p{Lu}\p{Lo}])|(?<=(?!\p{Script=Latin})\p{L})\.\s+(?=-?\d)|[。！？।]/u;

/** The answer phrase after one marker match, or undefined when it is empty or only a judgement. */
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
  const marked = restOfLine(text, markerEnd);
  // "Final Answer: How many Skittles does Juan have left?\nJuan has 0 Skittles left.": a question
  // restated after the marker (least-to-most prompting's ending, veronica320/Faithful-COT outputs of
  // real outputs round 11) is answered on the next line.
  const line = marked.content.endsWith('?') ? restatedQuestionAnswer(text, match, marked) : marked;
  // Stop at the end of the sentence: "The answer is 5. Next we ..." keeps "5".
  // ("Mrs. Rylan used $3200": a title's full stop ends no sentence.)
  let sentence = line.content.split(SENTENCE_END)[0] ?? '';
  // In other scripts: a full stop before a capital or a letter of a caseless script ("18 долларов.
  // Проверка: ...", "సమాధానం 18. ఆమె ..."), or a full stop of its own (`。`, the danda `।`).
  if (beyondAscii(sentence)) sentence = sentence.split(FOREIGN_SENTENCE_END)[0] ?? '';
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
  // Nor a question restated in another language ("### ✅ উত্তর:\n\n**ব্র্যান্ডনের iPhone কত বছর পুরনো
  // হয়?**\n**8 বছর**", real outputs round 17); one in English may be answered on the next line
  // (restatedQuestionAnswer) or, run on, read as the phrase it is.
  if (content === '' || JUDGEMENT.test(content) || /[:：]$/.test(content)) return undefined;
  if (/[?？]$/.test(content) && holdsOtherScriptWord(content)) return undefined;
  const found: Extraction = { text: content, extractor, end: line.end, start: match.index };
  if (alternative !== undefined && alternative !== '') found.alternative = cleanPhrase(alternative);
  return found;
}

/**
 * Words before an answer marker that deny it is the answer: "Wrong answer: 43", "The incorrect
 * answer is 43", "Not the final answer: 43", "One might think the answer is 43". Also an answer
 * offered beside the one stated ("Alternative answer: 9", "Another possible answer: 9" after "The
 * answer is 18": the first red team of stop 41 was paid 9): the marker before it is read, and the
 * hedge check sees the alternative after it.
 */
const DISOWNED_MARKER =
  /(?:\b(?:wrong|incorrect|rejected|false|mistaken|tempting|naive|invalid|not\s+the|reference|book['’]s|textbook|official|alternative|alternate|(?:an)?other\s+possible)\s+(?:final\s+)?|\b(?:(?:might|would|could|may)\s+think|(?:first|initially|originally|once),?\s+(?:I\s+|we\s+)?thought|suppose|supposing|assume|assuming|(?:students|people|others|someone|many|most)\s+(?:\w+\s+)?(?:think|say|believe|guess|answer|claim)s?|tempting\s+to\s+(?:say|think|answer|conclude)|(?:first|initial|original)\s+(?:guess|thought|answer|attempt)\s+(?:was|is))\s+(?:that\s+)?(?:the\s+)?(?:final\s+)?)$/i;

/**
 * Literal words one of which every DISOWNED_MARKER phrase holds: a cheap test before the pattern.
 * Also a supposed, remembered or quoted answer ("At first I thought the answer is 18, but ... 9",
 * "Suppose the answer is 18.", "Many students think the answer is 18", "The reference answer is 18,
 * but I get 27": a red team of stop 41 was paid 18 and refused the value the response ends on).
 * Not "if the answer is 18" nor "I thought": a verification supposes the answer it confirms
 * ("Verification: if the answer is 17, then 17 + 1 = 18, which matches": its second red team).
 */
const DISOWNING_MARKER_WORDS =
  /wrong|incorrect|rejected|false|mistaken|tempting|naive|invalid|not the|think|thought|suppos|assum|reference|book|official|say|believe|guess|claim|first|initial|original|alternat|possible/i;

/** The last marker match whose phrase is an answer (a later "the answer is correct" is skipped). */
export function phraseAfter(
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
