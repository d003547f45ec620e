import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpecText } from '../src/core/spec.js';
import { Pipeline } from '../src/engine/pipeline.js';
import { resetSharedClients } from '../src/models/index.js';
import { worldSamples } from './fixtures/models/world-solutions.js';
import { startWorld, type WorldProcess } from './helpers/world-process.js';

let world: WorldProcess;

beforeAll(async () => {
  world = await startWorld([
    '--judge-accuracy',
    '1',
    '--prm-confidence',
    '0.9',
    '--verifier-confidence',
    '0.85',
    '--seed',
    '3',
  ]);
});

afterAll(async () => {
  await world?.stop();
});

/** A pipeline over one reward entry whose options name the world inline (model name given). */
function pipelineFor(type: string, options: Record<string, unknown>, extra = '') {
  resetSharedClients();
  const spec = parseSpecText(
    JSON.stringify({
      name: `${type}-test`,
      steps: { split: 'paragraph' },
      rewards: [{ name: 'model', type, options }],
      ...(extra === '' ? {} : JSON.parse(extra)),
    }),
  );
  return Pipeline.compile(spec);
}

const endpoint = (model: string) => ({ base_url: world.baseUrl, model, max_retries: 1, timeout_s: 20 });
const logit = (p: number) => Math.log(p / (1 - p));
const { right, wrong, rightSteps } = worldSamples(0);

describe('orm against the world', () => {
  it('reads the last class probability of vLLM /classify, batched', async () => {
    const pipeline = pipelineFor('orm', { model: endpoint('world-orm') });
    const [good, bad] = await pipeline.scoreBatch([right, wrong]);
    expect(good?.components['model']?.score).toBeCloseTo(0.9, 12);
    expect(bad?.components['model']?.score).toBeCloseTo(0.1, 12);
  });

  it('reads the last element of SGLang /v1/embeddings and normalizes it', async () => {
    const raw = pipelineFor('orm', { model: endpoint('world-orm'), api: 'embeddings' });
    expect((await raw.scoreSample(right)).components['model']?.score).toBeCloseTo(logit(0.9), 12);
    const squashed = pipelineFor('orm', {
      model: endpoint('world-orm'),
      api: 'embeddings',
      normalize: 'sigmoid',
    });
    expect((await squashed.scoreSample(wrong)).components['model']?.score).toBeCloseTo(0.1, 12);
  });

  it('sends the activation switch under the name the server version uses', async () => {
    const pipeline = pipelineFor('orm', {
      model: endpoint('world-orm'),
      activation: false,
      quirks: { activation_field: 'activation' },
    });
    expect((await pipeline.scoreSample(right)).components['model']?.score).toBeCloseTo(logit(0.9), 12);
  });
});

describe('prm against the world', () => {
  it('gives Qwen2.5-Math-PRM step probabilities (label 1 at each <extra_0>) and feeds the process stage', async () => {
    const pipeline = pipelineFor(
      'prm',
      { model: endpoint('world-prm'), explain: true },
      JSON.stringify({ process: { aggregate: 'min', reward: 'aggregate' } }),
    );
    const result = await pipeline.scoreSample(wrong);
    const component = result.components['model'];
    const expected = rightSteps.map((_step, index) => (index === 0 ? 0.9 : 0.1));
    component?.stepScores?.forEach((score, index) => {
      expect(score).toBeCloseTo(expected[index] as number, 12);
    });
    expect(result.steps?.map((step) => step.score)).toHaveLength(rightSteps.length);
    expect(result.reward).toBeCloseTo(0.1, 12);
    const request = component?.details['request'] as { role: string; content: string }[];
    expect(request.at(-1)?.content.endsWith('<extra_0>')).toBe(true);
    expect(request[0]?.content).toMatch(/boxed/);
  });

  it('reads Math-Shepherd rows [p(+), p(-)] at the ки tags from text input', async () => {
    const pipeline = pipelineFor('prm', { model: endpoint('world-prm'), preset: 'math-shepherd' });
    const result = await pipeline.scoreSample(right);
    expect(
      result.components['model']?.stepScores?.every((score) => Math.abs((score as number) - 0.9) < 1e-12),
    ).toBe(true);
  });

  it('reads next-token + / - log-probabilities of a generative-label PRM, one prompt per step prefix', async () => {
    const pipeline = pipelineFor('prm', {
      model: endpoint('world-prm'),
      method: 'next_token',
      preset: 'math-shepherd',
    });
    const result = await pipeline.scoreSample(wrong);
    const scores = result.components['model']?.stepScores as number[];
    expect(scores[0]).toBeCloseTo(0.9, 12);
    expect(scores[1]).toBeCloseTo(0.1, 12);
  });
});

describe('judge against the world', () => {
  it('scales a pointwise rating to [0, 1]', async () => {
    const pipeline = pipelineFor('judge', { model: endpoint('world-judge') });
    const [good, bad] = await pipeline.scoreBatch([right, wrong]);
    expect(good?.components['model']?.score).toBe(1);
    expect(bad?.components['model']?.score).toBe(0);
  });

  it('weights rubric criteria', async () => {
    const criteria = [
      { name: 'correctness', weight: 3, description: 'the final answer is right' },
      { name: 'clarity', weight: 1, description: 'each step says what it computes' },
    ];
    const pipeline = pipelineFor('judge', {
      model: endpoint('world-judge'),
      mode: 'rubric',
      criteria,
      scale: { min: 0, max: 4 },
    });
    expect((await pipeline.scoreSample(right)).components['model']?.score).toBe(1);
  });

  it('compares pairwise against reference.rejected, both orders', async () => {
    const pipeline = pipelineFor('judge', { model: endpoint('world-judge'), mode: 'pairwise', swap: true });
    const sample = { ...right, reference: { rejected: wrong.response } };
    expect((await pipeline.scoreSample(sample)).components['model']?.score).toBe(1);
  });

  it('reads the earliest wrong paragraph from the ProcessBench critique into step scores', async () => {
    const pipeline = pipelineFor('judge', {
      model: endpoint('world-judge'),
      mode: 'processbench',
      sampling: { samples: 3 },
      vote: 'majority',
    });
    const result = await pipeline.scoreSample(wrong);
    expect(result.components['model']?.score).toBe(0);
    expect(result.components['model']?.details['earliest_error']).toBe(1);
    expect(result.components['model']?.stepScores).toEqual(
      rightSteps.map((_step, index) => (index < 1 ? 1 : 0)),
    );
  });

  it('is unparseable, with the raw reply, when the reply does not match the rule', async () => {
    const pipeline = pipelineFor('judge', { model: endpoint('world-judge'), pattern: 'Score: (\\d+)' });
    const component = (await pipeline.scoreSample(right)).components['model'];
    expect(component?.score).toBeNull();
    expect(component?.status).toBe('unparseable');
    expect(JSON.stringify(component?.details['raw_reply'])).toMatch(/Rating/);
  });
});

describe('genprm against the world', () => {
  it('scores each verdict by P(yes) / (P(yes) + P(no)) and votes k samples', async () => {
    const pipeline = pipelineFor('genprm', { model: endpoint('world-genprm'), sampling: { samples: 2 } });
    const result = await pipeline.scoreSample(wrong);
    const scores = result.components['model']?.stepScores as number[];
    expect(scores[0]).toBeCloseTo(0.85, 12);
    expect(scores[1]).toBeCloseTo(0.15, 12);
    expect(result.components['model']?.score).toBeCloseTo(0.15, 12);
  });

  it('falls back to hard verdicts without logprobs', async () => {
    const pipeline = pipelineFor('genprm', { model: endpoint('world-genprm'), use_logprobs: false });
    expect(
      (await pipeline.scoreSample(right)).components['model']?.stepScores?.every((score) => score === 1),
    ).toBe(true);
  });
});

describe('implicit_prm against the world', () => {
  it('gives beta * the log-ratio of the two models summed over each step', async () => {
    const beta = 0.5;
    const pipeline = pipelineFor('implicit_prm', {
      policy: endpoint('world-policy-0.9'),
      reference: endpoint('world-policy-0.6'),
      beta,
    });
    const result = await pipeline.scoreSample(wrong);
    const rewards = result.components['model']?.stepScores as number[];
    const difficulty = worldSamples(0).problem.difficulty;
    const chance = (skill: number) => Math.min(0.8, Math.max(0.001, ((1 - skill) * difficulty) / 4));
    // A right step: the result is the candidate of probability 1 - p (digits of a whole candidate).
    // The wrong step: its result is off by one, a candidate of probability p / 6.
    expect(rewards[0]).toBeCloseTo(beta * (Math.log(1 - chance(0.9)) - Math.log(1 - chance(0.6))), 6);
    expect(rewards[1]).toBeCloseTo(beta * (Math.log(chance(0.9) / 6) - Math.log(chance(0.6) / 6)), 6);
    expect(rewards[1]).toBeLessThan(0);
  });

  it('reads the same numbers from vLLM prompt_logprobs as from echoed logprobs', async () => {
    const read = async (request: string) => {
      const pipeline = pipelineFor('implicit_prm', {
        policy: endpoint('world-policy-0.9'),
        reference: endpoint('world-policy-0.6'),
        request,
      });
      return (await pipeline.scoreSample(wrong)).components['model']?.stepScores;
    };
    const fromEcho = await read('echo');
    expect(fromEcho).toHaveLength(worldSamples(0).wrongSteps.length);
    expect(await read('prompt_logprobs')).toEqual(fromEcho);
  });
});
