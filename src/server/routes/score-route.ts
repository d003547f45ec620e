import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { summarizeBatch } from '../batch-summary.js';
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

/** `POST /v1/score`: a batch of samples under a named or inline spec; results in input order. */
export function registerScoreRoute(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/score', async (request) => {
    const started = performance.now();
    const body = parseBody(ScoreBodySchema, request.body);
    const spec = context.catalog.resolve(body.spec);
    const results = await context.scorer.score(spec, body.samples, 'samples');
    return { results, summary: summarizeBatch(results, performance.now() - started) };
  });
}
