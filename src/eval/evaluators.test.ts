import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestOfNEvaluator } from './best-of-n-evaluator.js';
import type { BenchmarkEvaluator } from './evaluator.js';
import { rewardBench2Evaluator, rewardBenchEvaluator } from './rewardbench-evaluator.js';
import { runEval } from './run-eval.js';
import { fileScorer } from './unit-scorer.js';

async function evaluate<Record>(evaluator: BenchmarkEvaluator<Record>, data: object[], scores: object[]) {
  const directory = mkdtempSync(join(tmpdir(), 'rk-eval-'));
  const dataFile = join(directory, 'data.jsonl');
  const scoresFile = join(directory, 'scores.jsonl');
  writeFileSync(dataFile, data.map((line) => JSON.stringify(line)).join('\n'));
  writeFileSync(scoresFile, scores.map((line) => JSON.stringify(line)).join('\n'));
  const errors: string[] = [];
  const run = await runEval({
    evaluator,
    dataFile,
    scorer: await fileScorer(scoresFile, (message) => errors.push(message)),
    onError: (message) => errors.push(message),
  });
  return { metrics: run.outcome.metrics, errors };
}

describe('RewardBench evaluators', () => {
  it('scores pairs per subset and weights sections', async () => {
    const pair = (id: string, subset: string) => ({
      id,
      prompt: 'q',
      chosen: 'good',
      rejected: 'bad',
      subset,
    });
    const { metrics } = await evaluate(
      rewardBenchEvaluator(),
      [pair('1', 'alpacaeval-easy'), pair('2', 'alpacaeval-easy'), pair('3', 'mt-bench-easy')],
      [
        { id: '1:chosen', score: 2 },
        { id: '1:rejected', score: 1 },
        { id: '2:chosen', score: 1 },
        { id: '2:rejected', score: 1 },
        { id: '3:chosen', score: 3 },
        { id: '3:rejected', score: 0 },
      ],
    );
    // alpacaeval-easy 1/2 (a tie loses), mt-bench-easy 1: Chat = (100*0.5 + 28*1)/128.
    expect((metrics as { sections: Record<string, number> }).sections['Chat']).toBeCloseTo(78 / 128, 12);
  });

  it('splits best-of-4 ties and scores the Ties subset', async () => {
    const { metrics } = await evaluate(
      rewardBench2Evaluator(),
      [
        { id: 'a', prompt: 'q', chosen: 'x', rejected: ['y', 'z', 'w'], subset: 'Math' },
        { id: 'ref:1', prompt: 'q', chosen: ['x'], rejected: ['y'], subset: 'Ties' },
        { id: 'tied:1', prompt: 'q', chosen: ['x', 'x2'], rejected: ['y'], subset: 'Ties' },
      ],
      [
        { id: 'a:0', score: 5 },
        { id: 'a:1', score: 5 },
        { id: 'a:2', score: 1 },
        { id: 'a:3', score: 0 },
        { id: 'ref:1:0', score: 5 },
        { id: 'ref:1:1', score: 4 },
        { id: 'tied:1:0', score: 5 },
        { id: 'tied:1:1', score: 4.5 },
        { id: 'tied:1:2', score: 2 },
      ],
    );
    const subsets = (metrics as { subsets: Record<string, number> }).subsets;
    expect(subsets['Math']).toBe(0.5);
    expect(subsets['Ties']).toBeCloseTo(1 + 0.01 * Math.tanh(1), 12);
  });
});

describe('best-of-N evaluator', () => {
  it('groups candidates by prompt and reports the curve and calibration', async () => {
    const candidate = (id: string, correct: boolean) => ({ id, prompt_id: 'p', response: id, correct });
    const { metrics } = await evaluate(
      bestOfNEvaluator(),
      [candidate('a', false), candidate('b', true)],
      [
        { id: 'a', score: 0.9 },
        { id: 'b', score: 0.2 },
      ],
    );
    const { curve, brier } = metrics as { curve: { n: number; accuracy: number }[]; brier: number };
    expect(curve.map((point) => [point.n, point.accuracy])).toEqual([
      [1, 0.5],
      [2, 0],
    ]);
    expect(brier).toBeCloseTo((0.81 + 0.64) / 2, 12);
  });
});
