import { describe, expect, it } from 'vitest';
import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import { parseSpec } from '../core/spec.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';
import { CoalescingBackend } from './coalescing-backend.js';

const spec = parseSpec({ name: 't', rewards: [{ name: 'f', type: 'format', options: { pattern: 'x' } }] });

/** Answers after a tick; fails a batch that contains the input 'fail'. */
class FakeBackend implements ScoringBackend {
  readonly batches: unknown[][] = [];
  readonly signals: (AbortSignal | undefined)[] = [];
  async score(request: ScoreRequest): Promise<RewardResult[]> {
    this.batches.push([...request.inputs]);
    this.signals.push(request.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (request.inputs.includes('fail')) throw new RewardKitError('RK_COMPONENT_FAILED', 'failed on purpose');
    return request.inputs.map((input) => ({
      id: String(input),
      reward: 1,
      components: {},
      error: null,
      ms: 0,
    }));
  }
  async close() {}
}

describe('CoalescingBackend', () => {
  it('merges requests that wait while the backend is busy, and splits the results back in order', async () => {
    const inner = new FakeBackend();
    const backend = new CoalescingBackend(inner, { maxConcurrentBatches: 1, maxBatchSamples: 100 });
    const answers = await Promise.all([
      backend.score({ spec, inputs: ['a'] }),
      backend.score({ spec, inputs: ['b', 'c'] }),
      backend.score({ spec, inputs: ['d'] }),
    ]);
    expect(answers.map((results) => results.map((result) => result.id))).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(inner.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps merged batches under the sample cap', async () => {
    const inner = new FakeBackend();
    const backend = new CoalescingBackend(inner, { maxConcurrentBatches: 1, maxBatchSamples: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((input) => backend.score({ spec, inputs: [input] })));
    expect(inner.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('does not fail one request because a request merged with it failed', async () => {
    const inner = new FakeBackend();
    const backend = new CoalescingBackend(inner, { maxConcurrentBatches: 1, maxBatchSamples: 100 });
    const first = backend.score({ spec, inputs: ['a'] });
    const failing = backend.score({ spec, inputs: ['fail'] });
    const fine = backend.score({ spec, inputs: ['ok'] });
    await expect(first).resolves.toHaveLength(1);
    await expect(failing).rejects.toMatchObject({ code: 'RK_COMPONENT_FAILED' });
    await expect(fine).resolves.toEqual([expect.objectContaining({ id: 'ok' })]);
  });

  it('drops a waiting request that was cancelled, and cancels a merged batch only when all of its requests are', async () => {
    const inner = new FakeBackend();
    const backend = new CoalescingBackend(inner, { maxConcurrentBatches: 1, maxBatchSamples: 100 });
    const gone = new AbortController();
    const clientB = new AbortController();
    const clientC = new AbortController();
    const first = backend.score({ spec, inputs: ['a'] });
    const dropped = backend.score({ spec, inputs: ['gone'], signal: gone.signal });
    const merged = [
      backend.score({ spec, inputs: ['b'], signal: clientB.signal }),
      backend.score({ spec, inputs: ['c'], signal: clientC.signal }),
    ];
    gone.abort(new RewardKitError('RK_CANCELLED', 'the client went away'));
    await expect(dropped).rejects.toMatchObject({ message: 'the client went away' });
    await first;
    // 'gone' was never sent; 'b' and 'c' went together, under a signal that needs both cancelled.
    expect(inner.batches).toEqual([['a'], ['b', 'c']]);
    const mergedSignal = inner.signals[1] as AbortSignal;
    clientB.abort();
    expect(mergedSignal.aborted).toBe(false);
    clientC.abort();
    expect(mergedSignal.aborted).toBe(true);
    await Promise.all(merged);
  });
});
