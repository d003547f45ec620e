import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RewardKitError } from '../../core/errors.js';
import type { RewardResult } from '../../core/result.js';
import { requestSignal } from '../request-signal.js';
import { parseBody, type ServerContext } from '../server-context.js';
import { getRewardAnswer, jsonWithFloats } from './get-reward-answer.js';

const LabelSchema = z
  .union([
    z.string(),
    z.number(),
    z.array(z.union([z.string(), z.number()])).min(1, 'a list of accepted answers needs at least one'),
    /** A whole reference (`{"answer": ...}`, code tests ...), as a dataset column may hold it. */
    z.record(z.string(), z.unknown()),
  ])
  .nullable();

/** The OpenRLHF remote reward model request (`--reward.remote_url`, formerly `--remote_rm_url`). */
export const GetRewardBodySchema = z
  .object({
    /** Prompt + response as one text per rollout (decoded with special tokens). */
    query: z.array(z.string()),
    /** The prompts; when a query contains its prompt, what follows it is the response. */
    prompts: z.array(z.string()).optional(),
    /** Ground-truth labels, one per query: an answer, a list of accepted answers (any scores), or a reference object. */
    labels: z.array(LabelSchema).optional(),
    /** A spec name known to the server (rewardkit's extension); the default spec when absent. */
    spec: z.string().min(1).optional(),
  })
  .passthrough();

/**
 * End-of-sequence and padding tokens that OpenRLHF leaves in the decoded query
 * (`skip_special_tokens=False`); stripped from the end of the response so that format rewards
 * anchored at the end still see the answer last.
 */
const TRAILING_SPECIAL_TOKENS =
  /(?:\s*(?:<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<\|end_of_text\|>|<\|end\|>|<\/s>|<eos>|<end_of_turn>|<｜end▁of▁sentence｜>|<pad>|<\|pad\|>))+\s*$/u;

/** The response inside a query: what follows its prompt (when the query holds it), without trailing EOS tokens. */
export function responseOfQuery(query: string, prompt: string | undefined): string {
  let response = query;
  if (prompt !== undefined && prompt !== '') {
    const at = query.startsWith(prompt) ? 0 : query.indexOf(prompt);
    if (at >= 0) response = query.slice(at + prompt.length);
  }
  return response.replace(TRAILING_SPECIAL_TOKENS, '');
}

/**
 * `POST /get_reward`: OpenRLHF's remote reward model protocol, scored with the default spec.
 * The answer (see `getRewardAnswer`) holds one float per query in `rewards`, `scores` and every
 * `extra_logs` entry; numbers are written as floats.
 */
export function registerGetRewardRoute(app: FastifyInstance, context: ServerContext): void {
  app.post('/get_reward', async (request, reply) => {
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
      return {
        id: index,
        response: responseOfQuery(query, prompt),
        ...(prompt === undefined ? {} : { prompt }),
        ...(label === undefined || label === null
          ? {}
          : { reference: typeof label === 'object' && !Array.isArray(label) ? label : { answer: label } }),
      };
    });
    const spec = context.catalog.resolve(body.spec);
    const cancel = requestSignal(reply, context.shutdown);
    let results: RewardResult[];
    try {
      results = await context.scorer.score(spec, samples, 'query', cancel.signal);
    } finally {
      cancel.done();
    }
    reply.type('application/json; charset=utf-8');
    return jsonWithFloats(getRewardAnswer(spec, results));
  });
}
