/**
 * Real model solutions to GSM8K, scored through the real engine with one `{name: correct, type:
 * math}` reward, must agree with the labels published with them.
 *
 * Fixture: 20 problems (every 66th line) of openai/grade-school-math
 * `grade_school_math/data/example_model_solutions.jsonl` (MIT licence), each with the solutions of
 * four GPT-3 models (6B and 175B, fine-tuned and verifier-selected) and their `is_correct` label:
 * 80 solutions, 25 correct. Solutions end in the dataset's own "A: N" line, some are cut off
 * mid-sentence. The full file (5,276 solutions) is scored by `npm run bench -- math`
 * (`REWARDKIT_GSM8K_SOLUTIONS` or `gsm8k/example_model_solutions.jsonl` under the data directory).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/core/spec.js';
import { Pipeline } from '../../src/engine/pipeline.js';

interface SolutionsLine {
  question: string;
  ground_truth: string;
  [model: string]: string | { is_correct: boolean; solution: string };
}

const fixture = new URL('./fixtures/gsm8k-model-solutions-sample.jsonl', import.meta.url);
const lines = readFileSync(fixture, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SolutionsLine);

const cases = lines.flatMap((line, index) =>
  Object.entries(line).flatMap(([model, sample]) =>
    typeof sample === 'object'
      ? [
          {
            id: `${index}-${model}`,
            goldSolution: line.ground_truth,
            gold: /A:\s*(\S+)\s*$/.exec(line.ground_truth)?.[1]?.replace(/,/g, '') ?? '',
            response: sample.solution,
            label: sample.is_correct,
          },
        ]
      : [],
  ),
);

const pipeline = Pipeline.compile(parseSpec({ name: 't', rewards: [{ name: 'correct', type: 'math' }] }));
afterAll(() => pipeline.close());

describe('real GSM8K model solutions (openai/grade-school-math example_model_solutions)', () => {
  it('holds 80 labelled solutions of both kinds', () => {
    expect(cases).toHaveLength(80);
    expect(cases.filter((item) => item.label)).toHaveLength(25);
  });

  it.each(cases)('$id (is_correct $label) against the number gold', async (item) => {
    const result = await pipeline.scoreSample({
      id: item.id,
      response: item.response,
      reference: { answer: item.gold },
    });
    expect(result.reward, JSON.stringify(result.components['correct']?.details)).toBe(item.label ? 1 : 0);
  });

  it.each(cases)('$id (is_correct $label) against the worked gold ending in "A: N"', async (item) => {
    const result = await pipeline.scoreSample({
      id: item.id,
      response: item.response,
      reference: { answer: item.goldSolution },
    });
    expect(result.reward, JSON.stringify(result.components['correct']?.details)).toBe(item.label ? 1 : 0);
  });
});
