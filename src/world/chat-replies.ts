import { unitHash } from './seeded-random.js';
import { judgeSteps } from './step-truth.js';
import { verdictRight } from './verifier-replies.js';
import type { WorldConfig } from './world-config.js';

/** A reply and, for its yes/no verdict tokens, the alternatives the logprobs should show. */
export interface VerifierReply {
  content: string;
  /** Character spans of verdict tokens with P(chosen) (the alternative gets the rest). */
  verdicts: { start: number; end: number; chosen: string; other: string; probability: number }[];
}

const TAGGED = /<(paragraph|step)_(\d+)>\n?([\s\S]*?)\n?<\/\1_\2>/g;

function taggedParts(prompt: string): string[] {
  return [...prompt.matchAll(TAGGED)].map((match) => match[3] as string);
}

function block(prompt: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\n?([\\s\\S]*?)\\n?</${name}>`).exec(prompt)?.[1];
}

/**
 * The judge's reply for the templates rewardkit ships (ProcessBench critique, pairwise, rubric,
 * pointwise), right with probability `judge_accuracy`, deterministic per (seed, prompt, sample).
 */
export function judgeReply(config: WorldConfig, prompt: string, sampleKey: string): VerifierReply {
  const paragraphs = taggedParts(prompt);
  if (paragraphs.length > 0) {
    const { stepCorrect } = judgeSteps(prompt, paragraphs);
    const earliest = stepCorrect.indexOf(false);
    let answer = earliest;
    if (!verdictRight(config, prompt, sampleKey)) {
      const others = [-1, ...paragraphs.map((_paragraph, index) => index)].filter(
        (index) => index !== earliest,
      );
      answer = others[Math.floor(unitHash(config.seed, 'other', prompt, sampleKey) * others.length)] ?? -1;
    }
    const review = paragraphs
      .map(
        (_paragraph, index) =>
          `Paragraph ${index}: ${answer === -1 || index < answer ? 'correct' : index === answer ? 'this is where it goes wrong' : 'not reviewed'}.`,
      )
      .join('\n');
    return {
      content: `${review}\n\nThe earliest error is in paragraph ${answer}.\n\n\\boxed{${answer}}`,
      verdicts: [],
    };
  }
  const first = block(prompt, 'response_a');
  const second = block(prompt, 'response_b');
  if (first !== undefined && second !== undefined) {
    const quality = (text: string) => {
      const truth = judgeSteps(prompt, text.split(/\n\n+/));
      return (truth.answerCorrect ? 10 : 0) + truth.stepCorrect.filter(Boolean).length;
    };
    let better = quality(first) >= quality(second) ? 'A' : 'B';
    if (!verdictRight(config, prompt, sampleKey)) better = better === 'A' ? 'B' : 'A';
    return { content: `Comparing both responses step by step.\n\n[[${better}]]`, verdicts: [] };
  }
  const response = block(prompt, 'response') ?? prompt;
  const { answerCorrect } = judgeSteps(prompt, response.split(/\n\n+/));
  const good = verdictRight(config, prompt, sampleKey) ? answerCorrect : !answerCorrect;
  const scale = /scale of (-?\d+) to (-?\d+)/.exec(prompt);
  const low = scale === null ? 1 : Number(scale[1]);
  const high = scale === null ? 10 : Number(scale[2]);
  const rating = good ? high : low;
  const criteria = block(prompt, 'criteria');
  if (criteria !== undefined) {
    const names = [...criteria.matchAll(/^- ([A-Za-z0-9_-]+)/gm)].map((match) => match[1] as string);
    return {
      content: `Assessment per criterion.\n${names.map((name) => `${name}: [[${rating}]]`).join('\n')}`,
      verdicts: [],
    };
  }
  return {
    content: `The final answer is ${answerCorrect === good ? 'right' : 'wrong'}.\n\nRating: [[${rating}]]`,
    verdicts: [],
  };
}

/**
 * The generative verifier's reply: a short critique of every `<step_k>` and a line
 * `Verdict k: yes|no`; each verdict right with `judge_accuracy`, and the logprobs put
 * `verifier_confidence` on the token written.
 */
export function verifierReply(config: WorldConfig, prompt: string, sampleKey: string): VerifierReply {
  const steps = taggedParts(prompt);
  const { stepCorrect } = judgeSteps(prompt, steps);
  const verdicts: VerifierReply['verdicts'] = [];
  let content = '';
  stepCorrect.forEach((correct, index) => {
    const right = verdictRight(config, prompt, sampleKey, index);
    const says = right ? correct : !correct;
    content += `Step ${index + 1}: ${says ? 'the computation checks out' : 'the computation does not check out'}.\nVerdict ${index + 1}: `;
    const chosen = says ? 'yes' : 'no';
    verdicts.push({
      start: content.length,
      end: content.length + chosen.length,
      chosen,
      other: says ? 'no' : 'yes',
      probability: config.verifier_confidence,
    });
    content += `${chosen}\n\n`;
  });
  return { content: content.trimEnd(), verdicts };
}
