import { describe, expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import { parseSpec } from '../core/spec.js';
import { applyBatchStage, applyBatchStageToInputs, needsBatchStage } from './batch-stage.js';
import { Pipeline } from './pipeline.js';

const spec = (extra: Record<string, unknown>) =>
  parseSpec({
    name: 't',
    steps: { split: 'line' },
    rewards: [{ name: 'arith', type: 'step_check' }],
    ...extra,
  });

describe('process stage in the pipeline', () => {
  it('writes steps[].score and min-form steps[].return from the step checker', async () => {
    const pipeline = Pipeline.compile(spec({ process: { returns: 'min_form' } }));
    const result = await pipeline.scoreSample({ id: 'a', response: '2 + 2 = 4\n3 * 3 = 10\n1 + 1 = 2' });
    expect(result.steps?.map((step) => step.score)).toEqual([1, 0, 1]);
    expect(result.steps?.map((step) => step.return)).toEqual([0, 0, 1]);
    expect(result.reward).toBe(0);
  });

  it('takes step scores from the input and can make the aggregate the reward', async () => {
    const pipeline = Pipeline.compile(
      spec({ process: { step_scores: 'input', aggregate: 'mean', reward: 'aggregate' } }),
    );
    const result = await pipeline.scoreSample({
      id: 'a',
      response: 'x',
      steps: ['s1', 's2'],
      step_scores: [0.2, 0.6],
    });
    expect(result.reward).toBeCloseTo(0.4, 12);
    expect(result.steps?.map((step) => step.return)).toEqual([0.8, 0.6]);
  });

  it('reports a step-score count that does not match the steps instead of guessing', async () => {
    const pipeline = Pipeline.compile(spec({ process: { step_scores: 'input' } }));
    const result = (await pipeline.scoreSample({
      id: 'a',
      response: 'x',
      steps: ['s1', 's2'],
      step_scores: [1],
    })) as {
      process?: { error?: { message: string } };
      steps?: { score?: number | null }[];
    };
    expect(result.process?.error?.message).toMatch(/1 step scores for 2 steps/);
    expect(result.steps?.[0]?.score).toBeNull();
  });

  it('refuses a process.step_scores that names no reward, at compile time', () => {
    expect(() => Pipeline.compile(spec({ process: { step_scores: 'prm' } }))).toThrow(
      /no reward named 'prm'/,
    );
  });

  it('refuses an unknown estimator with the valid names, naming the path', () => {
    expect(() => spec({ advantages: { estimator: 'grpoo' } })).toThrow(
      /advantages\.estimator: expected one of/,
    );
  });
});

describe('applyBatchStage', () => {
  it('adds GRPO advantages over groups of the batch', async () => {
    const withAdvantages = spec({ advantages: { estimator: 'dr_grpo' } });
    expect(needsBatchStage(withAdvantages)).toBe(true);
    const pipeline = Pipeline.compile(withAdvantages);
    const samples: Sample[] = [
      { id: 'a', group: 'g', response: '2 + 2 = 4' },
      { id: 'b', group: 'g', response: '2 + 2 = 5' },
    ];
    const results = await pipeline.scoreBatch(samples);
    const out = applyBatchStage(withAdvantages, samples, results);
    expect(out.map((result) => result.advantage)).toEqual([0.5, -0.5]);
  });

  it('writes per-step advantages for a per-step estimator', async () => {
    const perStep = spec({ process: {}, advantages: { estimator: 'ps_grpo', whiten: false, epsilon: 0 } });
    const pipeline = Pipeline.compile(perStep);
    const samples: Sample[] = [
      { id: 'a', group: 'g', response: '1 + 1 = 2\n2 + 2 = 5' },
      { id: 'b', group: 'g', response: '1 + 1 = 3' },
    ];
    const out = applyBatchStage(perStep, samples, await pipeline.scoreBatch(samples));
    // pool [1, 0, 0]: normalized 1.1547, -0.5774; suffix sums
    expect(out[0]?.steps?.[0]?.advantage).toBeCloseTo(0.5773503, 6);
    expect(out[1]?.steps?.[0]?.advantage).toBeCloseTo(-0.5773503, 6);
  });

  it('gives a result without a reward a null advantage and the reason', () => {
    const withAdvantages = spec({ advantages: { estimator: 'rloo' } });
    const out = applyBatchStage(
      withAdvantages,
      [{ id: 'a', response: '' }],
      [{ id: 'a', reward: null, components: {}, error: null, ms: 0 }],
    );
    expect(out[0]?.advantage).toBeNull();
    expect(out[0]?.error?.message).toMatch(/no reward/);
  });
});

describe('applyBatchStageToInputs', () => {
  it('applies length shaping by group accuracy before the advantages, from raw inputs', async () => {
    const withShaping = parseSpec({
      name: 't',
      rewards: [{ name: 'arith', type: 'step_check' }],
      process: { length_shaping: { alpha: 0.3 } },
      advantages: { estimator: 'dr_grpo' },
    });
    const inputs = [
      { id: 'a', group: 'g', response: '1 + 1 = 2', response_length: 10 },
      { id: 'b', group: 'g', response: '1 + 1 = 2', response_length: 30 },
      { id: 'c', group: 'g', response: '1 + 1 = 3', response_length: 20 },
      'not a sample',
    ];
    const pipeline = Pipeline.compile(withShaping);
    const out = applyBatchStageToInputs(withShaping, inputs, await pipeline.scoreBatch(inputs));
    // accuracy 2/3; lambda 0.5, -0.5, 0 -> rewards 1.1, 0.9, 0
    expect(out[0]?.reward).toBeCloseTo(1.1, 12);
    expect(out[1]?.reward).toBeCloseTo(0.9, 12);
    expect(out[2]?.reward).toBeCloseTo(0, 12);
    expect(out[0]?.advantage).toBeCloseTo(1.1 - 2 / 3, 12);
    expect(out[3]?.advantage).toBeNull();
    expect(out[3]?.error?.code).toBe('RK_INPUT_INVALID');
  });
});

describe('hybrid normalization in the batch stage', () => {
  it('puts outcome and process aggregate on one scale before mixing, by hand', async () => {
    const hybrid = parseSpec({
      name: 't',
      rewards: [{ name: 'arith', type: 'step_check' }],
      process: { step_scores: 'input', aggregate: 'mean', hybrid: { epsilon: 0 } },
    });
    const inputs = [
      { id: 'a', response: '1 + 1 = 2', steps: ['1 + 1 = 2'], step_scores: [10] },
      { id: 'b', response: '1 + 1 = 3', steps: ['1 + 1 = 3'], step_scores: [30] },
    ];
    const pipeline = Pipeline.compile(hybrid);
    const out = applyBatchStageToInputs(hybrid, inputs, await pipeline.scoreBatch(inputs));
    // outcomes [1, 0] -> z = +-0.7071; aggregates [10, 30] -> z = -+0.7071: they cancel
    expect(out[0]?.reward).toBeCloseTo(0, 12);
    expect(out[1]?.reward).toBeCloseTo(0, 12);
  });
});

describe('GAE through a spec', () => {
  it('reads values from the sample and writes steps[].advantage, by hand', async () => {
    const gae = parseSpec({
      name: 't',
      rewards: [{ name: 'arith', type: 'step_check' }],
      process: { step_scores: 'input' },
      advantages: { estimator: 'gae', whiten: false },
    });
    const inputs = [{ id: 'a', response: 'x', steps: ['s1', 's2'], step_scores: [0, 1], values: [0.5, 0.8] }];
    const pipeline = Pipeline.compile(gae);
    const out = applyBatchStageToInputs(gae, inputs, await pipeline.scoreBatch(inputs));
    expect(out[0]?.steps?.map((step) => step.advantage)).toEqual([0.5, expect.closeTo(0.2, 12)]);
  });
});
