import { hasTextAfter } from '../core/text.js';
import { joinsBoxedAnswers } from './boxed-answer.js';
import type { Extraction } from './extraction.js';
import { foreignAnswer } from './foreign-answer-marker.js';
import { isDividerMarker } from './gsm8k-divider.js';
import { lastIndexIn } from './last-index.js';
import { cleanPhrase, phraseAfter, restOfLine } from './marker-phrase.js';

/**
 * The last `<answer>...</answer>`. A tag whose content opens with its own marker phrase ("final
 * answer: x = 6", "the final answer is 200 = 100 * 2") holds the phrase after the marker: read
 * whole, the marker's words made a relation of prose (a GSM8K reward model's tests, graders' round 11).
 * A tag with two markers is kept whole.
 */
export function answerTag(text: string): Extraction | undefined {
  const tag = mentionsAnswer(text) ? (lastTagBefore(text, text.length) ?? openTagAtEnd(text)) : undefined;
  const answer = tag === undefined ? undefined : tagAnswer(tag.content);
  if (tag === undefined || answer === undefined) return undefined;
  // Tags side by side are several answers, as boxes are (`<answer>42</answer> or
  // <answer>43</answer>`, "First: <answer>42</answer> Second: <answer>43</answer>": graders' round
  // 13 paid the last tag alone); a tag after a paragraph or a retraction stands alone, and so does
  // one after a tag of worked prose (its working: "<answer>2 + 3 = 5, so the total is
  // 5.</answer> <answer>5</answer>").
  const seen = new Set([sameAnswerKey(answer)]);
  let joined = answer;
  for (let previous = tagBeside(text, tag); previous !== undefined; previous = tagBeside(text, previous)) {
    const previousAnswer = tagAnswer(previous.content);
    if (previousAnswer !== undefined && isWorkedProse(previousAnswer)) break;
    // The same answer written again (`\frac{1}{2}`, `\dfrac{1}{2}`) is one answer.
    if (previousAnswer !== undefined && !seen.has(sameAnswerKey(previousAnswer))) {
      seen.add(sameAnswerKey(previousAnswer));
      joined = `${previousAnswer}, ${joined}`;
    }
  }
  return { text: joined, extractor: 'answer_tag', end: tag.close };
}

const OPEN_TAG = '<answer>';
const CLOSE_TAG = '</answer>';

interface AnswerTagPlace {
  /** Where `<answer>` and `</answer>` start. */
  open: number;
  close: number;
  content: string;
}

/** The last whole `<answer>...</answer>` whose closing tag starts at or before `before`. */
function lastTagBefore(text: string, before: number): AnswerTagPlace | undefined {
  const close = text.lastIndexOf(CLOSE_TAG, before);
  const open = close < 0 ? -1 : text.lastIndexOf(OPEN_TAG, close);
  return open < 0 ? undefined : { open, close, content: text.slice(open + OPEN_TAG.length, close) };
}

/** Longest content read from an answer tag left open at the end (an answer is short). */
const MAX_OPEN_TAG_CONTENT = 400;

/**
 * An `<answer>` tag that opens a line after the last closing tag and is never closed, its content
 * finished: a stop string of `</answer>` (GRPO recipes stop generation there) ends the response
 * without it. "<answer>\nVincent saves $6 by buying 18 flowers at the better price.\n" read the
 * text's last number, 18 (real outputs round 29, a Qwen3 GRPO rollout). Finished: followed by a
 * line break or space, or ending a sentence; `<answer>1` may have been cut while writing 18, and is
 * left to the other extractors, as a box left open is.
 */
function openTagAtEnd(text: string): AnswerTagPlace | undefined {
  const open = text.lastIndexOf(OPEN_TAG);
  if (open < 0 || text.indexOf(CLOSE_TAG, open) >= 0) return undefined;
  const content = text.slice(open + OPEN_TAG.length);
  const trimmed = content.trimEnd();
  // One sentence on one line: a tag that runs on ("12\nWait, it is 13.", "First guess 12. Then the
  // correct total is 13.") is working (stop 47's red team).
  const sentence = trimmed.trim();
  if (sentence === '' || content.length > MAX_OPEN_TAG_CONTENT || /\n|[.!?]\s+\S/.test(sentence))
    return undefined;
  if (trimmed.length === content.length && !/[.!。]$/.test(trimmed)) return undefined;
  const lineStart = text.slice(0, open).trimEnd();
  if (lineStart !== '' && !text.slice(lineStart.length, open).includes('\n') && !lineStart.endsWith('>'))
    return undefined;
  return { open, close: text.length, content };
}

/** The tag right before `tag`, when only what joins two boxes stands between them. */
function tagBeside(text: string, tag: AnswerTagPlace): AnswerTagPlace | undefined {
  const previous = lastTagBefore(text, tag.open);
  return previous !== undefined && joinsBoxedAnswers(text.slice(previous.close + CLOSE_TAG.length, tag.open))
    ? previous
    : undefined;
}

/**
 * The content of a closing `<answer>` tag of worked prose, when the tag ends the response and no
 * tag stands beside it: the text the answer is read from, as a response of its own (its end is
 * the response's end, so the rules that read a closing value or hedge apply; the reasoning before
 * the tag is left out, as after `</think>`). "<answer>... the number of girls would be 160 - 60 =
 * 100.</answer>" reads 100 (R1-zero rollouts of CS336 policies, real outputs round 12: read whole,
 * it was a list of phrases). Undefined otherwise.
 */
export function closingWorkedTag(text: string): string | undefined {
  const tag = lastTagBefore(text, text.length);
  if (tag === undefined || hasTextAfter(text, tag.close + CLOSE_TAG.length)) return undefined;
  const answer = tagAnswer(tag.content);
  if (answer === undefined || !isWorkedProse(answer) || tagBeside(text, tag) !== undefined) return undefined;
  return tag.content;
}

/** One answer written two ways compares alike: spaces, `\dfrac` and `\tfrac`, a closing full stop. */
function sameAnswerKey(answer: string): string {
  return answer.replace(/\\[dt]frac/g, '\\frac').replace(/\s+|\.$/g, '');
}

/**
 * Whether a tag's content is working written out, not an answer: five words or more outside math
 * spans, and an equation or a second sentence ("<answer>So, the number of cars is 20 - 12 - 4 = 4.
 * Therefore, the percentage is (4 / 20) * 100 = 20%.</answer>", CS336 policies' outputs, real outputs
 * round 12: read whole, it was a list of phrases). "<answer>5 apples</answer>" stays the answer.
 */
function isWorkedProse(content: string): boolean {
  if (!content.includes('=') && !/[.!?]\s+\S/.test(content)) return false;
  const words = content.replace(/\$[^$]*\$/g, ' ').match(/[A-Za-z]{2,}/g);
  return words !== null && words.length >= 5;
}

/** A tag's answer: its content, or the phrase after the marker it opens with. */
function tagAnswer(raw: string): string | undefined {
  // "<answer> Therefore, $... = 0$</answer>": a conclusion word opens the answer, no part of it.
  // `<answer> \dfrac{4}{11} </ </answer>`: a closing tag begun and left, before the real one, is no
  // part of the answer (real outputs round 24: read as a relation `<`).
  const content = raw.trim().replace(CONCLUSION_OPENING, '').replace(DANGLING_TAG_OPENING, '');
  // Empty, or a template's placeholder (`<answer>...</answer>`, `<answer>?</answer>`): no answer.
  if (/^[.…_?\s]*$/.test(content)) return undefined;
  // One marker only: "final answer: 7\nfinal answer: 6" in one tag offers two values (red team of stop 38).
  const phrase =
    LEADING_MARKER.test(content) && (content.match(/answer/gi) ?? []).length === 1
      ? (finalAnswer(content) ?? answerColon(content))
      : undefined;
  return phrase?.text ?? content;
}

/**
 * A tag's `</` left at the end of its content, spaces around (no letter after it). Not a lone `<`:
 * `1 < x <` is an inequality cut off, not `1 < x` (a red team of stop 45).
 */
const DANGLING_TAG_OPENING = /\s*<\/\s*$/;
/** A conclusion word opening a tag's content, before the answer itself. */
const CONCLUSION_OPENING = /^(?:therefore|thus|so|hence|finally|in conclusion)\s*,\s*(?=\S)/i;
/** A marker phrase at the start of a tag's content: "final answer:", "The answer is", "Answer:". */
const LEADING_MARKER = /^(?:(?:the|my|our)\s+)?(?:final\s+)?answers?\b/i;

export function gsm8k(text: string): Extraction | undefined {
  const index = lastIndexIn(text, '####');
  if (index < 0 || isDividerMarker(text, index)) return undefined;
  const line = restOfLine(text, index + 4);
  const content = cleanPhrase(line.content);
  return content === '' ? undefined : { text: content, extractor: 'gsm8k', end: line.end };
}

/**
 * "Final answer", "The final answer is", "the answer is", "the answers are", "answer =" (not "the final
 * answer for the last problem", a closing note about answers: real outputs round 25; not a bare
 * "the answer", nor "the answer isn't"; nor "answers is", the noun phrase of "Maria's score for the
 * correct answers is 20x", which real outputs round 16 read as the answer; nor "your final answer
 * within \boxed{}" with its box empty, the instruction of a prompt echoed without chat tokens, whose
 * words were read as the answer: real outputs round 29, persistent-sampling's MATH-500 responses;
 * "Final answer within budget: 12" still marks 12, as stop 47's red team wanted).
 */
const FINAL_ANSWER =
  /final answers?(?:\s*(?:(?:is|are|would be|will be)(?![A-Za-z'’])|:|=)|(?!\s+(?:for|to|of|in|on|at|by|with|from|about|the|a|an|and|or|that|which|was|were|has|had|we|i|you)\b|\s+(?:within|inside|into)\s+\$?\\boxed\s*\{\s*\}))\s*(?:[:=])?|\banswer(?:\s*(?:(?:is|would be|will be|should be)(?![A-Za-z'’])|=)|s\s*(?:(?:are|would be|will be|should be)(?![A-Za-z'’])|=))\s*(?:[:=])?/gi;
/**
 * "Answer:", or a line that is only the word as a heading: `# Answer` (PRM800K's and PRMBench's
 * ending), `## Answers`, `**Answer**`, a bare `Answer` line; the answer is on the next non-empty line.
 */
const ANSWER_COLON =
  /\banswer\s*\**\s*[:：]|(?<![^\n])[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?answers?(?:\*\*|__)?[ \t]*(?=\r?\n)/gi;

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

export function finalAnswer(text: string): Extraction | undefined {
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

export function answerColon(text: string): Extraction | undefined {
  const found = mentionsAnswer(text)
    ? phraseAfter(text, ANSWER_COLON, 'answer_colon', marksAnswer)
    : undefined;
  // "Answer:" or "the answer is" in another language (foreign-answer-marker.ts), tried second.
  return found ?? foreignAnswer(text);
}
