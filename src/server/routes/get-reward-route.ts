import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RewardKitError } from '../../core/errors.js';
import { summarizeBatch } from '../batch-summary.js';
import { parseBody, type ServerContext } from '../server-context.js';

/** The OpenRLHF remote reward model request (`--remote_rm_url`). */
export const GetRewardBodySchema = z
  .object({
    /** Prompt + response as one text per rollout. */
    query: z.array(z.string()),
    /** The prompts; when a query starts with its prompt, the rest is the response. */
    prompts: z.array(z.string()).optional(),
    /** Ground-truth labels (the reference answers), one per query. */
    labels: z.array(z.union([z.string(), z.number()]).nullable()).optional(),
  })
  .passthrough();

/**
 * `POST /get_reward`: OpenRLHF's remote reward model protocol, scored with the default spec.
 * `rewards` must be numbers for the trainer, so a null reward is sent as 0 and counted in
 * `extra_logs.null_rewards` (never silently: the count is in every answer and in /metrics).
 */
export function registerGetRewardRoute(app: FastifyInstance, context: ServerContext): void {
  app.post('/get_reward', async (request) => {
    const started = performance.now();
    const body = parseBody(GetRewardBodySchema, request.body);
    for (const field of ['prompts', 'labels'] as const) {
      const values = body[field];
      if (values !== undefined && values.length !== body.query.length) {
        throw new RewardKitError(
          'RK_REQUEST_INVALID',
          `'${field}' has ${values.length} entries but 'query' has ${body.query.length}; they must be parallel`,
          { where: field },
        );
      }
    }
    const samples = body.query.map((query, index) => {
      const prompt = body.prompts?.[index];
      const label = body.labels?.[index];
      const response = prompt !== undefined && query.startsWith(prompt) ? query.slice(prompt.length) : query;
      return {
        id: String(index),
        response,
        ...(prompt === undefined ? {} : { prompt }),
        ...(label === undefined || label === null ? {} : { reference: { answer: String(label) } }),
      };
    });
    const results = await context.scorer.score(context.catalog.defaultSpec, samples, 'query');
    const summary = summarizeBatch(results, performance.now() - started);
    const rewards = results.map((result) => result.reward ?? 0);
    return {
      rewards,
      scores: rewards,
      extra_logs: {
        null_rewards: summary.null_rewards,
        undecided_components: summary.undecided_components,
        mean_reward: summary.mean_reward,
      },
    };
  });
}
