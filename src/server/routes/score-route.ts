import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ErrorInfo, RewardKitError } from '../../core/errors.js';
import type { RewardResult } from '../../core/result.js';
import type { SampleId } from '../../core/sample.js';
import type { Spec } from '../../core/spec.js';
import { sampleIdOf } from '../../io/sample-id.js';
import { checkSampleShape } from '../../io/sample-shape.js';
import { summarizeBatch } from '../batch-summary.js';
import { requestSignal } from '../request-signal.js';
import { parseBody, type ServerContext } from '../server-context.js';

export const ScoreBodySchema = z
  .object({
    /** A spec name known to the server, or an inline spec object; the default spec when absent. */
    spec: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    /** Samples (the sample contract); each is validated on its own and an invalid one gets an error result. */
    samples: z.array(z.unknown()),
  })
  .strict();

export type ScoreBody = z.input<typeof ScoreBodySchema>;

function refusedResult(id: SampleId, error: ErrorInfo): RewardResult {
  return { id, reward: null, components: {}, error, ms: 0 };
}

/**
 * Scores a batch in which a sample of a hostile shape (too deep, too many values, a `__proto__`
 * key) or a repeated id becomes that sample's own error result, in its place, while the rest is
 * scored as usual. A sample without a usable id is answered under its place, `samples[N]`.
 */
async function scoreScreened(
  context: ServerContext,
  spec: Spec,
  inputs: readonly unknown[],
  signal: AbortSignal,
): Promise<RewardResult[]> {
  const refused = new Map<number, RewardResult>();
  const firstIndexOfId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const where = `samples[${index}]`;
    const id = sampleIdOf(input);
    const problem = checkSampleShape(input, where);
    if (problem !== undefined) {
      refused.set(index, refusedResult(id ?? where, problem));
      return;
    }
    if (id === undefined) return;
    // 7 and "7" are one id (as in the CLI).
    const key = String(id);
    const first = firstIndexOfId.get(key);
    if (first === undefined) {
      firstIndexOfId.set(key, index);
      return;
    }
    refused.set(
      index,
      refusedResult(id, {
        code: 'RK_DUPLICATE_ID',
        message: `${where}: the id ${JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}...` : id)} is already used by samples[${first}]`,
        where,
      }),
    );
  });
  // Empty and oversized batches are refused whole by the scorer, whatever their samples hold.
  if (inputs.length === 0 || inputs.length > context.limits.maxBatchSize) {
    return context.scorer.score(spec, inputs, 'samples', signal);
  }
  const admittedIndexes = inputs.flatMap((_input, index) => (refused.has(index) ? [] : [index]));
  const admitted = admittedIndexes.map((index) => inputs[index]);
  const scored = admitted.length === 0 ? [] : await context.scorer.score(spec, admitted, 'samples', signal);
  const results = inputs.map((_input, index) => refused.get(index)) as (RewardResult | undefined)[];
  admittedIndexes.forEach((index, position) => {
    const result = scored[position] as RewardResult;
    // The scorer names an id-less invalid sample by a line number it does not have here.
    results[index] =
      sampleIdOf(inputs[index]) === undefined ? { ...result, id: `samples[${index}]` } : result;
  });
  return results as RewardResult[];
}

/** `POST /v1/score`: a batch of samples under a named or inline spec; results in input order. */
export function registerScoreRoute(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/score', async (request, reply) => {
    const started = performance.now();
    const body = parseBody(ScoreBodySchema, request.body);
    if (typeof body.spec === 'object') {
      const problem = checkSampleShape(body.spec, 'spec');
      if (problem !== undefined)
        throw new RewardKitError('RK_SPEC_INVALID', problem.message, { where: 'spec' });
    }
    const spec = context.catalog.resolve(body.spec);
    const cancel = requestSignal(reply, context.shutdown);
    let results: RewardResult[];
    try {
      results = await scoreScreened(context, spec, body.samples, cancel.signal);
    } finally {
      cancel.done();
    }
    return { results, summary: summarizeBatch(results, performance.now() - started) };
  });
}
