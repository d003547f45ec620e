import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlWriter } from '../io/jsonl-writer.js';
import type { BenchmarkEvaluator } from './evaluator.js';
import { prmBenchEvaluator } from './prmbench-evaluator.js';
import { processBenchEvaluator } from './processbench-evaluator.js';
import { rewardBench2Evaluator } from './rewardbench-evaluator.js';
import { runEval } from './run-eval.js';
import { fileScorer, givenScorer } from './unit-scorer.js';

/** Runs an evaluator on raw data lines (strings, so broken JSON can be written) and returns the errors, predictions and metrics. */
async function evaluate<Line>(evaluator: BenchmarkEvaluator<Line>, lines: string[], scoreLines?: string[]) {
  const directory = mkdtempSync(join(tmpdir(), 'rk-eval-bad-'));
  const dataFile = join(directory, 'data.jsonl');
  writeFileSync(dataFile, `${lines.join('\n')}\n`);
  const errors: string[] = [];
  let scorer = givenScorer;
  if (scoreLines !== undefined) {
    const scoresFile = join(directory, 'scores.jsonl');
    writeFileSync(scoresFile, `${scoreLines.join('\n')}\n`);
    scorer = await fileScorer(scoresFile, (message) => errors.push(message));
  }
  const predictionsFile = join(directory, 'predictions.jsonl');
  const predictions = JsonlWriter.open(predictionsFile);
  const run = await runEval({
    evaluator,
    dataFile,
    scorer,
    predictions,
    onError: (message) => errors.push(message),
  });
  await predictions.close();
  const written = readFileSync(predictionsFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { line: number; error?: string });
  return { run, errors, written, metrics: run.outcome.metrics as Record<string, unknown> };
}

const json = (value: object) => JSON.stringify(value);
const sample = (id: string, label: number, steps = 3) => ({
  id,
  problem: 'p',
  steps: Array.from({ length: steps }, (_, index) => `step ${index}`),
  label,
});

describe('bad benchmark input: named, written out, and the rest evaluated', () => {
  it('ProcessBench: missing field, label outside the steps, short step scores, NaN, broken JSON', async () => {
    const { errors, written, metrics, run } = await evaluate(processBenchEvaluator({}), [
      json({ ...sample('gsm8k-0', 1), step_scores: [0.9, 0.1, 0.8] }), // 1: right (prediction 1)
      json({ id: 'gsm8k-1', problem: 'p', label: -1 }), // 2: no steps
      json({ ...sample('gsm8k-2', 5), step_scores: [0.9, 0.9, 0.9] }), // 3: label beyond the steps
      json({ ...sample('gsm8k-3', -1), step_scores: [0.9, 0.9] }), // 4: 2 scores for 3 steps
      '{"id": "gsm8k-4", "problem": "p", "steps": ["a"], "label": -1, "step_scores": [NaN]}', // 5: NaN
      '{"id": "gsm8k-5", ', // 6: not JSON
      json({ ...sample('gsm8k-6', -1), step_scores: [0.9, 0.6, 0.7] }), // 7: right (prediction -1)
      json({ ...sample('gsm8k-7', -1), prediction: null }), // 8: a judge with no answer: wrong, not an error
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^line 2: field 'steps': /),
      "line 3: field 'label': label must be -1 or the index of a step",
      'line 4: step_scores has 2 entries for 3 steps',
      // Python's NaN in a data line: the field is named, not the whole line.
      "line 5: field 'step_scores[0]' is NaN, not a finite number",
      expect.stringMatching(/^line 6: not valid JSON/),
    ]);
    expect(run.errors).toBe(5);
    // One predictions line per input line, errors included, in order.
    expect(written.map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(written.filter((entry) => entry.error !== undefined).map((entry) => entry.line)).toEqual([
      2, 3, 4, 5, 6,
    ]);
    // The three good lines are evaluated: erroneous 1/1 right, correct 1/2 right.
    const gsm8k = (metrics['splits'] as Record<string, { accError: number; accCorrect: number; f1: number }>)[
      'gsm8k'
    ];
    expect(gsm8k).toMatchObject({ accError: 1, accCorrect: 0.5 });
    expect(gsm8k?.f1).toBeCloseTo((2 * 0.5) / 1.5, 12);
  });

  it('ProcessBench: a split without correct samples has an undefined F1 and says so', async () => {
    const { metrics, run } = await evaluate(processBenchEvaluator({}), [
      json({ ...sample('math-0', 0), step_scores: [0.1, 0.9, 0.9] }),
      json({ ...sample('gsm8k-0', -1), step_scores: [0.9, 0.9, 0.9] }),
    ]);
    const splits = metrics['splits'] as Record<string, { f1: number | null; accError: number | null }>;
    expect(splits['math']).toMatchObject({ accError: 1, f1: null });
    expect(splits['gsm8k']).toMatchObject({ accError: null, f1: null });
    expect(run.outcome.notes).toContain("split 'math' has no correct samples: F1 undefined");
  });

  it('a hostile line (a __proto__ key) is refused by name, not evaluated under another split', async () => {
    const { errors, written } = await evaluate(processBenchEvaluator({}), [
      json({ ...sample('gsm8k-0', -1), step_scores: [0.9, 0.8, 0.7] }),
      '{"id": "gsm8k-1", "problem": "p", "steps": ["a"], "label": -1, "step_scores": [0.1], "__proto__": {"x": 1}}',
    ]);
    expect(errors).toEqual([expect.stringMatching(/^line 2.*__proto__/)]);
    expect(written.map((entry) => entry.line)).toEqual([1, 2]);
  });

  it('PRMBench: NaN and Infinity scores, labels of another length, invalid output, a missing result', async () => {
    const record = (idx: string, classification: string, steps: number, errorSteps: number[]) =>
      json({
        idx,
        classification,
        original_question: 'q',
        modified_question: 'q',
        original_process: Array.from({ length: steps }, (_, index) => `o${index}`),
        modified_process: Array.from({ length: steps }, (_, index) => `m${index}`),
        error_steps: errorSteps,
      });
    const { errors, written, metrics } = await evaluate(
      prmBenchEvaluator(0.5),
      [
        record('a', 'confidence', 3, [2]), // 1: scored fine
        record('b', 'confidence', 3, [3]), // 2: NaN in the scores file
        record('c', 'counterfactual', 2, [1]), // 3: labels for 3 steps of 2
        record('d', 'deception', 2, [2]), // 4: PRMBench marks the output invalid
        record('e', 'deception', 2, [2]), // 5: no result at all
        json({ idx: 'f', classification: 'confidence' }), // 6: missing fields
      ],
      [
        json({ id: 'confidence_a', step_scores: [0.9, 0.2, 0.7] }),
        '{"id": "confidence_b", "step_scores": [0.9, NaN, 0.1]}',
        json({ idx: 'counterfactual_c', scores: { step_level_validity_labels: [true, false, true] } }),
        json({ idx: 'deception_d', validity: false, scores: { step_level_validity_labels: [true, true] } }),
        '{"id": "deception_x", "score": Infinity}',
      ],
    );
    expect(errors).toEqual([
      "line 2: confidence_b: scores line 2: field 'step_scores[1]' is NaN, not a finite number",
      'line 3: counterfactual_c: step_labels has 3 entries for 2 steps',
      "line 4: deception_d: scores line 4: field 'validity' is false (the model's output was invalid); PRMBench leaves it out",
      expect.stringMatching(/^line 5: deception_e: no score for id 'deception_e' in /),
      expect.stringMatching(/^line 6: field 'modified_question': /),
    ]);
    expect(written.map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5, 6]);
    // Only line 1 is counted: TP 2 (steps 1, 3 valid), TN 1 (step 2 flagged).
    expect(metrics['confusion']).toEqual({ tp: 2, fp: 0, tn: 1, fn: 0 });
  });

  it('RewardBench 2: num_correct at odds with the answers is named', async () => {
    const { errors, metrics } = await evaluate(rewardBench2Evaluator(), [
      json({ id: 1, subset: 'Math', chosen: ['a'], rejected: ['b', 'c'], num_correct: 2 }),
      json({ id: 2, subset: 'Math', scores: [0.1, 0.3, 0.2], num_correct: 3 }),
      json({ id: 3, subset: 'Math', scores: [0.9, 0.3, 0.9, [0.1]], num_correct: 1 }),
    ]);
    expect(errors).toEqual([
      "line 1: field 'num_correct': is 2 but chosen has 1 answers",
      "line 2: field 'scores': has 3 entries, not more than num_correct (3)",
    ]);
    expect((metrics['subsets'] as Record<string, number>)['Math']).toBe(0.5);
  });
});
