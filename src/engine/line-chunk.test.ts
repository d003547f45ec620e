import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scored } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { parseSpec } from '../core/spec.js';
import { rewardKinds } from '../rewards/index.js';
import { scoreBlockWith } from './line-chunk.js';
import { Pipeline } from './pipeline.js';

const pipeline = Pipeline.compile(
  parseSpec({ name: 't', rewards: [{ name: 'exact', type: 'match', options: { mode: 'exact' } }] }),
);
const block = {
  firstLine: 1,
  count: 2,
  bytes: Buffer.from(
    [
      JSON.stringify({ id: 'a', response: '4', reference: { answer: '4' } }),
      JSON.stringify({ id: 'b', response: '5', reference: { answer: '4' } }),
    ].join('\n'),
  ),
};

describe('scoreBlockWith (the plain path: no io component, no cache)', () => {
  it('scores every line under a stop signal that has not fired', async () => {
    const reply = await scoreBlockWith(pipeline, block, new AbortController().signal);
    const rewards = reply.text.split('\n').map((line) => JSON.parse(line).reward);
    expect(rewards).toEqual([1, 0]);
    expect(reply.ids).toEqual(['a', 'b']);
  });

  it('cancels every line under a stop signal that fired before the block', async () => {
    const controller = new AbortController();
    controller.abort();
    const reply = await scoreBlockWith(pipeline, block, controller.signal);
    const results = reply.text.split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => result.id)).toEqual(['a', 'b']);
    expect(results.map((result) => result.error?.code)).toEqual(['RK_CANCELLED', 'RK_CANCELLED']);
    expect(results.map((result) => result.reward)).toEqual([null, null]);
  });

  it('tells an asynchronous CPU scorer (a sandboxed run) to stop when the signal fires mid-block', async () => {
    // A cpu kind whose score waits until it is told to stop, as a sandbox run would be killed.
    const waits = defineRewardKind({
      name: 'waits',
      description: 'answers only when stopped',
      optionsSchema: z.object({}),
      defaultTimeoutSeconds: 2,
      create: () => ({
        score: (_sample, context) =>
          new Promise((resolve) => {
            context.signal.addEventListener('abort', () => resolve(scored(1)), { once: true });
          }),
      }),
    });
    const waiting = Pipeline.compile(parseSpec({ name: 't', rewards: [{ name: 'w', type: 'waits' }] }), {
      rewardKinds: rewardKinds.extend([waits]),
    });
    const controller = new AbortController();
    const reply = scoreBlockWith(waiting, block, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const results = (await reply).text.split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => result.error?.code)).toEqual(['RK_CANCELLED', 'RK_CANCELLED']);
  });
});
