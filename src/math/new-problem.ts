/**
 * A base model prompted in a few-shot format ("Problem: ... Answer: ...") answers, then goes on
 * to write the next problem of the pattern and solve it too ("#### 18\nAnswer: 18\n\nProblem:\nIf
 * $x^2 = 16$, what is ... #### 0"). Evaluation harnesses stop generation at "Problem:" for that
 * reason (Qwen2.5-Math's stop words); a grader reading the whole text took the invented problem's
 * answer. The response ends before the first line that opens a new problem or question
 * ("Problem:", "Question 2:", "## Problem", the few-shot "Q:" of GSM8K's chain-of-thought prompt) or a
 * new chat turn (a line "user", "Human:", "USER: ...", "### Instruction:", a template's role written
 * out as text) once an answer has been stated outright (a `####`, a box, "the answer is", "Answer:",
 * "final answer"); a response that only restates its problem at the start is read whole, and so is
 * one that only mentions an answer before restating its problem ("Final check of the problem
 * statement and the answer.\nProblem: If $2^8=4^x$ ...", then its final box: real outputs round 24).
 * A response that opens with the few-shot answer prefix "A:" continues the pattern: its next "Q:"
 * question (after a blank line, an "A:" line below it) ends it whether or not it stated its answer
 * outright, once a number was worked out before it ("A: ... The water bottles would last for 12
 * days.\n\nQ: ...": Mixtral-8x7B on SVAMP, real outputs round 24).
 *
 * Seen in ShiboJin/CIS5300-Final-Project (outputs/qwen2_1.5b_*_gsm8k_test.jsonl and *_math500_test.jsonl:
 * Qwen2-1.5B outputs that continue with invented problems).
 */
const NEW_PROBLEM =
  /\n[ \t]*(?:#+[ \t]*)?(?:\*\*)?(?:problem|question)[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:.：]|\n[ \t]*(?:user|human)[ \t]*:?[ \t]*\n/gi;
/**
 * The turns of other few-shot and chat formats: "Q:" with an "A:" line within five lines (GSM8K's
 * chain-of-thought prompt), "Exercise:", "### Instruction:", "USER: ..." written out. Their
 * words also open lines of honest solutions ("Q1: 100" in a table of quarters, "Exercise: 1 hour"
 * in a schedule), so they end the response only after an answer was stated outright
 * (STATES_ANSWER_OUTRIGHT), not after any mention of "answer" (a red team of stop 26).
 */
const FEW_SHOT_TURN =
  /\n[ \t]*(?:#+[ \t]*)?(?:\*\*)?(?:q[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：][^\n]*\n(?:[^\n]*\n){0,5}?[ \t]*(?:\*\*)?a[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：]|exercise[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：]|(?:user|human|instruction)[ \t]*:)/gi;
const STATES_ANSWER_OUTRIGHT = /####|\\boxed|\\fbox|\banswers?\s*(?:is|are|was|:|=)|final answer/i;
/**
 * An answer stated before a "Problem:" line: STATES_ANSWER_OUTRIGHT, or "answer" and a value in
 * its sentence ("**Answer**: 18", "Answer - 18", "the answer would be 18", "Answer\n18") or a value
 * called the answer ("18 is the correct answer", "18 dollars left. That's my answer."). A mention with no value ("the problem statement
 * and the answer.") states none (a red team of stop 45 found the first rule's misses).
 */
const STATES_ANSWER_WITH_VALUE =
  /####|\\boxed|\\fbox|final answer|\banswers?\b(?:\*\*|__)?[^.\n]{0,40}?[-\d$\\]|\banswer(?:\*\*|__)?[ \t]*[:：]?[ \t]*\n\s*[-\d$\\]|\d[^.\n]{0,30}\b(?:correct|final|right)\s+answer|\b(?:that's|that’s|that\s+is|this\s+is|is)\s+(?:my|the|our)\s+(?:final\s+)?answer\b/i;
/** The few-shot answer prefix opening the response: its first line, "A:" (GSM8K's chain-of-thought prompt). */
const OPENS_WITH_ANSWER_PREFIX = /^\s*A[ \t]*:/;
/**
 * The next few-shot question of a response opened by "A:": a blank line, then "Q:" with an "A:"
 * line within five lines (capitals, no number: "q:", "Q1:", "Exercise:", "User:" are no such
 * turn). A red team of stop 45 had the rule cut at any FEW_SHOT_TURN.
 */
const NEXT_FEW_SHOT_QUESTION = /\n[ \t]*\n[ \t]*Q[ \t]*:[^\n]*\n(?:[^\n]*\n){0,5}?[ \t]*A[ \t]*:/g;
/** The words a line opens a problem or a turn with, in any letter case, from a line's first letter on. */
const OPENING_WORD =
  /^(?:problem|question|user|human|q[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：]|instruct|exercise)/i;

/**
 * Whether some line's first word (after spaces, `#`, `*`) opens a problem or a turn, in any letter
 * case, as every match of NEW_PROBLEM does: a walk over the newlines, the word read only after a
 * `p`, `q`, `u`, `h`, `i` or `e`. An unanchored regex scan for the same cost about 0.22 µs on a GSM8K
 * solution, this walk 0.1 µs.
 */
function lineOpensProblem(response: string): boolean {
  for (let at = response.indexOf('\n'); at >= 0; at = response.indexOf('\n', at + 1)) {
    let index = at + 1;
    let code = response.charCodeAt(index);
    while (code === 32 || code === 9 || code === 35 || code === 42) code = response.charCodeAt(++index);
    const lower = code | 32;
    if (
      (lower === 112 || lower === 113 || lower === 117 || lower === 104 || lower === 105 || lower === 101) &&
      OPENING_WORD.test(response.slice(index, index + 8))
    )
      return true;
  }
  return false;
}

/** The response up to a new problem it wrote itself after its answer, or the response. */
export function beforeNewProblem(response: string): string {
  if (!lineOpensProblem(response)) return response;
  const nextQuestion = nextQuestionAfterOpeningAnswer(response);
  const cut = Math.min(
    firstTurnAfter(NEW_PROBLEM, response, STATES_ANSWER_WITH_VALUE),
    firstTurnAfter(FEW_SHOT_TURN, response, STATES_ANSWER_OUTRIGHT),
    nextQuestion,
  );
  if (cut >= response.length) return response;
  // "A: 5 + 7 = 12." kept from a run-on: its few-shot label is no part of the answer.
  const kept = response.slice(0, cut);
  return cut === nextQuestion ? kept.replace(OPENS_WITH_ANSWER_PREFIX, '') : kept;
}

/**
 * In a response opened by "A:", where its next few-shot question starts, once the text before it
 * holds a number (an answer worked out: "A: Let's break it down.\n\nQ: ..." has none); else the
 * text's length.
 */
function nextQuestionAfterOpeningAnswer(response: string): number {
  if (!OPENS_WITH_ANSWER_PREFIX.test(response)) return response.length;
  NEXT_FEW_SHOT_QUESTION.lastIndex = 0;
  const question = NEXT_FEW_SHOT_QUESTION.exec(response);
  return question !== null && /\d/.test(response.slice(0, question.index)) ? question.index : response.length;
}

/**
 * Where the first line matching `turn` opens after an answer `stated` ended (each pattern run once:
 * the text before a turn is not scanned again for every turn), else the text's length.
 */
function firstTurnAfter(turn: RegExp, response: string, stated: RegExp): number {
  const answer = stated.exec(response);
  if (answer === null) return response.length;
  turn.lastIndex = answer.index + answer[0].length;
  const match = turn.exec(response);
  return match === null ? response.length : match.index;
}
