import { describe, expect, it } from 'vitest';
import { parseSpec } from '../core/spec.js';
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

describe('scoreBlockWith (the plain path: every scorer answers at once)', () => {
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
});
