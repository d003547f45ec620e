import { normalFrom, unitHash } from './seeded-random.js';
import { judgeSteps } from './step-truth.js';
import type { WorldConfig } from './world-config.js';

const logit = (probability: number): number => Math.log(probability / (1 - probability));
const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/**
 * The PRM's probability that a step is correct: the configured confidence for the exact truth,
 * through the miscalibration temperature, plus deterministic Gaussian logit noise.
 */
export function stepProbability(config: WorldConfig, correct: boolean, ...key: (string | number)[]): number {
  const base = logit(correct ? config.prm_confidence : 1 - config.prm_confidence) * config.prm_temperature;
  const noise =
    config.prm_noise === 0
      ? 0
      : config.prm_noise *
        normalFrom(unitHash(config.seed, 'n1', ...key), unitHash(config.seed, 'n2', ...key));
  return sigmoid(base + noise);
}

/** The ORM's raw score (a logit) for a whole text: positive when its final answer is right. */
export function outcomeLogit(config: WorldConfig, text: string): number {
  const steps = text.split(/\n\n+/);
  const { answerCorrect } = judgeSteps(text, steps);
  return logit(stepProbability(config, answerCorrect, 'orm', text));
}

export interface PoolingSteps {
  /** Rows as vLLM STEP pooling returns them: one per step tag, `[p(label 0), p(label 1)]`. */
  rows: number[][];
}

/**
 * PRM `/pooling`: finds the step tags of the input (`<extra_0>`: Qwen2.5-Math-PRM, rows
 * `[p(wrong), p(right)]`; ` ки` Math-Shepherd, rows `[p(+), p(-)]` as returned_token_ids
 * [+, -]) and scores each step from its exact truth.
 */
export function poolSteps(config: WorldConfig, text: string): PoolingSteps {
  const qwen = text.includes('<extra_0>');
  const tag = qwen ? '<extra_0>' : 'ки';
  const pieces = text.split(tag);
  const stepTexts = pieces.slice(0, -1);
  // The first piece also holds the question; the steps proper are what follows it.
  const { stepCorrect } = judgeSteps(
    text,
    stepTexts.map((piece, index) => (index === 0 ? lastParagraph(piece) : piece)),
  );
  const rows = stepCorrect.map((correct, index) => {
    const probability = stepProbability(config, correct, 'prm', text, index);
    return qwen ? [1 - probability, probability] : [probability, 1 - probability];
  });
  return { rows };
}

function lastParagraph(text: string): string {
  const afterQuestion = text.split('?').at(-1) ?? text;
  return afterQuestion;
}

/** Whether the verifier with `judge_accuracy` gets this verdict right (deterministic per key). */
export function verdictRight(config: WorldConfig, ...key: (string | number)[]): boolean {
  return unitHash(config.seed, 'judge', ...key) < config.judge_accuracy;
}
