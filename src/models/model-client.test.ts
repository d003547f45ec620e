import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/helpers/redis-server.js';
import { NO_FAULTS, startWorld, type WorldProcess } from '../../test/helpers/world-process.js';
import { ModelEndpointSchema } from '../core/model-endpoint.js';
import { ModelApis } from './model-apis.js';
import { ModelClient } from './model-client.js';
import { ModelRequestError } from './model-request-error.js';
import { probeEndpoints } from './probe-endpoints.js';
import { parseRetryAfter } from './retry-policy.js';

let world: WorldProcess;

beforeAll(async () => {
  world = await startWorld(['--seed', '9']);
});

afterAll(async () => {
  await world?.stop();
});

afterEach(async () => {
  await world.setFaults(NO_FAULTS);
});

function client(settings: Record<string, unknown> = {}) {
  const endpoint = ModelEndpointSchema.parse({ base_url: world.baseUrl, model: 'world-orm', ...settings });
  return new ModelClient({ name: 'orm', endpoint, backoff: { baseMs: 5, maxMs: 50 } });
}

const QUESTION = 'Ada has 5 apples. Then Ada gets 4 more. How many apples does Ada have now?';
const SOLUTION = `${QUESTION}\n\nGetting 4 more: 5 + 4 = 9. The answer is \\boxed{9}.`;

async function failure(promise: Promise<unknown>): Promise<ModelRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelRequestError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe('model client against the world', () => {
  it('rides out a 429 storm by retrying (Retry-After honoured) and loses nothing', async () => {
    await world.setFaults({ rate_429: 0.6, retry_after_s: 0.01 });
    const orm = client({ max_retries: 20, max_concurrency: 8 });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_value, index) =>
        orm.post('classify_root', { input: `${SOLUTION} #${index}` }, { cacheable: false }),
      ),
    );
    expect(answers).toHaveLength(30);
    expect(orm.usage().retries).toBeGreaterThan(0);
    expect(orm.usage().requests).toBe(30);
  });

  it('gives up after max_retries with a clear 429 error', async () => {
    await world.setFaults({ rate_429: 1, retry_after_s: 0 });
    const error = await failure(client({ max_retries: 2 }).post('classify_root', { input: SOLUTION }));
    expect(error.code).toBe('RK_OVERLOADED');
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
  });

  it('reports a 5xx that persists as unavailable, with the server body', async () => {
    await world.setFaults({ rate_500: 1 });
    const error = await failure(client({ max_retries: 1 }).post('classify_root', { input: SOLUTION }));
    expect(error.code).toBe('RK_UNAVAILABLE');
    expect(error.rawReply).toMatch(/internal server error/);
  });

  it('calls truncated or non-JSON replies malformed and keeps the raw text', async () => {
    await world.setFaults({ rate_truncate: 1 });
    const truncated = await failure(client({ max_retries: 0 }).post('classify_root', { input: SOLUTION }));
    expect(truncated.failure).toBe('malformed');
    expect(truncated.code).toBe('RK_UNPARSEABLE');
    expect(truncated.rawReply?.startsWith('{')).toBe(true);
    await world.setFaults({ rate_truncate: 0, rate_malformed: 1 });
    const html = await failure(client({ max_retries: 0 }).post('classify_root', { input: SOLUTION }));
    expect(html.rawReply).toMatch(/Bad Gateway/);
  });

  it('times out a hanging request at the endpoint timeout', async () => {
    await world.setFaults({ rate_hang: 1, hang_s: 5 });
    const error = await failure(
      client({ max_retries: 0, timeout_s: 0.3 }).post('classify_root', { input: SOLUTION }),
    );
    expect(error.failure).toBe('timeout');
    expect(error.code).toBe('RK_TIMEOUT');
  });

  it('answers a repeated request from the cache without sending it', async () => {
    const orm = client();
    const first = await orm.post('classify_root', { input: SOLUTION });
    const second = await orm.post('classify_root', { input: SOLUTION });
    expect(second).toEqual(first);
    expect(orm.usage()).toMatchObject({ requests: 1, cache_hits: 1 });
  });

  it('micro-batches concurrent inputs into list requests, one answer per input in order', async () => {
    const apis = new ModelApis(client(), { maxBatch: 8, maxWaitMs: 20 });
    const inputs = Array.from(
      { length: 20 },
      (_value, index) => `${index % 2 === 0 ? SOLUTION : SOLUTION.replace('boxed{9}', 'boxed{8}')} #${index}`,
    );
    const answers = await Promise.all(inputs.map((input) => apis.classify('classify_root', input, {})));
    expect(apis.batchStats()).toEqual({ batches: 3, items: 20 });
    expect(apis.client.usage().requests).toBe(3);
    answers.forEach((answer, index) => {
      expect(answer.probs[0]).toBeCloseTo(index % 2 === 0 ? 0.9 : 0.1, 12);
    });
  });

  it('sends a batch only the inputs no earlier batch answered, each answer in its place', async () => {
    const apis = new ModelApis(client(), { maxBatch: 8, maxWaitMs: 20 });
    const right = (index: number) => `${SOLUTION} #cached-${index}`;
    const wrong = (index: number) => `${SOLUTION.replace('boxed{9}', 'boxed{8}')} #cached-${index}`;
    await Promise.all([0, 1, 2].map((index) => apis.classify('classify_root', right(index), {})));
    const mixed = [right(0), wrong(3), right(1), wrong(4), right(2)];
    const answers = await Promise.all(mixed.map((input) => apis.classify('classify_root', input, {})));
    expect(apis.client.usage()).toMatchObject({ requests: 2, cache_hits: 3 });
    expect(answers.map((answer) => Math.round((answer.probs[0] ?? 0) * 10) / 10)).toEqual([
      0.9, 0.1, 0.9, 0.1, 0.9,
    ]);
  });

  it('counts tokens and prices them', async () => {
    const orm = client({ price_per_million_prompt_tokens: 2 });
    await orm.post('classify_root', { input: SOLUTION }, { cacheable: false });
    const usage = orm.usage();
    expect(usage.prompt_tokens).toBeGreaterThan(10);
    expect(usage.cost).toBeCloseTo((usage.prompt_tokens * 2) / 1_000_000, 15);
  });
});

describe('endpoint probe', () => {
  it('passes when every endpoint answers and names the one that is down', async () => {
    const up = ModelEndpointSchema.parse({ base_url: world.baseUrl, model: 'world-prm' });
    await expect(probeEndpoints({ prm: up })).resolves.toBeUndefined();
    const port = await freePort();
    const down = ModelEndpointSchema.parse({ base_url: `http://127.0.0.1:${port}/v1`, model: 'gone' });
    await expect(probeEndpoints({ prm: up, judge: down })).rejects.toThrow(
      `judge (http://127.0.0.1:${port}/v1) is unreachable: ECONNREFUSED`,
    );
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.25')).toBe(250);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
