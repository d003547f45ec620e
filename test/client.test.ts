import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardKitClient, RewardKitHttpError } from '../src/client/rewardkit-client.js';
import { type RunningServer, startTestServer } from './helpers/test-server.js';

describe('RewardKitClient against a live server', () => {
  let server: RunningServer;
  const apiKey = 'client-test-key-0123456789';

  beforeAll(async () => {
    server = await startTestServer({ apiKeys: [apiKey], limits: { maxBatchSize: 2 } });
  });

  afterAll(async () => {
    await server.close();
  });

  it('scores, speaks /get_reward and lists specs', async () => {
    const client = new RewardKitClient({ baseUrl: server.url, apiKey });
    const scored = await client.score([{ id: 'a', response: '<answer>1</answer>' }]);
    expect(scored.results[0]?.reward).toBe(1);
    expect(scored.summary.count).toBe(1);
    const rewards = await client.getReward({ query: ['<answer>2</answer>'] });
    expect(rewards.rewards).toEqual([1]);
    expect((await client.specs()).default).toBe('answer-format');
    expect(await client.ready()).toBe(true);
  });

  it('throws the server error with its RK code', async () => {
    const client = new RewardKitClient({ baseUrl: server.url, apiKey });
    const failure = await client
      .score([{ id: 'a', response: '' }], 'missing-spec')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RewardKitHttpError);
    expect((failure as RewardKitHttpError).code).toBe('RK_UNKNOWN_NAME');
    expect((failure as RewardKitHttpError).status).toBe(404);
    const unauthorized = new RewardKitClient({ baseUrl: server.url });
    await expect(unauthorized.specs()).rejects.toMatchObject({ code: 'RK_UNAUTHORIZED', status: 401 });
  });

  it('splits a batch above maxBatchSize and merges results and summary in order', async () => {
    const client = new RewardKitClient({ baseUrl: server.url, apiKey, maxBatchSize: 2 });
    const samples = [1, 2, 3, 4, 5].map((id) => ({
      id,
      response: id % 2 === 1 ? '<answer>1</answer>' : 'no',
    }));
    const { results, summary } = await client.score(samples);
    expect(results.map((result) => result.id)).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.reward)).toEqual([1, 0, 1, 0, 1]);
    expect(summary).toMatchObject({ count: 5, rewarded: 5, mean_reward: 0.6 });
  });
});
