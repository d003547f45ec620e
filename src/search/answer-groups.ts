import { DEFAULT_EXTRACTION_PRIORITY, extractAnswer, verifyAnswer } from '../math/index.js';

/** Candidates that give the same answer, by mathematical equivalence (1/2, 0.5 and \frac12 are one). */
export interface AnswerGroup {
  /** The first member's extracted answer: the group's representative. */
  answer: string;
  members: number[];
}

/** The final answer of a solution text, by rewardkit's extractor; null when there is none. */
export function finalAnswer(text: string): string | null {
  return extractAnswer(text, DEFAULT_EXTRACTION_PRIORITY)?.text ?? null;
}

/**
 * Groups answers by equivalence with rewardkit's math verifier: an answer joins the first group
 * whose representative it equals (verdict `equal`, representative as gold); otherwise it opens a
 * group. Candidates without an answer (null) join no group. Groups keep first-appearance order.
 * An answer text seen before joins the group it joined then, so the verifier runs once per
 * distinct text and group, not once per candidate (N samples rarely hold more than a few texts).
 */
export function groupAnswers(answers: readonly (string | null)[]): AnswerGroup[] {
  const groups: AnswerGroup[] = [];
  const groupOfText = new Map<string, AnswerGroup>();
  answers.forEach((answer, index) => {
    if (answer === null) return;
    const seen = groupOfText.get(answer);
    if (seen !== undefined) {
      seen.members.push(index);
      return;
    }
    const group = groups.find(
      (candidate) =>
        candidate.answer === answer ||
        verifyAnswer(candidate.answer, `\\boxed{${answer}}`).verdict === 'equal',
    );
    if (group === undefined) {
      const opened = { answer, members: [index] };
      groups.push(opened);
      groupOfText.set(answer, opened);
    } else {
      group.members.push(index);
      groupOfText.set(answer, group);
    }
  });
  return groups;
}
