/**
 * A reasoning model writes its thinking, closes it (`</think>`), then answers. The answer is what
 * follows the closing tag: a value tried inside the thinking and not stated after it is not the
 * answer (`<think>\boxed{42}</think>I'm not sure.` states none), as graders that split on the tag
 * read it. When nothing but chat tokens or spaces follows the tag (the model answered inside the
 * block, or the template ended it), the whole response is read without the tag (`The answer is
 * 42</think>.` reads 42). A summary cut off at a token limit after a thinking that boxed its
 * answer is no answer text: the thinking is read (cut-off-summary.ts). A block never closed and cut
 * off mid-sentence states no answer (isCutOffThinking).
 */
import { hasLetterOrDigit, isWhiteSpaceCode } from '../core/text.js';
import { endsMidSentence } from './cut-off-passage.js';
import { isCutOffSummary } from './cut-off-summary.js';
import { lastIndexIn } from './last-index.js';

/**
 * The block's tags: `<think>` (R1, QwQ, Qwen3), `<thinking>` and `<reasoning>` (the formats of
 * GRPO examples: `<reasoning>...</reasoning>\n<answer>...</answer>`, or the answer bare after the
 * block, as a GRPO grader's regression test of graders' round 10 has it).
 */
const BLOCK_NAMES: readonly string[] = ['think', 'thinking', 'reasoning'];
/** Chat-template tokens and sentence end marks: not an answer after the block. */
const NOT_CONTENT = /<\|[^|>]{0,40}\|>|<\/?s>|<end_of_turn>/g;

/**
 * A reasoning block opened and never closed, the text ending mid-sentence ("... = $31.\n\nBut
 * maybe"): a token limit stopped the thinking, and nothing was answered (real outputs round 21:
 * Qwen3-0.6B with thinking on, cut off on GSM8K, paid for the last number of its unfinished
 * thinking). Graders that split on `</think>` give such a response nothing. So does one whose last
 * sentence begins a doubt (DOUBT_BEGUN_AT_END). Only a block that opens the response (a tag named
 * in prose is none); a block whose text ends a sentence otherwise (a model that
 * opened the tag and answered without closing it, real outputs round 12), that holds an `<answer>`
 * tag, or that states a box or an answer in its last 120 characters ("So the answer is 17 meters":
 * red team of stop 44) is read whole as before.
 */
function isCutOffThinking(text: string): boolean {
  // The first character after spaces opens a tag (looked at in place: most responses open with a word).
  let first = 0;
  while (isWhiteSpaceCode(text.charCodeAt(first))) first++;
  if (text.charCodeAt(first) !== 60) return false;
  const opened = BLOCK_NAMES.some((name) => text.startsWith(`<${name}>`, first));
  return (
    opened &&
    !text.includes('<answer>') &&
    (endsMidSentence(text) || endsInDoubtBegun(text)) &&
    !STATED_AT_END.test(text.slice(-120))
  );
}

/**
 * A last sentence that is a doubt begun and nothing else ("... she has $15 more. Wait, no.",
 * "Hmm.", "Let me check again.", "Wait, is that right?"): the thinking was about to revise what came
 * before when the token limit stopped it (real outputs round 29: a Qwen3-1.7B RLOO rollout paid the
 * $15 it was doubting). Only the doubt words themselves: "Hmm, yes, that is right.", "No doubt about
 * it." and "Oh, that is the total." confirm (stop 47's red team).
 */
const DOUBT_BEGUN_AT_END =
  /(?:^|[.!?:]\s+|\n\s*)(?:(?:but|hmm+|oh|no|well|actually|wait)\s*[,.!…]*\s*){0,2}(?:wait(?:\s+a\s+(?:second|moment|minute))?|hold\s+on|hmm+|no|let\s+me\s+(?:check|re-?check|verify|think|reconsider|double[-\s]check|re-?calculate|re-?compute)(?:\s+(?:again|this|that))?)\s*[,.!?…]*\s*$|(?:^|[.!?:]\s+|\n\s*)wait\s*,?\s*(?:is|was|did|does|are|should|shouldn['’]t)\b[^.!?\d\n]{0,40}\?\s*$/i;

/** Whether the text ends in DOUBT_BEGUN_AT_END, not a "No." that answers a check's question ("Did I miss anything? No."). */
function endsInDoubtBegun(text: string): boolean {
  const tail = text.slice(-60);
  const doubt = DOUBT_BEGUN_AT_END.exec(tail);
  if (doubt === null) return false;
  return !(
    /^[\s.!?:]*no[\s.!]*$/i.test(doubt[0]) &&
    tail
      .slice(0, doubt.index + 1)
      .trimEnd()
      .endsWith('?')
  );
}

/** A box or an answer statement in the text's last characters: an answer given as the text ends. */
const STATED_AT_END = /\\boxed|\\fbox|\banswer\b/i;

/** The last closing tag of a reasoning block: where it starts and the block's name, or undefined. */
function lastClosingTag(text: string): { at: number; name: string } | undefined {
  let last: { at: number; name: string } | undefined;
  for (const name of BLOCK_NAMES) {
    // `</thinking>` is no `</think>`: each tag with its closing `>`.
    const at = text.includes(`</${name}>`) ? lastIndexIn(text, `</${name}>`) : -1;
    if (at >= 0 && (last === undefined || at > last.at)) last = { at, name };
  }
  return last;
}

/**
 * The token that opens the answer of s1's budget-forcing format (simplescaling/s1: `<|im_start|>think`
 * then the thinking, `<|im_start|>answer` then the solution and its final answer). As a chat token
 * it ended the response, so the thinking was read and its last number paid or refused (real outputs
 * round 24: an s1.1-style model on MATH-500, "... 2^3 = 8" read where the answer section boxed 3/2).
 */
const ANSWER_SECTION = '<|im_start|>answer';

/** Where the answer section ends: the turn's end or any next token of the template (a turn it made up). */
const SECTION_END = /<\|im_end\|>|<\|im_start\|>|<\|endoftext\|>|<\|eot_id\|>/;
/** A section's label alone ("Answer:", "Final Answer: The final answer is", `<answer></answer>`): no answer yet. */
const SECTION_LABELS =
  /\*{1,2}|#+|<\/?answer>|\b(?:the\s+)?(?:final\s+)?(?:answer|solution)(?:\s+is)?\s*[:：]?|\bfinal\b/gi;

/**
 * The answer section after the first ANSWER_SECTION token, up to the turn's end (the first token
 * after it: a turn the model made up after its own is not read), read as any response is (a
 * `</think>` inside it too); when it holds nothing but a label (cut off as it began), the text
 * before the token is read instead (a red team of stop 45: the thinking's `</think>` was not split
 * off, and a made-up user turn's numbers were read as the section).
 */
function afterAnswerSection(text: string, at: number): string {
  const rest = text.slice(at + ANSWER_SECTION.length);
  const end = SECTION_END.exec(rest);
  const section = end === null ? rest : rest.slice(0, end.index);
  if (hasLetterOrDigit(section.replace(NOT_CONTENT, '').replace(SECTION_LABELS, '')))
    return afterReasoning(section);
  // The thinking, unless the token limit cut it in a line of words that had not come to a value
  // ("So it is 5.\n\nBut maybe": a doubt begun; "final: 7 apples" ends on its value).
  const thinking = text.slice(0, at);
  const passage = thinking.replace(CLOSING_TAGS_AT_END, '');
  const lastLine = passage.slice(passage.lastIndexOf('\n') + 1);
  return endsMidSentence(lastLine) && !/\d/.test(lastLine) ? '' : afterReasoning(thinking);
}
const CLOSING_TAGS_AT_END = new RegExp(`(?:\\s*</(?:${BLOCK_NAMES.join('|')})>)+\\s*$`);

/**
 * Where the answer section's token opens a line (or follows a closing tag), first in the text, or
 * -1: the token named in prose ("the answer comes after the token <|im_start|>answer: 5") opens no
 * section (a red team of stop 45).
 */
function answerSectionAt(text: string): number {
  for (let at = text.indexOf(ANSWER_SECTION); at >= 0; at = text.indexOf(ANSWER_SECTION, at + 1)) {
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    if (before < 0 || text[before] === '\n' || text[before] === '>') return at;
  }
  return -1;
}

/**
 * The text after the last closing tag (`</think>`, `</thinking>`, `</reasoning>`) when it holds a
 * letter or digit (up to the same block reopened after it), else the text without that tag.
 */
export function afterReasoning(text: string): string {
  const section = text.includes(ANSWER_SECTION) ? answerSectionAt(text) : -1;
  if (section >= 0) return afterAnswerSection(text, section);
  const tag = text.includes('</') ? lastClosingTag(text) : undefined;
  if (tag === undefined) return isCutOffThinking(text) ? '' : text;
  const close = tag.at;
  const closingTag = `</${tag.name}>`;
  let after = text.slice(close + closingTag.length);
  // A new reasoning block opened after the answer and never closed is not the answer: "</think>The
  // answer is 17.<think>\boxed{18}" reads 17 (a red team of stop 35 was paid the box inside it).
  const reopened = after.indexOf(`<${tag.name}>`);
  if (reopened >= 0 && hasLetterOrDigit(after.slice(0, reopened).replace(NOT_CONTENT, '')))
    after = after.slice(0, reopened);
  const content = after.replace(NOT_CONTENT, '');
  if (!hasLetterOrDigit(content)) return text.slice(0, close) + after;
  return isCutOffSummary(content, text.slice(0, close)) ? text.slice(0, close) : after;
}
