import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecSchema } from '../core/spec.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import { engineScorer } from './engine-scorer.js';
import { prmBenchEvaluator } from './prmbench-evaluator.js';
import { processBenchEvaluator } from './processbench-evaluator.js';
import { runEval } from './run-eval.js';
import { fileScorer } from './unit-scorer.js';

const fixture = (name: string) => new URL(`../../test/fixtures/eval/${name}`, import.meta.url).pathname;

describe('runEval on ProcessBench with a scores file', () => {
  it('evaluates the good lines, names line and field of the bad ones, and tunes on the named split', async () => {
    const errors: string[] = [];
    const predictionsFile = join(mkdtempSync(join(tmpdir(), 'rk-eval-')), 'preds.jsonl');
    const predictions = JsonlWriter.open(predictionsFile);
    const run = await runEval({
      evaluator: processBenchEvaluator({ tuneSplit: 'gsm8k' }),
      dataFile: fixture('processbench-mini.jsonl'),
      scorer: await fileScorer(fixture('processbench-mini-scores.jsonl'), (message) => errors.push(message)),
      predictions,
      onError: (message) => errors.push(message),
    });
    await predictions.close();
    expect(run.lines).toBe(10);
    expect(run.errors).toBe(5);
    expect(errors).toEqual([
      "line 5: field 'steps': Invalid input: expected array, received undefined",
      "line 6: field 'label': label must be -1 or the index of a step",
      "line 7: scores line 6: field 'step_scores[1]' is NaN, not a finite number",
      'line 8: step_scores has 1 entries for 2 steps',
      expect.stringMatching(/^line 10: not valid JSON/),
    ]);
    // gsm8k: g-1 (label 1) is right for thresholds in (0.3, 0.9], g-2 (correct) for <= 0.6: best 0.35.
    const metrics = run.outcome.metrics as {
      threshold: number;
      splits: Record<string, { f1: number | null }>;
    };
    expect(metrics.threshold).toBe(0.35);
    // math at 0.35: m-1 right (step 2 at 0.1), m-2 flagged at step 1 (0.3), m-7 right: acc_err 1, acc_correct 1/2.
    expect(metrics.splits['math']?.f1).toBeCloseTo((2 * 1 * 0.5) / 1.5, 12);
    const lines = readFileSync(predictionsFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[4] as string)).toMatchObject({
      line: 5,
      error: expect.stringContaining('steps'),
    });
  });
});

describe('runEval on PRMBench with step_check through the engine', () => {
  it('reproduces the hand-counted confusion and PRMScore on three real PRMBench lines', async () => {
    const spec = SpecSchema.parse({
      name: 'step-check-prm',
      rewards: [{ name: 'steps', type: 'step_check' }],
    });
    const scorer = engineScorer(spec, 4);
    try {
      const run = await runEval({
        evaluator: prmBenchEvaluator(0.5),
        dataFile: fixture('prmbench-mini.jsonl'),
        scorer,
        onError: (message) => {
          throw new Error(message);
        },
      });
      const metrics = run.outcome.metrics as {
        prm_score: number;
        by_class: Record<string, { confusion: object; prmScore: number }>;
      };
      // confidence p1_2: `$5-1=3$` (error step 3) is the only flag; error step 5 (`$30_9$`) passes.
      expect(metrics.by_class['confidence']?.confusion).toEqual({ tp: 4, fp: 1, tn: 1, fn: 0 });
      expect(metrics.by_class['confidence']?.prmScore).toBeCloseTo(4 / 9 + 1 / 3, 12);
      // redundant steps hold no wrong arithmetic: nothing flagged; PRMBench's sentinels give 0.5 * F1.
      expect(metrics.by_class['redundency']?.confusion).toEqual({ tp: 12, fp: 4, tn: 0, fn: 0 });
      expect(metrics.by_class['redundency']?.prmScore).toBeCloseTo(3 / 7, 12);
      expect(metrics.by_class['correct']?.confusion).toEqual({ tp: 12, fp: 0, tn: 0, fn: 0 });
      expect(metrics.prm_score).toBeCloseTo(16 / 37 + 1 / 7, 12);
    } finally {
      await scorer.close();
    }
  });
});
