import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RewardKitError } from '../core/errors.js';
import { requestSignal } from '../server/request-signal.js';
import { ComputeLedger } from './compute-ledger.js';
import { searchStrategies } from './registry.js';
import { searchContext } from './search-context.js';
import type { Policy, StepVerifier } from './types.js';

/** The operator's limits: a request may ask for less, never for more. */
export interface SearchServerLimits {
  maxBudget: number;
  /** Searches running at once; more are answered 429 with Retry-After. */
  maxConcurrentSearches: number;
  defaultStrategy: string;
  defaultBudget: number;
  allowedStrategies: readonly string[];
}

const MessageSchema = z.object({ role: z.string(), content: z.string() }).passthrough();

const RequestSchema = z
  .object({
    model: z.string().optional(),
    messages: z.array(MessageSchema).min(1),
    /** rewardkit's fields: which strategy, its budget and options, and a seed. */
    strategy: z.string().optional(),
    budget: z.number().int().min(1).optional(),
    search_options: z.record(z.string(), z.unknown()).optional(),
    seed: z.number().int().optional(),
  })
  .passthrough();

function openAiError(status: number, message: string, type: string) {
  return { status, body: { error: { message, type, code: status } } };
}

/**
 * `rewardkit search serve`: an OpenAI-compatible `/v1/chat/completions` whose answer is chosen by
 * a search strategy behind it (the last user message is the problem). Request fields `strategy`,
 * `budget`, `search_options` and `seed` pick the search within the operator's limits; the reply
 * is a `chat.completion` whose `usage` counts the whole search and whose `search` field tells the
 * strategy, the selection and the compute spent.
 */
export function createSearchServer(
  policy: Policy,
  verifier: StepVerifier,
  limits: SearchServerLimits,
): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  let running = 0;
  // Closing the server cancels the searches in flight (they stop calling the models at once and
  // are answered 503) instead of waiting for them to finish.
  const shutdown = new AbortController();
  app.addHook('preClose', (done) => {
    shutdown.abort(new RewardKitError('RK_UNAVAILABLE', 'the search server is shutting down'));
    done();
  });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/v1/models', async () => ({
    object: 'list',
    data: limits.allowedStrategies.map((name) => ({
      id: `search-${name}`,
      object: 'model',
      owned_by: 'rewardkit',
    })),
  }));
  app.post('/v1/chat/completions', async (request, reply) => {
    const parsed = RequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const error = openAiError(
        400,
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        'invalid_request_error',
      );
      return reply.code(error.status).send(error.body);
    }
    const body = parsed.data;
    const strategyName = body.strategy ?? body.model?.replace(/^search-/, '') ?? limits.defaultStrategy;
    if (!limits.allowedStrategies.includes(strategyName) || !searchStrategies.has(strategyName)) {
      const error = openAiError(
        400,
        `strategy '${strategyName}' is not served here (served: ${limits.allowedStrategies.join(', ')})`,
        'invalid_request_error',
      );
      return reply.code(error.status).send(error.body);
    }
    const budget = body.budget ?? limits.defaultBudget;
    if (budget > limits.maxBudget) {
      const error = openAiError(
        400,
        `budget ${budget} is over this server's limit of ${limits.maxBudget}`,
        'invalid_request_error',
      );
      return reply.code(error.status).send(error.body);
    }
    const strategy = searchStrategies.get(strategyName);
    const options = strategy.optionsSchema.safeParse(body.search_options ?? {});
    if (!options.success) {
      const error = openAiError(
        400,
        `search_options: ${options.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
        'invalid_request_error',
      );
      return reply.code(error.status).send(error.body);
    }
    const question = [...body.messages].reverse().find((message) => message.role === 'user')?.content;
    if (question === undefined) {
      const error = openAiError(400, 'messages: no user message to answer', 'invalid_request_error');
      return reply.code(error.status).send(error.body);
    }
    if (running >= limits.maxConcurrentSearches) {
      const error = openAiError(429, 'too many searches in flight; retry later', 'rate_limit_error');
      return reply.code(429).header('retry-after', '1').send(error.body);
    }
    running += 1;
    // The search is for this client: it is cancelled when the client goes away before the reply.
    const cancel = requestSignal(reply, shutdown.signal);
    const context = searchContext({
      policy,
      verifier,
      ledger: new ComputeLedger(),
      seed: body.seed ?? 0,
      budget,
      signal: cancel.signal,
    });
    try {
      const result = await strategy.run({ id: 'request', prompt: question }, budget, options.data, context);
      const totals = result.compute;
      return {
        id: `search-${Date.now().toString(36)}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: `search-${strategyName}`,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: result.response ?? '' },
            finish_reason: result.response === null ? 'length' : 'stop',
          },
        ],
        usage: {
          prompt_tokens: Math.round(totals.promptTokens),
          completion_tokens: Math.round(totals.completionTokens),
          total_tokens: Math.round(totals.promptTokens + totals.completionTokens),
        },
        search: {
          strategy: result.strategy,
          budget,
          answer: result.answer,
          selection: result.selection,
          compute: totals,
        },
      };
    } catch (error) {
      if (shutdown.signal.aborted) {
        const failure = openAiError(503, 'the search server is shutting down; retry later', 'server_error');
        // connection: close, so that the server's close does not wait out the client's keep-alive.
        return reply.code(503).header('retry-after', '1').header('connection', 'close').send(failure.body);
      }
      const failure = openAiError(502, `the search failed: ${(error as Error).message}`, 'upstream_error');
      return reply.code(502).send(failure.body);
    } finally {
      running -= 1;
      cancel.done();
    }
  });
  return app;
}
