/**
 * A base model prompted in a few-shot format ("Problem: ... Answer: ...") answers, then goes on
 * to write the next problem of the pattern and solve it too ("#### 18\nAnswer: 18\n\nProblem:\nIf
 * $x^2 = 16$, what is ... #### 0"). Evaluation harnesses stop generation at "Problem:" for that
 * reason (Qwen2.5-Math's stop words); a grader reading the whole text took the invented problem's
 * answer. The response ends before the first line that opens a new problem or question
 * ("Problem:", "Question 2:", "## Problem") or a new chat turn (a line "user" or "Human:", a
 * template's role written out as text) once an answer has been stated (a `####`, a box, or
 * "answer"); a response that only restates its problem at the start is read whole.
 *
 * Seen in ShiboJin/CIS5300-Final-Project (outputs/qwen2_1.5b_*_gsm8k_test.jsonl and *_math500_test.jsonl:
 * Qwen2-1.5B outputs that continue with invented problems).
 */
const NEW_PROBLEM =
  /\n[ \t]*(?:#+[ \t]*)?(?:\*\*)?(?:problem|question)[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:.：]|\n[ \t]*(?:user|human)[ \t]*:?[ \t]*\n/gi;
const STATES_ANSWER = /####|\\boxed|\\fbox|answer/i;
/**
 * What every match of NEW_PROBLEM starts with: a line whose first word (after spaces, `#`, `**`)
 * opens a problem or a turn. One scan for a newline and a word, cheaper than the words anywhere.
 */
const LINE_OPENS_PROBLEM = /\n[ \t#*]*(?:problem|question|user|human)/i;

/** The response up to a new problem it wrote itself after its answer, or the response. */
export function beforeNewProblem(response: string): string {
  if (!LINE_OPENS_PROBLEM.test(response) || !/roblem|uestion|user|uman/.test(response)) return response;
  NEW_PROBLEM.lastIndex = 0;
  for (let match = NEW_PROBLEM.exec(response); match !== null; match = NEW_PROBLEM.exec(response)) {
    const before = response.slice(0, match.index);
    if (STATES_ANSWER.test(before)) return before;
  }
  return response;
}
